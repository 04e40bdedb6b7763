"""The sites' Content-Security-Policy: sent with every page, allowing no other origin, and a
violation really shows in the console (so the clean consoles of test_e2e_pages.py mean something)."""

from __future__ import annotations

import re
import shutil
import urllib.request
from pathlib import Path

import pytest

from cpsites.web.headers import VIDEO_PLAYERS
from e2e_server import SiteServer

ORIGIN = re.compile(r"\bhttps?://[^\s;]+")


def test_every_sampled_page_carries_the_policy_and_names_no_other_origin(server, samples):
    for sample in samples:
        try:
            response = urllib.request.urlopen(server.url + sample.path)
        except urllib.error.HTTPError as exc:  # the 404 samples
            response = exc
        policy = response.headers.get("Content-Security-Policy", "")
        assert policy.startswith("default-src 'self'") and "script-src" not in policy, sample.path
        assert response.headers.get("X-Content-Type-Options") == "nosniff"
        origins = set(ORIGIN.findall(policy))
        allowed = set(VIDEO_PLAYERS) if "/tv/" in "/" + sample.path else set()
        assert origins <= allowed, f"{sample.path}: the policy names {origins - allowed}"


def test_no_page_needs_an_inline_script(site_root):
    for page in list(site_root.rglob("*.html"))[:3000]:
        html = page.read_text("utf-8")
        inline = [m for m in re.finditer(r"<script\b([^>]*)>(.*?)</script>", html, re.S)
                  if "src=" not in m.group(1) and m.group(2).strip() and "json" not in m.group(1)]
        assert not inline, f"{page.relative_to(site_root)}: inline script {inline[0].group(0)[:80]}"


def test_a_violation_shows_as_a_console_error(chromium, site_root, tmp_path):
    home = site_root / "index.html"  # the portal's home page, with its assets beside it
    copy = tmp_path / "site"
    shutil.copytree(site_root / "assets", copy / "assets")
    html = home.read_text("utf-8").replace("</body>", "<script>document.title = 'ran';</script></body>")
    (copy / "index.html").write_text(html, "utf-8")
    errors: list[str] = []
    with SiteServer(copy) as srv:
        context = chromium.new_context(service_workers="block")
        try:
            page = context.new_page()
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.goto(srv.url, wait_until="load")
            assert page.title() != "ran", "the inline script ran: the policy was not applied"
        finally:
            context.close()
    assert any("Content Security Policy" in e for e in errors), errors
