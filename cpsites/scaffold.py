"""`cpsites new`: start a news post, officer, event, TV episode or newspaper issue from valid files.

What we write passes `cpsites check` and builds at once; the texts the press officer must still
write carry the marker PLACEHOLDER, which `check` reports as a warning until they are replaced.
Texts are written in the three languages where the type has text (a news post: one Markdown file
per language; officers, events and episodes: one YAML file with az, ru and en side by side).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from cpsites.check import PLACEHOLDER
from cpsites.content.department import Department, load_department
from cpsites.errors import ContentError, display_path
from cpsites.i18n import LANGS, TZ

KINDS = ("news", "officer", "event", "episode", "issue", "priority", "poll")

# Latin letters for file names: Azerbaijani and Russian (GOST-like, as in passports) spellings.
_TRANSLIT = {
    "ə": "e", "ı": "i", "ş": "sh", "ç": "ch", "ğ": "gh", "ö": "o", "ü": "u", "i̇": "i",
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch",
    "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
}


def slugify(text: str, max_words: int = 6) -> str:
    """'Polisdə Açıq Qapı Günü' -> 'polisde-aciq-qapi-gunu'; 'День открытых дверей' -> 'den-otkrytykh-dverey'."""
    text = text.replace("İ", "i").replace("I", "ı").lower()
    text = "".join(_TRANSLIT.get(c, c) for c in text)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", text)
    return "-".join(words[:max_words]) or "new"


def today() -> dt.date:
    """Today in Baku, where the departments are (a post written at 01:00 is dated that day)."""
    return dt.datetime.now(TZ).date()


def q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML), keeping ə and Cyrillic readable."""
    return json.dumps(text, ensure_ascii=False)


@dataclass
class Request:
    kind: str
    site_dir: Path
    title: str                      # in Azerbaijani
    titles: dict[str, str]          # optional ru / en titles
    date: dt.date
    slug: str | None = None

    def title_in(self, lang: str) -> str:
        return self.titles.get(lang) or self.title

    def marked(self, lang: str) -> str:
        """A YAML comment asking for the translation when only the az title was given."""
        return "" if lang == "az" or self.titles.get(lang) else f"  # {PLACEHOLDER}: translate"


def create(req: Request) -> list[Path]:
    """Write the files of a new item; returns their paths. Refuses to overwrite anything."""
    if req.kind not in KINDS:
        raise ContentError.at(req.site_dir, f'cannot create "{req.kind}"; choose one of: {", ".join(KINDS)}')
    if not req.title.strip() and req.kind != "issue":
        raise ContentError.at(req.site_dir, 'give a title: --title "..."')
    dept = load_department(req.site_dir)
    files = _WRITERS[req.kind](req, dept)
    existing = [p for p in files if p.exists()]
    if existing:
        raise ContentError([ContentError.at(p, "this file already exists; choose another title or --slug, "
                                               "or edit the file").problems[0] for p in existing])
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    return list(files)


# -- news ------------------------------------------------------------------------------------------

NEWS_TEXT = {
    "summary": {"az": "Xəbərin qısa məzmunu bir cümlə ilə.", "ru": "Краткое содержание новости в одном предложении.",
                "en": "The news in one sentence."},
    "body": {"az": "Xəbərin mətnini buraya yazın: nə baş verdi, harada, nə vaxt, kimlər iştirak etdi.",
             "ru": "Напишите здесь текст новости: что произошло, где, когда, кто участвовал.",
             "en": "Write the news here: what happened, where, when, who took part."},
}


def _news(req: Request, dept: Department) -> dict[Path, str]:
    slug = req.slug or f"{req.date.isoformat()}-{slugify(req.title, 4)}"
    folder = req.site_dir / "docs" / "news"
    out = {}
    for lang in LANGS:
        out[folder / f"{slug}.{lang}.md"] = (
            "---\n"
            f"title: {q(req.title_in(lang))}{req.marked(lang)}\n"
            f"date: {req.date.isoformat()}\n"
            f"summary: {q(NEWS_TEXT['summary'][lang])}  # {PLACEHOLDER}\n"
            "tags: []  # for example [community-policing, schools]; see the handbook for the list\n"
            "# image: images/news/photo.jpg\n"
            "# image_alt: what the photo shows, for readers who cannot see it\n"
            "---\n\n"
            f"<!-- {PLACEHOLDER}, then delete this line -->\n"
            f"{NEWS_TEXT['body'][lang]}\n"
        )
    return out


# -- data files (one YAML file, texts in az, ru and en) ----------------------------------------------

def _texts(values: dict[str, str], indent: int = 2, placeholder: bool = True) -> str:
    pad = " " * indent
    mark = f"  # {PLACEHOLDER}" if placeholder else ""
    return "".join(f"{pad}{lang}: {q(values[lang])}{mark}\n" for lang in LANGS)


def _titles(req: Request, indent: int = 2) -> str:
    pad = " " * indent
    return "".join(f"{pad}{lang}: {q(req.title_in(lang))}{req.marked(lang)}\n" for lang in LANGS)


