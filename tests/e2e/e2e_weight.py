"""Page weight as a visitor's phone pays it: bytes on the wire for a first view and the next page.

Shared by tests/e2e/test_e2e_weight.py (which asserts the budget) and scripts/measure_pages.py
(which prints the figures for the README).
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from pathlib import Path

import brotli

from e2e_server import Hit, SiteServer

KB = 1000  # budgets in kilobytes of 1000 bytes: the stricter reading
FIRST_VIEW_BUDGET = 90 * KB
NEXT_PAGE_BUDGET = 10 * KB
SEARCH_INDEX_BUDGET = 100 * KB
PHOTO_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp", ".avif", ".gif")
INDEX_LANG_DIR = {"az": "search", "ru": "ru/search", "en": "en/search"}

def excepted(hit: Hit) -> bool:
    """Photos and the search index are outside the budget (issue 7)."""
    path = hit.path.split("?")[0].lower()
    return path.endswith("search_index.json") or path.endswith(PHOTO_SUFFIXES)


@dataclass
class View:
    hits: list[Hit]

    @property
    def counted(self) -> int:
        return sum(h.wire_bytes for h in self.hits if not excepted(h))

    @property
    def excepted(self) -> int:
        return sum(h.wire_bytes for h in self.hits if excepted(h))

    def table(self) -> str:
        return "\n".join(f"  {h.status} {h.encoding or '-':4} {h.wire_bytes:7d} {'(excepted) ' if excepted(h) else ''}{h.path}"
                         for h in self.hits)


def _settle(page) -> None:
    page.wait_for_load_state("networkidle")


def first_and_next(browser, site_root: Path, first_path: str, next_path: str,
                   encodings: tuple[str, ...] = ("br", "gzip"), viewport: dict | None = None) -> tuple[View, View]:
    """Open first_path in a fresh browser (empty cache), then go on to next_path in the same one."""
    with SiteServer(site_root, encodings=encodings) as server:
        context = browser.new_context(viewport=viewport or {"width": 360, "height": 740}, service_workers="block")
        try:
            page = context.new_page()
            page.goto(server.url + first_path, wait_until="load")
            _settle(page)
            first = View(server.take_hits())
            page.goto(server.url + next_path, wait_until="load")
            _settle(page)
            second = View(server.take_hits())
        finally:
            context.close()
    return first, second


def index_sizes(dept_site: Path) -> dict[str, dict[str, int]]:
    """Per language: raw, gzip -9 and brotli sizes of the department's search index."""
    sizes = {}
    for lang, folder in INDEX_LANG_DIR.items():
        data = (dept_site / folder / "search_index.json").read_bytes()
        sizes[lang] = {"raw": len(data), "gzip": len(gzip.compress(data, 9)), "br": len(brotli.compress(data))}
    return sizes


def content_bytes(dept_source: Path) -> int:
    """How much text a department has (its search index grows with it)."""
    return sum(p.stat().st_size for p in dept_source.rglob("*") if p.suffix in (".md", ".yml", ".yaml"))


def largest_department(repo: Path) -> str:
    return max((d for d in (repo / "sites").iterdir() if (d / "department.yml").is_file()),
               key=content_bytes).name
