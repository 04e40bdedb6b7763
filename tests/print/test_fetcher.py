"""WeasyPrint may fetch only the project's files: the print road's second line behind the content
policy and containment checks (a story once embedded /etc/passwd through <link rel=attachment>)."""

from __future__ import annotations

from pathlib import Path

import pytest
from weasyprint import HTML
from weasyprint.urls import FatalURLFetchingError

from cpsites.print.render import ProjectFetcher


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "sites" / "demo"
    (root / "newspaper").mkdir(parents=True)
    (root / "newspaper" / "note.txt").write_text("inside", "utf-8")
    (root / "newspaper" / "escape.txt").symlink_to("/etc/hostname")
    return root


def test_project_files_are_served(project: Path):
    fetch = ProjectFetcher([project], "sites/demo/newspaper/2026-12.yml")
    got = fetch.fetch((project / "newspaper" / "note.txt").as_uri())
    assert got.read() == b"inside"


@pytest.mark.parametrize("url", ["file:///etc/passwd", "https://tracker.example/p.png", "http://127.0.0.1/x",
                                 "ftp://example.org/x"])
def test_other_addresses_are_refused(project: Path, url: str):
    fetch = ProjectFetcher([project], "sites/demo/newspaper/2026-12.yml")
    with pytest.raises(FatalURLFetchingError, match="may only use files of the project"):
        fetch.fetch(url)


def test_a_link_inside_the_project_to_outside_is_refused(project: Path):
    fetch = ProjectFetcher([project], "sites/demo/newspaper/2026-12.yml")
    with pytest.raises(FatalURLFetchingError, match="refused"):
        fetch.fetch((project / "newspaper" / "escape.txt").as_uri())


def test_an_attachment_in_the_html_stops_the_render(project: Path):
    html = '<link rel="attachment" href="file:///etc/passwd"><p>Story</p>'
    with pytest.raises(FatalURLFetchingError):
        HTML(string=html, base_url=str(project) + "/",
             url_fetcher=ProjectFetcher([project], "sites/demo/newspaper/2026-12.yml")).write_pdf()
