"""Residents' side of community policing on the built site: local priorities and opinion polls.

Uses the session build of the shipped sample content (tests/conftest.py `built_site`): the pages
exist in three languages, every chart's numbers (SVG) and table equal the data, percentages add
up to 100, links from priorities to groups, events and officers lead to pages that exist.
"""

from __future__ import annotations

import csv
import io
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from cpsites.content import load_site
from cpsites.content.polls import percentages
from cpsites.i18n import LANGS, prefix

REPO = Path(__file__).resolve().parents[2]
DEPT = "mingachevir"


class Page(HTMLParser):
    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.cells: list[list[str]] = []
        self._cell: list[str] | None = None
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "tr":
            self.cells.append([])
        if tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self.cells[-1].append(" ".join("".join(self._cell).split()))
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


@pytest.fixture(scope="module")
def content():
    return load_site(REPO / "sites" / DEPT)


@pytest.fixture(scope="module")
def site(built_site: Path) -> Path:
    return built_site / DEPT


@pytest.mark.parametrize("lang", LANGS)
def test_pages_exist_in_every_language(site, content, lang):
    base = site / prefix(lang).rstrip("/") if prefix(lang) else site
    assert (base / "priorities" / "index.html").is_file()
    assert (base / "polls" / "index.html").is_file()
    for poll in content.polls:
        assert (base / "polls" / poll.id / "index.html").is_file()
        assert (base / "polls" / f"{poll.id}.csv").is_file()
    html = (base / "priorities" / "index.html").read_text("utf-8")
    assert f'lang="{lang}"' in html


def test_charts_and_tables_hold_the_numbers_of_the_data(site, content):
    assert len(content.polls) >= 2
    for poll in content.polls:
        page = Page((site / "en" / "polls" / poll.id / "index.html").read_text("utf-8"))
        bars = [a for t, a in page.tags if t == "rect" and "cp-chart__bar" in a.get("class", "")]
        want = [(a.count, p) for q in poll.data.questions
                for a, p in zip(q.answers, percentages([x.count for x in q.answers]))]
        assert [(int(b["data-count"]), float(b["data-percent"])) for b in bars] == want
        rows = [r for r in page.cells if len(r) == 3 and r[1].isdigit()]
        assert [(int(r[1]), float(r[2].replace("\xa0%", "").replace(" %", ""))) for r in rows] == want
        for q in poll.data.questions:
            assert abs(sum(percentages([a.count for a in q.answers])) - 100) <= 0.1
        svgs = [a for t, a in page.tags if t == "svg" and "cp-chart" in a.get("class", "")]
        assert svgs and all(s.get("role") == "img" and s.get("aria-labelledby") for s in svgs)
        table = list(csv.reader(io.StringIO((site / "en" / "polls" / f"{poll.id}.csv").read_text("utf-8-sig"))))
        assert [(int(r[3]), float(r[4])) for r in table[1:]] == want


def test_a_question_asked_twice_has_a_trend(site, content):
    newest = content.polls[0]
    html = (site / "polls" / newest.id / "index.html").read_text("utf-8")
    lines = re.findall(r'class="cp-chart__line"[^>]*data-values="([^"]+)"', html)
    assert lines, "no trend chart"
    older = content.polls[1]
    trust_old = percentages([a.count for a in next(q for q in older.data.questions if q.id == "trust").answers])
    trust_new = percentages([a.count for a in next(q for q in newest.data.questions if q.id == "trust").answers])
    assert lines[0].split() == [str(trust_old[0]), str(trust_new[0])]


def test_priorities_link_to_groups_events_and_officers_that_exist(site, built_site, content):
    page = Page((site / "priorities" / "index.html").read_text("utf-8"))
    links = [a["href"] for t, a in page.tags if t == "a" and a.get("href", "").startswith("../")]
    assert any("/groups/" in h for h in links) and any("/officers/" in h for h in links)
    for href in links:
        target = (site / "priorities" / href.split("#")[0]).resolve()
        assert (target / "index.html").is_file() or target.is_file(), href
    current = [p for p in content.priorities if p.current]
    done = [p for p in content.priorities if not p.current]
    assert len(content.priorities) >= 8 and current and done
    html = (site / "priorities" / "index.html").read_text("utf-8")
    assert html.index('id="cp-done-title"') > max(html.index(f'id="p-{p.id}"') for p in current)


def test_home_and_officers_pages_show_current_priorities(site, content):
    home = (site / "en" / "index.html").read_text("utf-8")
    assert "What we are working on" in home
    officers = (site / "officers" / "index.html").read_text("utf-8")
    area_one = [p for p in content.priorities if p.current and p.data.area == 1]
    assert area_one and all(f"#p-{p.id}" in officers for p in area_one)
