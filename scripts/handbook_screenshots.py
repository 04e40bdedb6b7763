#!/usr/bin/env python3
"""Screenshots for the press officers' handbook (docs/handbook/img/*.png), taken with the Debian
Chromium from a real build of the Mingachevir sample site, a real preview with a mistake in it,
and the real output of the commands, so the pictures show what the officer will see.

    .venv/bin/python scripts/handbook_screenshots.py

Pictures are cut to the top of the page and reduced to a small palette, to stay small in git.
"""

from __future__ import annotations

import html
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from PIL import Image

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "docs" / "handbook" / "img"
DEPT = "mingachevir"
LANGS = {"az": "", "ru": "ru/", "en": "en/"}
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
WIDTH, HEIGHT = 900, 640
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(REPO)}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def cpsites(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "cpsites.cli", *args], cwd=cwd, env=ENV,
                          capture_output=True, text=True)


_browser = None


def shoot(url: str, name: str, height: int = HEIGHT) -> None:
    """Screenshot `url` into docs/handbook/img/<name>.png (small palette PNG)."""
    global _browser
    if _browser is None:
        from playwright.sync_api import sync_playwright

        _browser = sync_playwright().start().chromium.launch(executable_path=CHROMIUM,
                                                             args=["--no-sandbox", "--disable-gpu"])
    page = _browser.new_page(viewport={"width": WIDTH, "height": height})
    page.goto(url, wait_until="load")  # not "networkidle": the preview keeps a livereload request open
    page.wait_for_timeout(400)
    raw = Path(tempfile.mkdtemp()) / "shot.png"
    page.screenshot(path=str(raw))
    page.close()
    img = Image.open(raw).convert("RGB")
    img = img.quantize(colors=48, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    OUT.mkdir(parents=True, exist_ok=True)
    img.save(OUT / f"{name}.png", optimize=True)
    print(f"{name}.png  {(OUT / f'{name}.png').stat().st_size // 1024} KB")


def terminal(command: str, output: str, name: str) -> None:
    """A picture of a terminal window holding the command and its real output."""
    lines = output.rstrip().splitlines()
    page = Path(tempfile.mkdtemp()) / "terminal.html"
    page.write_text(
        "<!doctype html><meta charset=utf-8><body style='margin:0;background:#1e1e1e'>"
        "<pre style='margin:0;padding:16px 18px;color:#e6e6e6;font:14px/1.45 DejaVu Sans Mono,monospace;"
        "white-space:pre-wrap'>"
        f"<span style='color:#8ae234'>$</span> {html.escape(command)}\n{html.escape(chr(10).join(lines))}</pre>",
        "utf-8")
    wrapped = sum(1 + len(line) // 98 for line in lines) + 1
    shoot(page.as_uri(), name, height=min(40 + 21 * wrapped, 900))


def project(tmp: Path) -> Path:
    root = tmp / "project"
    root.mkdir()
    shutil.copy2(REPO / "mkdocs.yml", root / "mkdocs.yml")
    for name in ("overrides", "docs"):
        shutil.copytree(REPO / name, root / name)
    shutil.copytree(REPO / "sites" / DEPT, root / "sites" / DEPT)
    return root


def main() -> int:
    tmp = Path(tempfile.mkdtemp(prefix="handbook-shots-"))
    root = project(tmp)
    built = cpsites("build", "--dept", DEPT, "--quiet", cwd=root)
    if built.returncode != 0:  # a newspaper that does not fit yet must not stop the pictures
        print("build failed, retrying without the newspaper:\n" + built.stderr[-600:])
        shutil.rmtree(root / "sites" / DEPT / "newspaper", ignore_errors=True)
        built = cpsites("build", "--dept", DEPT, "--quiet", cwd=root)
        if built.returncode != 0:
            print(built.stdout, built.stderr)
            return 1
    site = root / "site"
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "http.server", "-d", str(site), "-b", "127.0.0.1", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    officer = sorted(p.stem for p in (root / "sites" / DEPT / "officers").glob("*.yml"))[0]
    try:
        time.sleep(1)
        base = f"http://127.0.0.1:{port}/{DEPT}/"
        for lang, prefix in LANGS.items():
            shoot(f"{base}{prefix}news/2026-11-14-open-day/", f"news-post-{lang}", height=1000)
            shoot(f"{base}{prefix}officers/{officer}/", f"officer-{lang}")
            shoot(f"{base}{prefix}events/", f"events-{lang}")
            shoot(f"{base}{prefix}tv/", f"tv-{lang}")
            if (site / DEPT / prefix / "newspaper" / "index.html").is_file():
                shoot(f"{base}{prefix}newspaper/", f"newspaper-{lang}")
    finally:
        server.terminate()

    # a newspaper issue as `cpsites new issue` starts it, page 1 of the screen edition
    cpsites("new", "issue", "--dept", DEPT, "--slug", "handbook-sample", cwd=root)
    papers = tmp / "paper"
    made = cpsites("paper", "--dept", DEPT, "--issue", "handbook-sample", "--lang", "az", "--out", str(papers),
                   cwd=root)
    screen = next(papers.glob("*az-screen.pdf"), None)
    if made.returncode == 0 and screen:
        subprocess.run(["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", "-singlefile", str(screen),
                        str(tmp / "paper-page")], check=True)
        img = Image.open(tmp / "paper-page.png").convert("RGB").quantize(colors=64, dither=Image.Dither.NONE)
        img.save(OUT / "newspaper-page.png", optimize=True)
        print(f"newspaper-page.png  {(OUT / 'newspaper-page.png').stat().st_size // 1024} KB")
    else:
        print("cpsites paper failed:", made.stderr[-400:])
    (root / "sites" / DEPT / "newspaper" / "handbook-sample.yml").unlink(missing_ok=True)

    # the terminal: `cpsites new` and `cpsites check` with two mistakes
    made = cpsites("new", "news", "--dept", DEPT, "--title", "Məktəbdə təhlükəsiz internet dərsi",
                   "--date", "2026-11-25", cwd=root)
    terminal(f'cpsites new news --dept {DEPT} --title "Məktəbdə təhlükəsiz internet dərsi"', made.stdout, "new-news")
    post = root / "sites" / DEPT / "docs" / "news" / "2026-11-25-mektebde-tehlukesiz-internet-dersi.az.md"
    post.write_text(post.read_text("utf-8").replace("date: 2026-11-25", "date: 2026-11-31")
                    .replace("title:", "tilte:"), "utf-8")
    checked = cpsites("check", "--dept", DEPT, cwd=root)
    terminal(f"cpsites check --dept {DEPT}", checked.stdout, "check-errors")

    # the preview: the same mistake shows on top of the page, the last good version below
    post.unlink()
    for other in post.parent.glob("2026-11-25-mektebde-*"):
        other.unlink()
    port = free_port()
    log = tmp / "serve.log"
    with log.open("w") as out:
        preview = subprocess.Popen([sys.executable, "-m", "cpsites.cli", "serve", "--dept", DEPT, "--port", str(port)],
                                   cwd=root, env=ENV, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.monotonic() + 180
        while "Serving on" not in log.read_text():
            assert preview.poll() is None and time.monotonic() < deadline, log.read_text()
            time.sleep(0.3)
        base = f"http://127.0.0.1:{port}/{DEPT}/"
        shoot(f"{base}news/", "preview-az")
        broken = root / "sites" / DEPT / "docs" / "news" / "2026-11-14-open-day.az.md"
        broken.write_text(broken.read_text("utf-8").replace("date: 2026-11-14", "date: 2026-11-31"), "utf-8")
        while "is not a valid date" not in log.read_text():
            assert time.monotonic() < deadline
            time.sleep(0.2)
        for lang, prefix in LANGS.items():
            urllib.request.urlopen(f"{base}{prefix}news/", timeout=30).read()
            shoot(f"{base}{prefix}news/", f"preview-error-{lang}")
    finally:
        os.killpg(preview.pid, 15)
        preview.wait(timeout=30)
    shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