def _officer(req: Request, dept: Department) -> dict[Path, str]:
    from cpsites.content.officers import load_officers

    try:
        taken = {a.number for o in load_officers(req.site_dir) for a in o.areas}
    except ContentError:
        taken = set()
    area = max(taken, default=0) + 1
    slug = req.slug or slugify(req.title, 4)
    text = (
        "# A neighbourhood police officer. Texts in az (required), ru and en.\n"
        "# Photo: put it in docs/images/officers/ and uncomment the photo line.\n"
        "name:\n" + _titles(req) +
        "rank:\n" + _texts({"az": "polis leytenantı", "ru": "лейтенант полиции", "en": "Police Lieutenant"}) +
        "role:\n" + _texts({"az": "sahə polis inspektoru", "ru": "участковый инспектор полиции",
                            "en": "Neighbourhood Police Officer"}, placeholder=False) +
        f"# photo: images/officers/{slug}.jpg\n"
        f"phone: {q(dept.phones.duty)}  # {PLACEHOLDER}: the officer's own number\n"
        "# email: name@polis.example\n"
        "areas:\n"
        f"  - number: {area}\n"
        "    name:\n" + _texts({"az": f"{area} saylı sahə", "ru": f"Участок № {area}", "en": f"Area {area}"}, 6) +
        "    streets:\n"
        f"      - az: {q(f'{area} saylı sahənin küçəsi')}  # {PLACEHOLDER}: one line per street\n"
        f"        ru: {q(f'Улица участка № {area}')}\n"
        f"        en: {q(f'A street of area {area}')}\n"
        "reception:\n"
        "  hours:\n" + _texts({"az": "Bazar ertəsi, 15:00–18:00", "ru": "Понедельник, 15:00–18:00",
                               "en": "Monday, 15:00–18:00"}, 4) +
        "  place:\n" + _texts({lang: dept.address.get(lang) for lang in LANGS}, 4)
    )
    return {req.site_dir / "officers" / f"{slug}.yml": text}


def _event(req: Request, dept: Department) -> dict[Path, str]:
    slug = req.slug or f"{req.date.isoformat()}-{slugify(req.title, 4)}"
    day = req.date.isoformat()
    text = (
        "# An event. Start and end are Baku time, written as YYYY-MM-DD HH:MM.\n"
        "# kind: open-day, advisory-group, working-group, school-visit, competition, football,\n"
        "#       road-safety, clean-internet, press-meeting, reception or other\n"
        "kind: other\n"
        "title:\n" + _titles(req) +
        f"start: {day} 10:00  # {PLACEHOLDER}: the real time\n"
        f"end: {day} 12:00\n"
        "place:\n" + _texts({lang: dept.address.get(lang) for lang in LANGS}) +
        "description:\n" + _texts({
            "az": "Tədbir haqqında bir neçə cümlə: kimlər üçündür, nə olacaq.",
            "ru": "Несколько предложений о мероприятии: для кого оно и что будет.",
            "en": "A few sentences about the event: who it is for and what will happen."})
    )
    return {req.site_dir / "events" / f"{slug}.yml": text}


def _episode(req: Request, dept: Department) -> dict[Path, str]:
    from cpsites.content.tv import load_episodes

    try:
        episodes = load_episodes(req.site_dir)
    except ContentError:
        episodes = []
    number = max((e.data.number for e in episodes), default=0) + 1
    last = max(episodes, key=lambda e: e.air, default=None)
    time = last.data.time.strftime("%H:%M") if last else "19:00"
    duration = last.data.duration if last else 25
    same_day = sum(1 for e in episodes if e.data.date == req.date)
    slug = req.slug or f"{req.date.isoformat()}-{same_day + 1}"
    text = (
        "# One broadcast of the department's TV programme. Date and time are Baku time.\n"
        "# The file name is the air date and the number of the broadcast on that day.\n"
        f"number: {number}\n"
        f"date: {req.date.isoformat()}\n"
        f'time: "{time}"\n'
        f"duration: {duration}   # minutes\n"
        "title:\n" + _titles(req) +
        "summary:\n" + _texts({
            "az": "Verilişdə nədən danışılır, kimlər iştirak edir.",
            "ru": "О чём выпуск и кто в нём участвует.",
            "en": "What the episode is about and who takes part."}) +
        "# video:\n"
        "#   url: https://www.youtube.com/watch?v=...   (or file: video/tv/episode.mp4)\n"
        "#   poster: images/tv/episode.jpg\n"
    )
    return {req.site_dir / "tv" / f"{slug}.yml": text}


