"""Issue 2: the trilingual department site and portal, asserted on a real build."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlparse

import feedparser
import pytest

from cpsites.content import load_site
from cpsites.i18n import LANGS, format_date

REPO = Path(__file__).resolve().parents[2]
DEPT = "mingachevir"
OWN_HOST = "icma-polisi.example"


class Page(HTMLParser):
    """The bits of a built page the tests look at."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.html_lang = None
        self.links: list[dict] = []
        self.metas: list[dict] = []
        self.anchors: list[dict] = []
        self.urls: list[str] = []
        self.lang_blocks: list[str] = []
        self.text = text
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.html_lang = a.get("lang")
        if tag == "link":
            self.links.append(a)
        if tag == "meta":
            self.metas.append(a)
        if tag == "a":
            self.anchors.append(a)
        if "lang" in a and tag != "html":
            self.lang_blocks.append(a["lang"])
        for key in ("src", "href", "poster", "action", "data"):
            if a.get(key):
                self.urls.append(a[key])
        if a.get("srcset"):
            self.urls += [part.strip().split(" ")[0] for part in a["srcset"].split(",")]

    def switcher(self) -> dict[str, str]:
        return {a["hreflang"]: a["href"] for a in self.anchors if "md-select__link" in (a.get("class") or "")}

    def hreflang(self) -> dict[str, str]:
        return {ln["hreflang"]: ln["href"] for ln in self.links if ln.get("rel") == "alternate" and ln.get("hreflang")}


def page(site: Path, rel: str) -> Page:
    path = site / rel
    if path.is_dir() or rel.endswith("/") or rel == "":
        path = path / "index.html"
    return Page(path.read_text("utf-8"))


def lang_of_path(rel: str) -> str:
    first = rel.split("/", 1)[0]
    return first if first in ("ru", "en") else "az"


@pytest.fixture(scope="session")
def dept_site(built_site: Path) -> Path:
    return built_site / DEPT


@pytest.fixture(scope="session")
def content():
    return load_site(REPO / "sites" / DEPT)


def all_pages(root: Path) -> list[Path]:
    return sorted(root.rglob("index.html"))


def test_tree_portal_and_department_in_three_languages(built_site: Path):
    for base in ("", f"{DEPT}/"):
        for prefix in ("", "ru/", "en/"):
            assert (built_site / f"{base}{prefix}index.html").is_file(), f"{base}{prefix}index.html missing"
            assert (built_site / f"{base}{prefix}404.html").is_file(), f"{base}{prefix}404.html missing"


def test_every_page_has_the_language_of_its_folder(built_site: Path):
    pages = all_pages(built_site)
    assert len(pages) > 30
    for path in pages:
        rel = path.relative_to(built_site).as_posix()
        inner = rel[len(DEPT) + 1:] if rel.startswith(DEPT + "/") else rel
        assert Page(path.read_text("utf-8")).html_lang == lang_of_path(inner), rel


def test_404_pages_are_in_their_language(built_site: Path):
    for prefix, lang, words in (("", "az", "Səhifə tapılmadı"), ("ru/", "ru", "Страница не найдена"),
                                ("en/", "en", "Page not found")):
        p = page(built_site, f"{DEPT}/{prefix}404.html")
        assert p.html_lang == lang and words in p.text


def test_language_switcher_targets_exist_and_stay_on_the_same_page(dept_site: Path):
    for path in all_pages(dept_site):
        rel = path.relative_to(dept_site).as_posix()
        switch = Page(path.read_text("utf-8")).switcher()
        assert set(switch) == set(LANGS), rel
        own = rel[3:] if lang_of_path(rel) != "az" else rel
        for lang, href in switch.items():
            target = (path.parent / href).resolve()
            target = target / "index.html" if target.is_dir() else target
            assert target.is_file(), f"{rel}: switcher to {lang} -> {href} does not exist"
            expected = dept_site / ("" if lang == "az" else f"{lang}/") / own
            assert target == expected.resolve(), f"{rel}: {lang} switcher leads to another page"


def test_hreflang_alternates_are_absolute_with_x_default(dept_site: Path, content):
    post = content.news[0]
    p = page(dept_site, f"ru/news/{post.slug}/") if "ru" in post.variants else page(dept_site, f"news/{post.slug}/")
    alts = p.hreflang()
    assert set(alts) == {"az", "ru", "en", "x-default"}
    for lang, href in alts.items():
        u = urlparse(href)
        assert u.scheme == "https" and u.netloc == OWN_HOST, href
    assert alts["x-default"] == alts["az"] == f"https://{OWN_HOST}/{DEPT}/news/{post.slug}/"
    assert alts["ru"] == f"https://{OWN_HOST}/{DEPT}/ru/news/{post.slug}/"


