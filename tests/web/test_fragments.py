"""Parts of the page frame drawn once per folder (cpsites/web/fragments.py) write the same bytes
as Material drawing them on every page."""

import filecmp
from pathlib import Path
from types import SimpleNamespace

from cpsites.build import build_one
from cpsites.web import fragments

REPO = Path(__file__).resolve().parents[2]


def _build(out: Path, enabled: bool, monkeypatch) -> None:
    monkeypatch.setattr(fragments, "ENABLED", enabled)
    kept = []
    original = fragments.PageFrame.keep

    def counting(self, name, html):
        kept.append((name, self._key))
        return original(self, name, html)

    monkeypatch.setattr(fragments.PageFrame, "keep", counting)
    result = build_one(REPO / "sites" / "mingachevir" / "mkdocs.yml", out, "mingachevir")
    assert result.ok, result.messages
    menus_drawn_once = [key for name, key in kept if name == "nav" and key is not None]
    # on: the menu is drawn once per folder and pass, and most pages reuse one
    assert bool(menus_drawn_once) == enabled and len(menus_drawn_once) < result.pages / 4


def test_every_page_is_the_same_as_when_drawn_whole(built_site, tmp_path, monkeypatch):
    # built_site: the newspaper editions this department's pages list are in the shared cache
    monkeypatch.setenv("CPSITES_NOW", "2026-11-23 12:00")
    _build(tmp_path / "whole", False, monkeypatch)
    _build(tmp_path / "kept", True, monkeypatch)
    names = sorted(str(p.relative_to(tmp_path / "whole")) for p in (tmp_path / "whole").rglob("*") if p.is_file())
    assert len(names) > 500
    assert names == sorted(str(p.relative_to(tmp_path / "kept")) for p in (tmp_path / "kept").rglob("*") if p.is_file())
    match, mismatch, errors = filecmp.cmpfiles(tmp_path / "whole", tmp_path / "kept", names, shallow=False)
    assert mismatch == [] and errors == []


def _item(url, children=(), active=False):
    return SimpleNamespace(url=url, children=list(children), active=active)


def _nav():
    news, officers = _item("news/"), _item("officers/")
    items = [_item(""), _item(None, [news, officers]), _item("https://example.org/")]
    return SimpleNamespace(items=items, pages=[items[0], news, officers], homepage=items[0]), news


def test_which_pages_share_a_frame():
    nav, news = _nav()
    frame = fragments.FrameFragments(nav, other_targets=["assets/javascripts/workers/search.js"])
    post = SimpleNamespace(url="news/2026-11-20-open-day/")
    assert frame.key(post) == "news"
    assert frame.key(SimpleNamespace(url="ru/news/x/")) == "ru/news"
    assert frame.key(news) is None  # in the menu: marked active there
    assert frame.key(SimpleNamespace(url="")) is None  # the home page
    assert frame.key(SimpleNamespace(url="news/x.html")) is None  # file URLs: not handled
    # a menu link inside the page's own folder is relative to that folder, not to the parent
    assert frame.key(SimpleNamespace(url="officers/")) is None
    assert frame.key(SimpleNamespace(url="assets/")) is None
    news.active = True  # something in the menu marked for this page
    assert frame.key(post) is None


def test_kept_parts_are_per_folder():
    nav, _ = _nav()
    frame = fragments.FrameFragments(nav)
    a = frame.for_page(SimpleNamespace(url="news/a/"))
    assert a.get("nav") is None
    assert a.keep("nav", "<nav>news</nav>") == "<nav>news</nav>"
    assert frame.for_page(SimpleNamespace(url="news/b/")).get("nav") == "<nav>news</nav>"
    assert frame.for_page(SimpleNamespace(url="tv/b/")).get("nav") is None
    assert frame.for_page(SimpleNamespace(url="news/b/")).get("tabs") is None
