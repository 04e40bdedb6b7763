"""Posters: sites/<slug>/posters/<name>.<lang>.md, a headline, a short text, an optional picture
and an optional event; printed on A3 and A4 with the department's identity and a QR code.

    ---
    headline: Polisdə Açıq Qapı Günü
    image: images/news/open-day.jpg   # optional, under docs/
    image_alt: Polis idarəsinin binası
    event: 2026-11-14-open-day        # optional: the QR code leads to this event's page
    qr: officers                      # optional: site (default), officers or event
    ---
    A few sentences.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from pydantic import Field

from cpsites.content.fields import check_file
from cpsites.content.policy import scan
from cpsites.content.schema import Strict, base_name, language_files, validate
from cpsites.content.source import line_of, split_front_matter
from cpsites.errors import ContentError, Problem, display_path
from cpsites.i18n import DEFAULT_LANG

MAX_WORDS = 90  # a poster is read from two metres: a few sentences


class PosterMeta(Strict):
    headline: str = Field(min_length=1, max_length=80)
    image: str | None = None
    image_alt: str | None = None
    event: str | None = None
    qr: Literal["site", "officers", "event"] | None = None


@dataclass
class PosterText:
    meta: PosterMeta
    body: str
    path: Path
    text: str


@dataclass
class Poster:
    name: str
    texts: dict[str, PosterText] = field(default_factory=dict)

    def text(self, lang: str) -> PosterText:
        return self.texts.get(lang) or self.texts[DEFAULT_LANG]

    def qr_target(self, lang: str) -> str:
        """The site page the QR code leads to (relative to the language's root)."""
        meta = self.text(lang).meta
        kind = meta.qr or ("event" if meta.event else "site")
        return {"site": "", "officers": "officers/", "event": f"events/{meta.event}/"}[kind]


def _load_one(path: Path, docs_dir: Path) -> PosterText:
    meta, body, body_line, text = split_front_matter(path)
    if not meta:
        raise ContentError.at(path, "the poster has no front matter; start it with --- lines holding "
                              "at least `headline:`", 1)
    valid = validate(PosterMeta, meta, path, text)
    problems = scan(text, path, markdown=True)
    if problems:
        raise ContentError(problems)
    if valid.image:
        check_file(docs_dir, valid.image, path, text, "image", "picture")
        if not (valid.image_alt or "").strip():
            raise ContentError.at(path, "`image_alt`: describe the picture in a few words (for the screen "
                                  "reader version and the web page)", line_of(text, "image"))
    if valid.qr == "event" and not valid.event:
        raise ContentError.at(path, "`qr: event` needs `event:` with the event's file name (events/<name>.yml)",
                              line_of(text, "qr"))
    words = len(body.split())
    if words > MAX_WORDS:
        raise ContentError.at(path, f"the poster text has {words} words, {words - MAX_WORDS} too many: a poster "
                              f"holds at most {MAX_WORDS}; shorten it", body_line)
    return PosterText(valid, body.strip(), path, text)


def load_posters(site_dir: Path) -> list[Poster]:
    folder = site_dir / "posters"
    if not folder.is_dir():
        return []
    posters: dict[str, Poster] = {}
    problems: list[Problem] = []
    for path, lang in language_files(folder, problems):
        try:
            posters.setdefault(base_name(path), Poster(base_name(path))).texts[lang] = _load_one(path, site_dir / "docs")
        except ContentError as exc:
            problems.extend(exc.problems)
    for p in posters.values():
        if p.texts and DEFAULT_LANG not in p.texts:
            problems.append(Problem(display_path(next(iter(p.texts.values())).path), 0,
                                    f"there is no Azerbaijani version {p.name}.az.md; every poster needs one"))
    if problems:
        raise ContentError(problems)
    return [p for _, p in sorted(posters.items())]


def check_poster_events(posters: list[Poster], events: list) -> list[Problem]:
    """A poster's `event:` must name an event of the department: its QR code leads to that page."""
    known = {e.id for e in events}
    return [Problem(display_path(t.path), line_of(t.text, "event"),
                    f'`event`: there is no event "{t.meta.event}" (no file events/{t.meta.event}.yml), so the QR '
                    f"code would lead nowhere; use one of: {', '.join(sorted(known)) or '(no events yet)'}")
            for p in posters for t in p.texts.values() if t.meta.event and t.meta.event not in known]


__all__ = ["Poster", "PosterMeta", "load_posters", "check_poster_events"]
