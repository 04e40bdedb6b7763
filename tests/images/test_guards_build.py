"""Bad pictures through the real `cpsites build`: exit status 2, every file named, no traceback,
and the previous site left as it was."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from test_pipeline import _png_header_only

REPO = Path(__file__).resolve().parents[2]


def project_with(tmp_path: Path, posts: dict[str, str], files: dict[str, bytes]) -> Path:
    root = tmp_path / "project"
    root.mkdir()
    shutil.copy2(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "overrides", root / "overrides")
    (root / "docs").mkdir()
    for lang in ("az", "ru", "en"):
        shutil.copy2(REPO / "docs" / f"index.{lang}.md", root / "docs" / f"index.{lang}.md")
    dept = root / "sites" / "mingachevir"
    (dept / "docs" / "news").mkdir(parents=True)
    for name in ("department.yml", "mkdocs.yml"):
        shutil.copy2(REPO / "sites" / "mingachevir" / name, dept / name)
    (dept / "docs" / "index.az.md").write_text("---\ntitle: Test\n---\n\n# Test\n", "utf-8")
    for name, text in posts.items():
        (dept / "docs" / "news" / name).write_text(text, "utf-8")
    for rel, data in files.items():
        (dept / "docs" / rel).parent.mkdir(parents=True, exist_ok=True)
        (dept / "docs" / rel).write_bytes(data)
    return root


def build(project: Path, out: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(REPO)}
    env.pop("CPSITES_IMAGE_CACHE", None)
    return subprocess.run([sys.executable, "-m", "cpsites.cli", "build", "--dept", "mingachevir", "--out", str(out)],
                          cwd=project, capture_output=True, text=True, env=env, timeout=600)


def post(title: str, image: str | None, body: str) -> str:
    front = f"---\ntitle: {title}\ndate: 2026-02-01\nsummary: Sınaq.\n"
    if image:
        front += f"image: {image}\nimage_alt: Sınaq şəkli\n"
    return front + "---\n\n" + body + "\n"


@pytest.fixture(scope="module")
def good_jpeg(tmp_path_factory) -> bytes:
    from PIL import Image

    path = tmp_path_factory.mktemp("j") / "ok.jpg"
    Image.linear_gradient("L").resize((1200, 800)).convert("RGB").save(path, quality=90)
    return path.read_bytes()


def test_bad_pictures_stop_the_build_with_every_file_named(tmp_path, good_jpeg):
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><script>alert(1)</script></svg>'
    project = project_with(tmp_path, {
        "2026-02-01-bomb.az.md": post("Bomba", "images/news/bomb.png",
                                      "Mətn.\n\n![Kəsik foto](../images/news/cut.jpg)\n\n![Skriptli rəsm](../images/news/evil.svg)\n"),
        "2026-02-02-iphone.az.md": post("iPhone", "images/news/iphone.jpg", "Mətn."),
    }, {
        "images/news/bomb.png": _png_header_only(40_000, 40_000),
        "images/news/cut.jpg": good_jpeg[: len(good_jpeg) // 2],
        "images/news/evil.svg": svg,
        "images/news/iphone.jpg": b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\0" * 64,
    })
    out = tmp_path / "site"
    out.mkdir()
    (out / "previous.html").write_text("the site before")
    proc = build(project, out)
    text = proc.stdout + proc.stderr
    assert proc.returncode == 2, text
    assert "Traceback" not in text
    for name, words in (("bomb.png", "megapixels"), ("cut.jpg", "damaged or incomplete"),
                        ("evil.svg", "script"), ("iphone.jpg", "HEIC")):
        line = next((ln for ln in text.splitlines() if name in ln), "")
        assert words in line, f"{name}: {words!r} not in the message:\n{text}"
    assert (out / "previous.html").read_text() == "the site before"  # nothing half-published
    assert not (project / ".cache" / "images").exists() or not any(
        "bomb" in p.name for p in (project / ".cache" / "images").rglob("*"))


def test_picture_without_alt_text_names_the_post_and_line(tmp_path, good_jpeg):
    project = project_with(tmp_path, {
        "2026-02-01-noalt.az.md": post("Alt", None, "Birinci abzas.\n\n![](../images/news/photo.jpg)\n"),
    }, {"images/news/photo.jpg": good_jpeg})
    proc = build(project, tmp_path / "site")
    text = proc.stdout + proc.stderr
    assert proc.returncode == 2, text
    assert "Traceback" not in text
    line = next(ln for ln in text.splitlines() if "alternative text" in ln)
    assert "sites/mingachevir/docs/news/2026-02-01-noalt.az.md:9:" in line, line  # the line of ![](...)
    assert '"images/news/photo.jpg"' in line and "(../images/news/photo.jpg)" in line