def _issue(req: Request, dept: Department) -> dict[Path, str]:
    from cpsites.content.news import load_news
    from cpsites.content.newspaper import load_issues

    news = load_news(req.site_dir / "docs")
    try:
        issues = load_issues(req.site_dir, news)
    except ContentError:
        issues = []
    number = max((i.number for i in issues), default=0) + 1
    slug = req.slug or req.date.strftime("%Y-%m")
    # the two newest posts with a Russian text: the lead on page 1, the next on page 2; short
    # enough to fit any post, so the new issue builds at once and the editor adds from there
    with_ru = [p for p in news if "ru" in p.variants]
    posts = (with_ru or news)[:2]
    languages = "[az, ru]" if with_ru else "[az]"  # every story needs a text in every edition
    if not posts:
        raise ContentError.at(req.site_dir / "docs" / "news", "a newspaper issue is made of news posts, and "
                              "there are none yet; write some first (cpsites new news)")
    places = [(1, True), (2, False)]
    stories = "".join(
        f"  - news: {p.slug}\n    page: {page}\n" + ("    lead: true\n" if lead else "")
        for p, (page, lead) in zip(posts, places))
    note = f"# {req.title}\n" if req.title.strip() else ""
    text = (
        note +
        "# A newspaper issue: its stories in order (news posts from docs/news/ by file name, or\n"
        "# newspaper-only stories from newspaper/stories/) and the boxed panels, page by page.\n"
        f"# {PLACEHOLDER}: choose the stories and pages; then run cpsites paper --dept {dept.slug} "
        f"--issue {slug}\n"
        f"number: {number}\n"
        f"date: {req.date.isoformat()}\n"
        f"languages: {languages}\n"
        "pages: 2\n"
        "stories:\n" + stories +
        "boxes:\n"
        "  - box: emergency\n"
        "    page: 2\n"
    )
    return {req.site_dir / "newspaper" / f"{slug}.yml": text}


def _priority(req: Request, dept: Department) -> dict[Path, str]:
    from cpsites.content.officers import load_officers

    try:
        officers = load_officers(req.site_dir)
    except ContentError:
        officers = []
    area = min((a.number for o in officers for a in o.areas), default=None)
    officer = next((o.id for o in officers for a in o.areas if a.number == area), None)
    slug = req.slug or slugify(req.title, 5)
    day = req.date.isoformat()
    text = (
        "# A local priority: a problem residents raised and what the police do about it.\n"
        "# area: an area number from the officer files, or city. raised_at: advisory-group,\n"
        "# complaint-box, poll, letter or online (with group: and event: for a meeting).\n"
        "# status: open, in-progress or resolved. Review it at least every 90 days.\n"
        f"area: {area if area is not None else 'city'}  # {PLACEHOLDER}: the area\n"
        "issue:\n" + _titles(req) +
        "raised_at: advisory-group\n"
        f"raised_on: {day}\n"
        "status: open\n"
        f"reviewed_on: {day}\n"
        "actions:\n"
        f"  - date: {day}\n" + (f"    officer: {officer}\n" if officer else "") +
        "    text:\n" + _texts({"az": "Görülən iş: nə edildi, kim etdi.", "ru": "Что сделано и кем.",
                                "en": "What was done, and by whom."}, 6)
    )
    return {req.site_dir / "priorities" / f"{slug}.yml": text}


def _poll(req: Request, dept: Department) -> dict[Path, str]:
    slug = req.slug or f"{req.date.strftime('%Y-%m')}-{slugify(req.title, 4)}"
    day = req.date.isoformat()
    answer = "      - label: {az: %s, ru: %s, en: %s}\n        count: 0  # %s: the count\n"
    text = (
        "# An opinion poll: write the counts from the fieldwork report; percentages are computed.\n"
        "# Ask a question again in a later poll with the same id and answers: a trend is drawn.\n"
        "title:\n" + _titles(req) +
        f"fieldwork:\n  start: {day}\n  end: {day}\n"
        "method:\n" + _texts({"az": "evlərdə üzbəüz müsahibə", "ru": "личные интервью на дому",
                              "en": "face-to-face interviews at home"}) +
        f"sample: 100  # {PLACEHOLDER}: how many people were asked\n"
        "questions:\n"
        "  - id: trust\n"
        "    text:\n" + _texts({"az": "Məhəllənizdəki polisə nə dərəcədə etibar edirsiniz?",
                                "ru": "Насколько вы доверяете полиции в вашем районе?",
                                "en": "How much do you trust the police in your neighbourhood?"}, 6, placeholder=False) +
        "    answers:\n" +
        (answer % ("Tamamilə", "Полностью", "Completely", PLACEHOLDER)).replace("count: 0", "count: 1") +
        answer % ("Əsasən", "В основном", "Mostly", PLACEHOLDER) +
        answer % ("Az", "Мало", "A little", PLACEHOLDER) +
        answer % ("Heç", "Совсем нет", "Not at all", PLACEHOLDER) +
        answer % ("Bilmirəm", "Затрудняюсь ответить", "Don't know", PLACEHOLDER)
    )
    return {req.site_dir / "polls" / f"{slug}.yml": text}


_WRITERS = {"news": _news, "officer": _officer, "event": _event, "episode": _episode, "issue": _issue,
            "priority": _priority, "poll": _poll}


def describe(paths: list[Path]) -> str:
    return "\n".join(f"  {display_path(p)}" for p in paths)
