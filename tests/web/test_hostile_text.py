"""Escape by construction: texts full of quotes and angle brackets come out as the same text.

A department whose titles, summaries, names, alt texts, places and streets hold `" ' < > &`, a
closing tag, and the injection that once reached every page's head
(`Bayram"><img src="https://tracker.example/p.png" alt="">`) is built with the real command line.
Every page is parsed: no element or attribute was injected, and the visible text and the
attribute values hold each text exactly as written. Feeds, calendars, vCards and JSON-LD are read
with their own parsers and give the same texts back.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

# the workflow fixtures build a small project (portal + `demo`): load them by path
import importlib.util as _ilu  # noqa: E402
_spec = _ilu.spec_from_file_location("_conftest_workflow",
                                     Path(__file__).resolve().parents[1] / "workflow" / "conftest.py")
_cf = _ilu.module_from_spec(_spec)
_spec.loader.exec_module(_cf)

INJECTION = 'Bayram"><img src="https://tracker.example/p.png" alt="">'
TEXTS = {
    "title": INJECTION + " & <Açıq> 'Qapı'",
    "summary": 'Şöbə "qapılarını" <açdı> & sakinlər </em> gəldi',
    "officer": 'Aysel "Ana" <Quliyeva> & O\'Brien',
    "street": "Nizami <küçəsi> & 'Bağ' \"1\"",
    "event": 'Açıq "Qapı" <Günü> & </b> \'2026\'',
    "place": "Rayon <Şöbəsi> & \"Bina\"",
    "episode": 'Təhlükəsiz "internet" <dərs> & \'Uşaqlar\'',
    "alt": 'Şöbənin "binası" <əsas> & \'giriş\'',
}


def _yaml(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new), "utf-8")


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    project = _cf.make_project(tmp_path_factory.mktemp("hostile") / "project")
    dept = project / "sites" / "demo"
    news = dept / "docs" / "news"
    for lang in ("az", "ru", "en"):
        post = news / f"2026-11-02-open-day.{lang}.md"
        text = post.read_text("utf-8")
        text = re.sub(r"(?m)^title: .*$", "title: " + _yaml(TEXTS["title"]), text)
        text = re.sub(r"(?m)^summary: .*$", "summary: " + _yaml(TEXTS["summary"]), text)
        post.write_text(text, "utf-8")
    _replace(news / "2026-10-20-school-lesson.az.md", "image_alt: Şöbənin binası", "image_alt: " + _yaml(TEXTS["alt"]))
    officer = dept / "officers" / "aysel-quliyeva.yml"
    _replace(officer, "  az: Aysel Quliyeva", "  az: " + _yaml(TEXTS["officer"]))
    _replace(officer, "      - az: Nizami küçəsi", "      - az: " + _yaml(TEXTS["street"]))
    event = next((dept / "events").glob("*.yml"))
    _replace(event, "  az: Polisdə Açıq Qapı Günü", "  az: " + _yaml(TEXTS["event"]))
    _replace(event, "  az: Rayon Polis Şöbəsi", "  az: " + _yaml(TEXTS["place"]))
    episode = next((dept / "tv").glob("*.yml"))
    _replace(episode, "  az: Təhlükəsiz internet", "  az: " + _yaml(TEXTS["episode"]))
    done = _cf.cpsites("build", "--dept", "demo", "--quiet", cwd=project)
    assert done.returncode == 0, done.stdout + done.stderr
    return project / "site"


class Page(HTMLParser):
    """Elements with their attributes, visible text, and the JSON-LD blocks of one page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.jsonld: list[str] = []
        self._in: str | None = None

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag in ("script", "style", "title"):
            self._in = tag + (":ld" if dict(attrs).get("type") == "application/ld+json" else "")

    def handle_endtag(self, tag):
        if self._in and self._in.split(":")[0] == tag:
            self._in = None

    def handle_data(self, data):
        if self._in == "script:ld":
            self.jsonld.append(data)
        elif self._in in (None, "title"):
            self.text.append(data)


