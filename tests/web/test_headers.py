"""The README's nginx sample sends exactly the headers the browser tests run under."""

from __future__ import annotations

import re
from pathlib import Path

from cpsites.web.headers import CSP, CSP_VIDEO, SECURITY_HEADERS, headers_for, nginx_sample

README = Path(__file__).resolve().parents[2] / "README.md"


def test_readme_shows_the_nginx_sample():
    assert nginx_sample() in README.read_text("utf-8")


def test_the_sample_sends_every_header_with_the_same_value():
    sample = nginx_sample()
    sent = dict(re.findall(r'^add_header (\S+) "([^"]*)" always;$', sample, re.M))
    for name, value in SECURITY_HEADERS.items():
        assert sent[name] == value
    frames = dict(re.findall(r'^\s+(\S+)\s+"([^"]*)";$', sample, re.M))
    policy = sent["Content-Security-Policy"]
    assert policy.replace("$cpsites_frames", frames["default"]) == CSP
    assert policy.replace("$cpsites_frames", frames["~/tv/"]) == CSP_VIDEO


def test_only_tv_pages_may_frame_the_players():
    assert "youtube" not in headers_for("/mingachevir/ru/news/")["Content-Security-Policy"]
    assert "youtube-nocookie" in headers_for("/mingachevir/tv/2026-11-20-1/")["Content-Security-Policy"]
    assert "http" not in CSP
