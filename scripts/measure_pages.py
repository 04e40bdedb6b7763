"""Figures for the README: accessibility, page weight and third-party requests per language.

    .venv/bin/python scripts/measure_pages.py [--site site]      # an existing build (default site/)
    .venv/bin/python scripts/measure_pages.py --build            # build portal + mingachevir first

Visits the same pages as tests/e2e (the portal and the pilot department, every content type, every
language) in the Debian Chromium, at 360 px and 1280 px, through the test server of tests/e2e
(pre-compressed files, nginx-like caching). Prints a Markdown table; the tests assert the limits.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "e2e"))

from playwright.sync_api import sync_playwright  # noqa: E402

import conftest as e2e  # noqa: E402  (tests/e2e/conftest.py: browser flags, the Visitor)
from e2e_pages import DEPT, LANGS, PREFIX, all_samples, by_lang  # noqa: E402
from e2e_server import SiteServer  # noqa: E402
from e2e_weight import first_and_next, index_sizes, largest_department  # noqa: E402


def build(out: Path, dept: str) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "cpsites.cli", "build", "--dept", dept, "--out", str(out), "--quiet"],
                   cwd=REPO, env=env, check=True)


def kb(n: int) -> str:
    return f"{n / 1000:.1f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=REPO / "site")
    parser.add_argument("--build", action="store_true", help="build portal + the pilot into a temporary folder first")
    args = parser.parse_args()
    tmp = tempfile.TemporaryDirectory()
    site = args.site
    if args.build:
        site = Path(tmp.name) / "site"
        build(site, DEPT)
    samples = all_samples(site)
    axe_source = e2e.AXE_JS.read_text("utf-8")
    rows = []
    with sync_playwright() as pw, SiteServer(site) as server:
        browser = pw.chromium.launch(executable_path=e2e.chromium_path(), args=e2e.CHROMIUM_ARGS)
        visitor = e2e.Visitor(browser, server, axe_source)
        for lang in LANGS:
            pages = by_lang(samples, lang)
            impacts: Counter = Counter()
            foreign = errors = 0
            for sample in pages:
                for viewport in ("phone", "desktop"):
                    v = visitor.visit(sample, viewport)
                    impacts.update(x["impact"] for x in v.axe)
                    foreign += len(v.foreign_requests)
                    errors += len(v.console_errors)
            home = f"{DEPT}/{PREFIX[lang]}"
            first_br, next_br = first_and_next(browser, site, home, home + "news/", ("br", "gzip"))
            first_gz, _ = first_and_next(browser, site, home, home + "news/", ("gzip",))
            rows.append((lang, len(pages), impacts, foreign, errors, first_br, first_gz, next_br))
        visitor.close()
        browser.close()

    slug = largest_department(REPO)
    largest = site / slug if (site / slug / "search").is_dir() else None
    if largest is None:
        build(Path(tmp.name) / "largest", slug)
        largest = Path(tmp.name) / "largest" / slug
    sizes = index_sizes(largest)

    print("| language | pages x 2 widths | axe critical / serious / moderate / minor | requests to other hosts | console errors "
          "| home first view, KB (br / gzip) | next page, KB | search index of largest dept (" + slug + "), KB (raw / gzip / br) |")
    print("|---|---|---|---|---|---|---|---|")
    for lang, n, impacts, foreign, errors, first_br, first_gz, next_br in rows:
        axe = " / ".join(str(impacts.get(k, 0)) for k in ("critical", "serious", "moderate", "minor"))
        s = sizes[lang]
        print(f"| {lang} | {n} | {axe} | {foreign} | {errors} | {kb(first_br.counted)} / {kb(first_gz.counted)} "
              f"| {kb(next_br.counted)} | {kb(s['raw'])} / {kb(s['gzip'])} / {kb(s['br'])} |")
    print("\nFirst view (br), az home:\n" + rows[0][5].table())


if __name__ == "__main__":
    main()
