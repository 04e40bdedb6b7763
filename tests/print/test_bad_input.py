"""Bad issues through the real `cpsites paper`: a clear message naming the issue file and item,
exit status 2, no traceback, and no PDF (not even a half-written one) left behind."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest

from tests.conftest import run_cpsites, small_project
from tests.print.conftest import make_department


@pytest.fixture
def project(tmp_path) -> Path:
    return make_department(tmp_path / "project")


def issue_file(project: Path) -> Path:
    return project / "sites" / "mingachevir" / "newspaper" / "t1.yml"


def paper(project: Path, tmp_path: Path):
    out = tmp_path / "out"
    proc = run_cpsites("paper", "--dept", "mingachevir", "--issue", "t1", "--lang", "az", "--out", str(out),
                       cwd=project, timeout=300)
    return proc, out


def assert_refused(proc, out: Path, *needles: str) -> None:
    text = proc.stdout + proc.stderr
    assert proc.returncode == 2, text
    assert "Traceback" not in text
    assert "sites/mingachevir/newspaper/t1.yml" in text, text
    for needle in needles:
        assert needle in text, text
    assert not out.exists() or not any(out.iterdir()), list(out.iterdir())


def test_missing_story(project, tmp_path):
    f = issue_file(project)
    f.write_text(f.read_text("utf-8").replace("story: meeting-two", "story: meeting-too"), "utf-8")
    proc, out = paper(project, tmp_path)
    assert_refused(proc, out, "t1.yml:13", 'story "meeting-too"', 'did you mean "meeting-two"')


def test_missing_news_post(project, tmp_path):
    f = issue_file(project)
    f.write_text(f.read_text("utf-8").replace("news: 2026-11-14-open-day", "news: 2026-11-14-open-days"), "utf-8")
    proc, out = paper(project, tmp_path)
    assert_refused(proc, out, "t1.yml:6", 'news "2026-11-14-open-days"')


def test_missing_image(project, tmp_path):
    f = issue_file(project)
    f.write_text(f.read_text("utf-8").replace("image: images/test-photo.jpg", "image: images/nope.jpg"), "utf-8")
    proc, out = paper(project, tmp_path)
    assert_refused(proc, out, "t1.yml:6", '"images/nope.jpg" does not exist')


def test_corrupt_image(project, tmp_path):
    photo = project / "sites" / "mingachevir" / "newspaper" / "images" / "test-photo.jpg"
    photo.write_bytes(photo.read_bytes()[:3000])  # cut short, as an interrupted upload
    proc, out = paper(project, tmp_path)
    assert_refused(proc, out, "t1.yml:11", 'story "meeting"', "damaged or incomplete")


def test_html_saved_as_jpeg(project, tmp_path):
    photo = project / "sites" / "mingachevir" / "newspaper" / "images" / "test-photo.jpg"
    photo.write_text("<html><body>not a photo</body></html>")
    proc, out = paper(project, tmp_path)
    assert_refused(proc, out, "t1.yml:11", "not a picture")


def _bomb_png(path: Path, width: int, height: int) -> None:
    """A tiny PNG whose header claims a gigantic image (a decompression bomb)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    row = b"\x00" + b"\x00" * (width // 8)
    raw = zlib.compress(row * 64, 9)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0))
                     + chunk(b"IDAT", raw) + chunk(b"IEND", b""))


def test_decompression_bomb(project, tmp_path):
    photo = project / "sites" / "mingachevir" / "newspaper" / "images" / "test-photo.jpg"
    _bomb_png(photo, 60000, 60000)
    proc, out = paper(project, tmp_path)
    assert_refused(proc, out, "t1.yml:11", "decompression bomb", "megapixels")


def test_story_that_cannot_fit(project, tmp_path):
    story = project / "sites" / "mingachevir" / "newspaper" / "stories" / "meeting-three.az.md"
    story.write_text(story.read_text("utf-8") + "\n\n" + ("Uzun mətn davam edir və səhifəyə sığmır. " * 900), "utf-8")
    proc, out = paper(project, tmp_path)
    assert_refused(proc, out, "t1.yml:16", "page 4 (az edition) does not fit", 'story "meeting-three"')


def test_page_beyond_the_issue(project, tmp_path):
    f = issue_file(project)
    f.write_text(f.read_text("utf-8").replace("  - story: meeting-three\n    page: 4",
                                              "  - story: meeting-three\n    page: 6"), "utf-8")
    proc, out = paper(project, tmp_path)
    assert_refused(proc, out, "t1.yml:16", "page 6 but the issue has 4 pages")


def test_file_outside_the_project_is_refused(tmp_path):
    """Raw HTML in a story never reaches WeasyPrint; the fetcher refuses anything else anyway."""
    from weasyprint.urls import FatalURLFetchingError

    from cpsites.print.newspaper import story_html
    from cpsites.print.render import ProjectFetcher

    html = story_html('Text <link rel="attachment" href="file:///etc/passwd"> <img src="file:///etc/hostname">'
                      ' <img src="https://example.com/x.png">')
    assert "link" not in html and "img" not in html and "passwd" not in html
    fetcher = ProjectFetcher([tmp_path], "issue.yml")
    with pytest.raises(FatalURLFetchingError, match="refused file:///etc/passwd"):
        fetcher.fetch("file:///etc/passwd")
    with pytest.raises(FatalURLFetchingError):
        fetcher.fetch("https://example.com/x.png")


def test_check_paper_finds_the_page_that_does_not_fit(project):
    """`cpsites check --paper` lays the issue out without rendering it: the same message as
    `cpsites paper`, exit 2, and a clean issue passes with warnings for mostly empty pages."""
    clean = run_cpsites("check", "--paper", "--quiet", "--dept", "mingachevir", cwd=project, timeout=300)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "t1.yml: warning: page 2 of the az edition is only" in clean.stdout  # short fixture pages
    story = project / "sites" / "mingachevir" / "newspaper" / "stories" / "meeting-three.az.md"
    story.write_text(story.read_text("utf-8") + "\n\n" + ("Uzun mətn davam edir və səhifəyə sığmır. " * 900), "utf-8")
    proc = run_cpsites("check", "--paper", "--quiet", "--dept", "mingachevir", cwd=project, timeout=300)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert "t1.yml:16: page 4 (az edition) does not fit" in proc.stdout
    assert 'story "meeting-three"' in proc.stdout and "Traceback" not in proc.stdout + proc.stderr


def test_a_whole_build_refuses_a_page_that_does_not_fit(project):
    """With more than one department to build, each department's newspaper is made by the
    worker that then builds it (build.build_all's `check`): a page that runs over stops the build
    with the same message as `cpsites paper`, and nothing is published."""
    small_project(project / "other", ("demo",))
    (project / "other" / "sites" / "demo").rename(project / "sites" / "demo")
    for name in ("docs", "overrides"):
        (project / "other" / name).rename(project / name)
    story = project / "sites" / "mingachevir" / "newspaper" / "stories" / "meeting-three.az.md"
    story.write_text(story.read_text("utf-8") + "\n\n" + ("Uzun mətn davam edir və səhifəyə sığmır. " * 900), "utf-8")
    proc = run_cpsites("build", "--quiet", cwd=project, timeout=300)
    text = proc.stdout + proc.stderr
    assert proc.returncode == 2, text
    assert "sites/mingachevir/newspaper/t1.yml:16: page 4 (az edition) does not fit" in text, text
    assert "The site was not changed" in text and "Traceback" not in text
    assert not (project / "site").exists()