def parse(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text("utf-8"))
    return page


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_nothing_is_injected_into_any_page(site: Path):
    for path in pages(site):
        page = parse(path)
        for tag, attrs in page.tags:
            assert not any("tracker.example" in (v or "") for k, v in attrs.items() if k in ("src", "href", "srcset")), \
                f"{path.relative_to(site)}: an injected <{tag}> loads the tracker"
            for name in attrs:
                assert re.fullmatch(r"[a-z][a-z0-9:_.-]*", name), f"{path.relative_to(site)}: <{tag} {name}=...>"
            if tag == "meta":
                assert set(attrs) <= {"name", "property", "content", "charset", "http-equiv"}, \
                    f"{path.relative_to(site)}: <meta> with {sorted(attrs)}"


def _holds(page: Page, text: str) -> bool:
    """The exact text appears in the visible text or in one attribute value."""
    visible = " ".join(" ".join(page.text).split())
    return " ".join(text.split()) in visible or any(text in (v or "") for _, a in page.tags for v in a.values())


def test_each_text_reads_exactly_as_written(site: Path):
    demo = site / "demo"
    post = parse(demo / "news" / "2026-11-02-open-day" / "index.html")
    assert _holds(post, TEXTS["title"]) and _holds(post, TEXTS["summary"])
    heads = {a.get("property") or a.get("name"): a.get("content") for t, a in post.tags if t == "meta"}
    assert heads["og:title"] == TEXTS["title"]
    assert heads["og:description"] == TEXTS["summary"]
    assert TEXTS["title"] in " ".join(post.text), "the page title (<title>, heading) holds the text as written"
    officer = parse(demo / "officers" / "aysel-quliyeva" / "index.html")
    assert _holds(officer, TEXTS["officer"]) and _holds(officer, TEXTS["street"])
    event = parse(next((demo / "events").glob("2026-*/index.html")))
    assert _holds(event, TEXTS["event"]) and _holds(event, TEXTS["place"])
    episode = parse(next((demo / "tv").glob("2026-*/index.html")))
    assert _holds(episode, TEXTS["episode"])
    lesson = parse(demo / "news" / "2026-10-20-school-lesson" / "index.html")
    assert any(a.get("alt") == TEXTS["alt"] for t, a in lesson.tags if t == "img")
    home = parse(demo / "index.html")
    assert _holds(home, TEXTS["title"]), "the news card on the home page"


def test_json_ld_parses_to_the_same_texts(site: Path):
    found = []
    for path in pages(site / "demo"):
        for block in parse(path).jsonld:
            data = json.loads(block)
            assert "</" not in block, f"{path}: a closing tag inside JSON-LD could end the script"
            found.append(json.dumps(data, ensure_ascii=False))
    joined = "\n".join(found)
    for key in ("event", "episode"):
        assert json.dumps(TEXTS[key], ensure_ascii=False)[1:-1] in joined, key


def test_feeds_calendars_and_vcards_give_the_texts_back(site: Path):
    import feedparser
    import icalendar
    import vobject

    feed = feedparser.parse((site / "demo" / "news" / "rss.xml").read_bytes())
    assert not feed.bozo, feed.bozo_exception
    assert TEXTS["title"] in [e.title for e in feed.entries]
    calendars = [p for p in (site / "demo").rglob("*.ics")]
    assert calendars
    summaries = {str(ev.get("SUMMARY")) for p in calendars
                 for ev in icalendar.Calendar.from_ical(p.read_bytes()).walk("VEVENT")}
    assert TEXTS["event"] in summaries
    card = vobject.readOne((site / "demo" / "officers" / "aysel-quliyeva.vcf").read_text("utf-8"))
    assert card.fn.value == TEXTS["officer"]


def test_json_ld_cannot_be_closed_from_inside():
    from cpsites.web.texts import jsonld

    out = str(jsonld({"name": "</script><script>alert(1)</script> & <!--"}))
    assert "<" not in out and ">" not in out and "&" not in out
    assert json.loads(out)["name"] == "</script><script>alert(1)</script> & <!--"
