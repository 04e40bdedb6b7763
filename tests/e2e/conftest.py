"""Browser fixtures: the shared session build (tests/conftest.py `built_site`), served on
127.0.0.1 by a server that behaves like production nginx, visited with the Debian Chromium
driven by Playwright (never a downloaded browser).

Each sampled page is loaded once at 360 px and once at 1280 px; what the tests assert (requests,
console errors, axe violations, overflow, tap targets, text size) is recorded on that one visit
and kept for the session, so the checks stay fast.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from e2e_pages import (JS_AXE, JS_OVERFLOW, JS_SEARCH_READY, JS_SMALL_TARGETS, JS_SMALL_TEXT, TARGETS, Sample,
                       all_samples)
from e2e_server import SiteServer

AXE_JS = Path(__file__).resolve().parent / "node_modules" / "axe-core" / "axe.min.js"
# Flags for a machine without a network or a display: no background calls to Google's hosts.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", "--disable-default-apps", "--disable-extensions"]
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 900}


def chromium_path() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="session")
def chromium():
    """Playwright's Chromium driver pointed at the Debian browser; skips where there is none."""
    exe = chromium_path()
    if exe is None:
        pytest.skip("Debian Chromium is not installed (apt-get install chromium; `make test` does it): "
                    "browser tests skipped")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("the Python package playwright is missing: pip install -e '.[test]' (`make test` does it)")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=exe, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def site_root(request) -> Path:
    """The session build; CPSITES_E2E_SITE=path/to/site tests an existing build instead."""
    existing = os.environ.get("CPSITES_E2E_SITE")
    if existing:
        return Path(existing).resolve()
    return request.getfixturevalue("built_site")


@pytest.fixture(scope="session")
def server(site_root):
    with SiteServer(site_root, tools={"axe.min.js": AXE_JS} if AXE_JS.is_file() else None) as srv:
        yield srv


@pytest.fixture(scope="session")
def samples(site_root) -> list[Sample]:
    return all_samples(site_root)


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE_JS.is_file():
        pytest.fail(f"axe-core is not installed ({AXE_JS}): run `make test`, which runs "
                    "`npm ci --prefix tests/e2e` (needs Node.js and npm)")
    return AXE_JS.read_text("utf-8")


def start_search(page, timeout_ms: int = 10_000) -> bool:
    """Focus the search box (search loads on demand, overrides/assets/javascripts/cp-search-lazy.js)
    and wait until Material's worker has its index; False if it never gets there."""
    if page.locator("input.md-search__input").count():
        page.focus("input.md-search__input")
    return wait_for_search(page, timeout_ms)


def wait_for_search(page, timeout_ms: int = 10_000) -> bool:
    """Material's search worker has loaded its index (its requests are over); False if it never does."""
    try:
        page.wait_for_function(JS_SEARCH_READY, timeout=timeout_ms)
        return True
    except Exception:  # playwright's TimeoutError
        return False


@dataclass
class Visit:
    """What one page load showed."""
    sample: Sample
    viewport: str
    status: int | None = None
    html_lang: str = ""
    foreign_requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    axe: list[dict] = field(default_factory=list)
    overflow_px: int = 0
    small_targets: list[str] = field(default_factory=list)
    small_text: list[str] = field(default_factory=list)


class Visitor:
    """Loads sampled pages and remembers what it saw. One browser tab per viewport is reused
    (a fresh context costs more than a page load); tests of first visits open their own."""

    def __init__(self, browser, server: SiteServer, axe_source: str):
        self.browser = browser
        self.server = server
        self.axe_source = axe_source
        self._seen: dict[tuple[str, str], Visit] = {}
        self._tabs: dict[str, object] = {}
        self._current: Visit | None = None
        self._document_url = ""

    def url(self, path: str) -> str:
        return self.server.url + path

    def new_page(self, viewport: dict, **kw):
        """A fresh context (empty cache) and a page in it; close the context when done."""
        context = self.browser.new_context(viewport=viewport, service_workers="block", **kw)
        return context, context.new_page()

    def watch(self, page, get_visit) -> None:
        """Record requests to other hosts and console errors into get_visit()'s Visit."""
        own = urlsplit(self.server.url).netloc

        def on_request(request):
            visit = get_visit()
            parts = urlsplit(request.url)
            if visit is None or parts.scheme in ("data", "blob", "about"):
                return
            if parts.netloc != own:
                visit.foreign_requests.append(request.url)

        def on_console(message):
            visit = get_visit()
            if visit is None or message.type != "error":
                return
            # a 404 page answers its own request with 404: that one is expected
            if visit.sample.status == 404 and "404" in message.text \
                    and message.location.get("url") == self._document_url:
                return
            visit.console_errors.append(f"{message.text} ({message.location.get('url', '')})")

        def on_error(exc):
            visit = get_visit()
            if visit is not None:
                visit.console_errors.append(f"uncaught: {exc}")

        page.on("request", on_request)
        page.on("console", on_console)
        page.on("pageerror", on_error)

    def _tab(self, viewport_name: str):
        if viewport_name not in self._tabs:
            _context, page = self.new_page(PHONE if viewport_name == "phone" else DESKTOP)
            self.watch(page, lambda: self._current)
            self._tabs[viewport_name] = page
        return self._tabs[viewport_name]

    def open(self, path: str, viewport_name: str = "desktop"):
        """The reusable tab of that viewport, showing `path` (not recorded)."""
        page = self._tab(viewport_name)
        page.goto(self.url(path), wait_until="load")
        return page

    def visit(self, sample: Sample, viewport_name: str) -> Visit:
        key = (sample.id, viewport_name)
        if key in self._seen:
            return self._seen[key]
        visit = Visit(sample, viewport_name)
        page = self._tab(viewport_name)
        self._document_url = url = self.url(sample.path)
        self._current = visit
        try:
            response = page.goto(url, wait_until="load")
            visit.status = response.status if response else None
            visit.html_lang = page.evaluate("document.documentElement.lang")
            visit.overflow_px = page.evaluate(JS_OVERFLOW)
            if viewport_name == "phone":
                visit.small_targets = page.evaluate(JS_SMALL_TARGETS, TARGETS)
                visit.small_text = page.evaluate(JS_SMALL_TEXT)
            # from the site's own origin: the pages' CSP allows no inline script
            page.add_script_tag(url=self.server.url + "__e2e__/axe.min.js")
            visit.axe = page.evaluate(JS_AXE)
            # last, as a visitor would: use search, which loads its worker and index on demand
            if not start_search(page):
                visit.console_errors.append("search did not start within 10 s of focusing the search box")
            page.goto("about:blank")  # late requests of this page are still counted for it
        finally:
            self._current = None
        self._seen[key] = visit
        return visit

    def close(self) -> None:
        for page in self._tabs.values():
            page.context.close()


@pytest.fixture(scope="session")
def visitor(chromium, server, axe_source):
    v = Visitor(chromium, server, axe_source)
    yield v
    v.close()