def test_dates_are_localized_with_babel(dept_site: Path, content):
    post = content.news[0]
    az = page(dept_site, f"news/{post.slug}/").text
    ru = page(dept_site, f"ru/news/{post.slug}/").text
    en = page(dept_site, f"en/news/{post.slug}/").text
    months_az = ["yanvar", "fevral", "mart", "aprel", "may", "iyun", "iyul", "avqust", "sentyabr",
                 "oktyabr", "noyabr", "dekabr"]
    assert f"{post.date.day} {months_az[post.date.month - 1]} {post.date.year}" in az
    assert format_date(post.date, "ru") in ru and format_date(post.date, "ru").endswith("г.")
    assert f"{post.date.day} {post.date.strftime('%B')} {post.date.year}" in en


def _listed_titles(p: Page) -> list[str]:
    return re.findall(r'class="cp-card__title"><a href="[^"]+">([^<]+)</a>', p.text)


def test_news_index_newest_first_with_pagination(dept_site: Path, content):
    from cpsites.web.news import PAGE_SIZE

    for lang in LANGS:
        prefix = "" if lang == "az" else f"{lang}/"
        expected = [p.variant(lang).meta.title for p in content.news]
        listed, n = [], 1
        while True:
            rel = f"{prefix}news/" if n == 1 else f"{prefix}news/page/{n}/"
            if not (dept_site / rel / "index.html").is_file():
                break
            titles = _listed_titles(page(dept_site, rel))
            assert 0 < len(titles) <= PAGE_SIZE
            listed += [t.replace("&#34;", '"').replace("&#39;", "'").replace("&quot;", '"').replace("&amp;", "&")
                       for t in titles]
            n += 1
        assert listed == expected, f"{lang}: news not listed newest first across pages"
        assert n - 1 == max(1, -(-len(content.news) // PAGE_SIZE))
    assert len(content.news) > PAGE_SIZE, "the pilot needs more posts than one page to show pagination"


def test_year_archives_and_tag_pages(dept_site: Path, content):
    for year in {p.date.year for p in content.news}:
        titles = _listed_titles(page(dept_site, f"ru/news/archive/{year}/"))
        assert len(titles) == sum(1 for p in content.news if p.date.year == year)
    tag = content.news[0].tags[0]
    titles = _listed_titles(page(dept_site, f"en/news/tags/{tag}/"))
    assert len(titles) == sum(1 for p in content.news if tag in p.tags)


def test_home_page_shows_latest_three_news_and_emergency_numbers(dept_site: Path, content):
    for lang in LANGS:
        p = page(dept_site, "" if lang == "az" else f"{lang}/")
        assert _listed_titles(p)[:3] == [x.variant(lang).meta.title for x in content.news[:3]] or \
            len(_listed_titles(p)) == 3
        assert 'href="tel:102"' in p.text and 'href="tel:112"' in p.text
        assert content.department.phones.duty in p.text
        assert content.department.chief.name.get(lang) in p.text


def test_feeds_parse_and_are_linked_from_head(dept_site: Path, content):
    for lang in LANGS:
        prefix = "" if lang == "az" else f"{lang}/"
        home = page(dept_site, prefix)
        feeds = [ln for ln in home.links if ln.get("type") == "application/rss+xml"]
        assert feeds, f"{lang}: no feed link in <head>"
        feed_path = (dept_site / prefix / feeds[0]["href"]).resolve()
        parsed = feedparser.parse(feed_path.read_bytes())
        assert not parsed.bozo, parsed.bozo_exception
        assert parsed.feed.language == lang
        titles = [e.title for e in parsed.entries]
        assert titles == [p.variant(lang).meta.title for p in content.news[:len(titles)]]
        assert all(e.link.startswith(f"https://{OWN_HOST}/{DEPT}/{prefix}news/") for e in parsed.entries)


def test_missing_translation_shows_default_text_with_notice_and_noindex(dept_site: Path, content):
    missing = [(p, lang) for p in content.news for lang in ("ru", "en") if lang not in p.variants]
    assert missing, "the sample content should have at least one untranslated post"
    post, lang = missing[0]
    p = page(dept_site, f"{lang}/news/{post.slug}/")
    assert p.html_lang == lang
    assert {"name": "robots", "content": "noindex"} in p.metas
    assert "az" in p.lang_blocks
    assert {"ru": "ещё не переведена", "en": "has not been translated"}[lang] in p.text
    assert post.variants["az"].meta.title in p.text
    sitemap = (dept_site / "sitemap.xml").read_text("utf-8")
    assert f"/{lang}/news/{post.slug}/</loc>" not in sitemap
    assert f"/news/{post.slug}/</loc>" in sitemap


def _absolute_hosts(urls: list[str]) -> set[str]:
    hosts = set()
    for u in urls:
        parsed = urlparse(u.strip())
        if parsed.scheme in ("http", "https") or u.strip().startswith("//"):
            hosts.add(parsed.netloc)
    return hosts


def test_no_third_party_host_in_any_html_or_css(built_site: Path):
    hosts: set[str] = set()
    for path in built_site.rglob("*.html"):
        hosts |= _absolute_hosts(Page(path.read_text("utf-8")).urls)
    for path in built_site.rglob("*.css"):
        css = path.read_text("utf-8", errors="replace")
        hosts |= _absolute_hosts(re.findall(r"url\(\s*['\"]?([^'\")]+)", css))
        hosts |= _absolute_hosts(re.findall(r"@import\s+['\"]([^'\"]+)", css))
    assert hosts <= {OWN_HOST}, f"third-party hosts referenced: {hosts - {OWN_HOST}}"


def _index(dept_site: Path, lang: str) -> dict:
    prefix = "" if lang == "az" else f"{lang}/"
    return json.loads((dept_site / prefix / "search" / "search_index.json").read_text("utf-8"))


def test_search_index_per_language(dept_site: Path, content):
    az, ru, en = (_index(dept_site, lg) for lg in LANGS)
    assert az["config"]["lang"] == ["tr"] and ru["config"]["lang"] == ["ru"] and en["config"]["lang"] == ["en"]
    cyrillic = re.compile("[а-яА-ЯёЁ]")
    az_letters = re.compile("[əğışçöüƏĞŞÇÖÜ]")
    ru_titles = {d["title"] for d in ru["docs"]}
    for post in content.news:
        if "ru" in post.variants:
            assert post.variants["ru"].meta.title in ru_titles
        else:  # the fallback page shows az text: it must not be in the ru index
            assert all(not d["location"].startswith(f"news/{post.slug}/") for d in ru["docs"])
    for d in ru["docs"]:
        assert not d["location"].startswith(("ru/", "en/"))
        if d["text"]:
            assert cyrillic.search(d["title"] + d["text"]), d["location"]
    for d in az["docs"]:
        assert not d["location"].startswith(("ru/", "en/")), d["location"]
        assert not cyrillic.search(d["title"]), d["location"]
    assert any(az_letters.search(d["text"]) for d in az["docs"])
    # az capitals are folded so that typing "icma" finds "İcma" (the worker lowercases naively)
    assert not any("İ" in d["text"] for d in az["docs"])
    assert any("icma" in d["text"] for d in az["docs"])
    for d in en["docs"]:
        assert not cyrillic.search(d["title"] + d["text"]), d["location"]


def test_pages_point_search_at_their_language_index(dept_site: Path):
    for lang in LANGS:
        prefix = "" if lang == "az" else f"{lang}/"
        p = page(dept_site, f"{prefix}news/")
        cfg = json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>', p.text, re.S).group(1))
        base = urljoin(f"http://x/{DEPT}/{prefix}news/", cfg["base"] + "/")
        assert base == f"http://x/{DEPT}/{prefix}", (lang, cfg["base"])


def test_department_previews_alone_with_plain_mkdocs_strict(tmp_path: Path, built_site: Path):
    # print before web: plain MkDocs publishes the newspaper editions the session build rendered
    # (and recorded in the cache's manifest); it never renders them itself
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(tmp_path / "out")],
                          cwd=REPO / "sites" / DEPT, capture_output=True, text=True,
                          env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin", "PYTHONPATH": str(REPO),
                               "CPSITES_CACHE": os.environ["CPSITES_CACHE"]})
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "out" / "ru" / "index.html").is_file()


