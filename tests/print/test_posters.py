"""Posters a press officer writes (posters/<name>.<lang>.md): rendered, read back, and refused
with a clear message when their picture or QR target is wrong."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from tests.conftest import copy_project, run_cpsites
from tests.print.test_cards import _decode, _no_rgb, _text_is_k_only, mm

POSTER = """---
headline: {headline}
{extra}
---
Məhəllənizin təhlükəsizliyi barədə sualınız var? İctimai Məsləhət Qrupuna gəlin.
"""


@pytest.fixture(scope="session")
def poster_project(tmp_path_factory) -> Path:
    return copy_project(tmp_path_factory.mktemp("posters") / "project")


def _render(project: Path, name: str, extra: str, headline: str = "İcma ilə görüş"):
    """Write one az poster and render it through the real print road (in this process)."""
    from cpsites.content import load_site
    from cpsites.print.catalogue import make_all

    folder = project / "sites" / "mingachevir" / "posters"
    for old in folder.glob("*.md"):
        old.unlink()
    (folder / f"{name}.az.md").write_text(POSTER.format(headline=headline, extra=extra), "utf-8")
    load_site(project / "sites" / "mingachevir")  # the content model's checks
    return make_all(project, ["mingachevir"], jobs=1, langs=["az"], kinds=("poster",), write_manifest=False)


def test_written_poster_with_event_qr_and_picture(poster_project):
    img = poster_project / "sites" / "mingachevir" / "docs" / "images" / "poster-test.jpg"
    Image.new("RGB", (900, 500), (60, 120, 160)).save(img, quality=85)
    made = _render(poster_project, "meeting", "event: 2026-12-03-advisory-group\nimage: images/poster-test.jpg\n"
                                              "image_alt: Sınaq şəkli")
    poster = next(p for p in made if p.id == "meeting")
    for fmt, size in (("A3", (297, 420)), ("A4", (210, 297))):
        reader = PdfReader(poster.files[fmt])
        box = mm(reader.pages[0].trimbox)
        assert (round(box[2] - box[0]), round(box[3] - box[1])) == size
        assert mm(reader.pages[0].bleedbox)[0] == round(box[0] - 3, 1)
        _no_rgb(reader)
        _text_is_k_only(reader)
        assert "/OutputIntents" in reader.trailer["/Root"]
        text = reader.pages[0].extract_text()
        assert "İcma ilə görüş" in text and "təhlükəsizliyi" in text
    assert _decode(Path(poster.files["A4"]), 0) == [
        "https://icma-polisi.example/mingachevir/events/2026-12-03-advisory-group/"]
    # 900 px across ~265 mm of A3: far below 300 dpi, said with the figure
    assert any("poster-test.jpg" in w and " dpi" in w for w in poster.warnings)


@pytest.mark.parametrize("extra,expected", [
    ("event: 2099-01-01-nothing", 'there is no event "2099-01-01-nothing"'),
    ("image: images/missing.jpg\nimage_alt: Yoxdur", '"images/missing.jpg" does not exist'),
])
def test_bad_poster_is_refused_by_build(tmp_path, extra, expected):
    project = copy_project(tmp_path / "project")
    folder = project / "sites" / "mingachevir" / "posters"
    for old in folder.glob("*.md"):
        old.unlink()
    (folder / "bad.az.md").write_text(POSTER.format(headline="Sınaq", extra=extra), "utf-8")
    out = tmp_path / "site"
    proc = run_cpsites("check", "--dept", "mingachevir", cwd=project)
    assert proc.returncode == 2
    assert "posters/bad.az.md" in proc.stdout and expected in proc.stdout, proc.stdout
    assert "Traceback" not in proc.stdout + proc.stderr
    proc = run_cpsites("build", "--dept", "mingachevir", "--out", str(out), "--quiet", cwd=project)
    assert proc.returncode == 2 and expected in proc.stderr and not out.exists()
