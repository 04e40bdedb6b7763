"""Issue 7, page-weight budget, measured on the wire by the test server:
- a department home page's first view (empty cache) transfers at most 90 KB compressed, photos
  and the search index excepted, both from a server with brotli and from one with gzip only;
- the next page, assets cached, at most 10 KB;
- the search index of the largest department, each language, under 100 KB compressed;
- every text file of the build has pre-compressed .gz and .br copies with the same content.
"""

from __future__ import annotations

import gzip
import os
import subprocess
import sys

import brotli
import pytest

from e2e_pages import DEPT, PREFIX
from e2e_weight import (FIRST_VIEW_BUDGET, NEXT_PAGE_BUDGET, SEARCH_INDEX_BUDGET, content_bytes,
                        first_and_next, index_sizes, largest_department)

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
TEXT = (".html", ".css", ".js", ".json", ".xml", ".svg")


@pytest.fixture(scope="module")
def views(chromium, site_root):
    """(encodings, lang) -> (first view, next page), measured once for the module."""
    cache = {}

    def get(encodings: tuple[str, ...], lang: str):
        key = (encodings, lang)
        if key not in cache:
            home = f"{DEPT}/{PREFIX[lang]}"
            cache[key] = first_and_next(chromium, site_root, home, home + "news/", encodings)
        return cache[key]
    return get


@pytest.mark.parametrize("encodings", [("br", "gzip"), ("gzip",)], ids=["brotli", "gzip-only"])
@pytest.mark.parametrize("lang", ["az", "ru", "en"])
def test_home_page_first_view_within_90_kb(lang, encodings, views):
    first, _ = views(encodings, lang)
    assert first.counted <= FIRST_VIEW_BUDGET, (
        f"{DEPT}/{PREFIX[lang]} first view: {first.counted} bytes > {FIRST_VIEW_BUDGET}\n{first.table()}")
    # text came compressed (the server used the build's pre-compressed copies)
    plain = [h.path for h in first.hits if h.status == 200 and h.path.split("?")[0].endswith(("/",) + TEXT)
             and h.wire_bytes > 1000 and not h.encoding]
    assert not plain, f"sent uncompressed: {plain}"


def test_search_loads_only_when_the_visitor_reaches_for_it(chromium, site_root):
    """The first view carries no search worker and no index; focusing the search box loads them."""
    from e2e_pages import JS_SEARCH_READY
    from e2e_server import SiteServer

    with SiteServer(site_root) as server:
        context = chromium.new_context(viewport={"width": 360, "height": 740}, service_workers="block")
        try:
            page = context.new_page()
            page.goto(server.url + f"{DEPT}/", wait_until="networkidle")
            before = [h.path for h in server.take_hits()]
            assert not [p for p in before if "search_index" in p or "/workers/search" in p], before
            page.focus("input.md-search__input")
            page.wait_for_function(JS_SEARCH_READY, timeout=10_000)
            after = [h.path for h in server.take_hits()]
            assert any("search_index.json" in p for p in after) and any("/workers/search" in p for p in after), after
        finally:
            context.close()


@pytest.mark.parametrize("lang", ["az", "ru", "en"])
def test_next_page_with_assets_cached_within_10_kb(lang, views):
    _, second = views(("br", "gzip"), lang)
    assert second.counted <= NEXT_PAGE_BUDGET, (
        f"{DEPT}/{PREFIX[lang]}news/ after the home page: {second.counted} bytes > {NEXT_PAGE_BUDGET}\n{second.table()}")


@pytest.fixture(scope="module")
def largest_site(site_root, tmp_path_factory) -> Path:
    """The built site of the department with the most content (built here if it is not the pilot)."""
    slug = largest_department(REPO)
    if (site_root / slug / "search").is_dir():
        return site_root / slug
    out = tmp_path_factory.mktemp("largest") / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(REPO)}
    proc = subprocess.run([sys.executable, "-m", "cpsites.cli", "build", "--dept", slug, "--out", str(out), "--quiet"],
                          cwd=REPO, capture_output=True, text=True, env=env, timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return out / slug


def test_search_index_of_the_largest_department_under_100_kb(largest_site):
    sizes = index_sizes(largest_site)
    over = {lang: s for lang, s in sizes.items() if max(s["gzip"], s["br"]) >= SEARCH_INDEX_BUDGET}
    assert not over, f"{largest_site.name}: search index over {SEARCH_INDEX_BUDGET} bytes compressed: {over}"


def test_largest_department_is_chosen_by_content():
    sizes = {d.name: content_bytes(d) for d in (REPO / "sites").iterdir() if (d / "department.yml").is_file()}
    assert largest_department(REPO) == max(sizes, key=sizes.get)


def test_every_text_file_has_identical_gzip_and_brotli_copies(site_root):
    missing, wrong = [], []
    for path in site_root.rglob("*"):
        if path.suffix not in TEXT or not path.is_file() or path.stat().st_size < 256:
            continue
        data = path.read_bytes()
        for suffix, unpack in ((".gz", gzip.decompress), (".br", brotli.decompress)):
            copy = path.with_name(path.name + suffix)
            if not copy.is_file():
                missing.append(str(copy.relative_to(site_root)))
            elif unpack(copy.read_bytes()) != data:
                wrong.append(str(copy.relative_to(site_root)))
    assert not missing, f"{len(missing)} pre-compressed copies missing, e.g. {missing[:5]}"
    assert not wrong, f"pre-compressed copies that differ from their file: {wrong[:5]}"