def test_portal_lists_every_department_in_each_language(built_site: Path):
    slugs = sorted(p.name for p in (REPO / "sites").iterdir() if (p / "department.yml").is_file())
    for prefix in ("", "ru/", "en/"):
        p = page(built_site, prefix)
        for slug in slugs:
            assert re.search(rf'href="(\.\./)*{slug}/{prefix}"', p.text), f"portal {prefix or 'az'}: no link to {slug}"


def test_plain_mkdocs_without_rendered_editions_says_what_to_run(tmp_path: Path):
    """Print before web: the web road never renders a newspaper; a missing edition is a clear error."""
    from tests.conftest import copy_project

    proj = copy_project(tmp_path / "proj", (DEPT,))
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(tmp_path / "out")],
                          cwd=proj / "sites" / DEPT, capture_output=True, text=True,
                          env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin", "PYTHONPATH": str(REPO),
                               "CPSITES_CACHE": str(tmp_path / "empty-cache")})
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr, proc.stderr
    assert re.search(r"newspaper/[\w-]+\.yml: the (az|ru|en) edition of this issue is not rendered", proc.stderr), proc.stderr
    assert f"cpsites paper --dept {DEPT} --issue" in proc.stderr
    assert not (tmp_path / "empty-cache" / "paper" / "editions").exists()  # nothing was rendered
