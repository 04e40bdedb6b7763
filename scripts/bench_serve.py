#!/usr/bin/env python3
"""Save-to-screen time of `cpsites serve`: how long after a press officer saves a news post the
open browser tab shows it.

A scratch copy of the project (base config, overrides, portal, one department) is previewed with
the real `cpsites serve`; Debian's Chromium (through Playwright, never a downloaded browser) keeps
the department's news page open. Each round writes a new post, or edits a post's title, then waits
until the browser, reloaded by livereload, shows the new title. Times run from the moment the file
is written to the moment the text is on screen.

    .venv/bin/python scripts/bench_serve.py [--dept mingachevir] [--rounds 7] [--http]

--http polls the page over HTTP instead of watching a browser (no Chromium needed).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def copy_project(dest: Path, dept: str) -> None:
    shutil.copy2(REPO / "mkdocs.yml", dest / "mkdocs.yml")
    for name in ("overrides", "docs"):
        shutil.copytree(REPO / name, dest / name)
    shutil.copytree(REPO / "sites" / dept, dest / "sites" / dept)


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return r.read().decode("utf-8", "replace")
    except OSError:
        return ""


def post_text(title: str, day: str) -> str:
    return (f"---\ntitle: {title}\ndate: {day}\nsummary: Ölçmə üçün yazılmış xəbər.\n---\n\n"
            "Bu xəbər önizləmənin sürətini ölçmək üçün yazılıb.\n")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dept", default="mingachevir")
    ap.add_argument("--rounds", type=int, default=7)
    ap.add_argument("--http", action="store_true", help="poll over HTTP instead of watching Chromium")
    ap.add_argument("--pause", type=float, default=4.0, help="seconds between saves (default 4)")
    ap.add_argument("--without", nargs="*", default=[], metavar="FOLDER",
                    help="leave these folders of the department out of the copy (e.g. newspaper)")
    args = ap.parse_args()

    work = Path(tempfile.mkdtemp(prefix="bench-serve-"))
    copy_project(work, args.dept)
    for folder in args.without:
        shutil.rmtree(work / "sites" / args.dept / folder, ignore_errors=True)
    port = free_port()
    log_path = work / "serve.log"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(REPO)}
    log = log_path.open("w")
    server = subprocess.Popen([sys.executable, "-m", "cpsites.cli", "serve", "--dept", args.dept, "--port", str(port)],
                              cwd=work, stdout=log, stderr=subprocess.STDOUT, env=env, start_new_session=True)
    news_url = f"http://127.0.0.1:{port}/{args.dept}/news/"
    times: list[float] = []
    try:
        deadline = time.monotonic() + 180
        while "Serving on" not in log_path.read_text() or not fetch(news_url):
            if server.poll() is not None or time.monotonic() > deadline:
                print(log_path.read_text())
                raise SystemExit("the preview server did not start")
            time.sleep(0.2)
        news = work / "sites" / args.dept / "docs" / "news"
        day = time.strftime("%Y-%m-%d")

        def save(i: int) -> str:
            """Round i: a new post (even rounds) or a changed title of the previous one (odd)."""
            title = f"Ölçmə xəbəri {i} {time.time_ns()}"
            name = f"{day}-bench-{i - i % 2}.az.md"
            (news / name).write_text(post_text(title, day), "utf-8")
            return title

        if args.http:
            for i in range(args.rounds):
                time.sleep(args.pause)  # a press officer writes between saves
                title = save(i)
                t0 = time.perf_counter()
                while title not in fetch(news_url):
                    time.sleep(0.01)
                times.append(time.perf_counter() - t0)
        else:
            from playwright.sync_api import sync_playwright

            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
                page = browser.new_page()
                page.goto(news_url)
                for i in range(args.rounds):
                    time.sleep(args.pause)
                    title = save(i)
                    t0 = time.perf_counter()
                    page.wait_for_function("t => document.body && document.body.innerText.includes(t)",
                                           arg=title, timeout=60_000, polling=10)
                    times.append(time.perf_counter() - t0)
                browser.close()
    finally:
        if server.poll() is None:
            os.killpg(server.pid, 15)
            server.wait(timeout=20)
        log.close()
    text = log_path.read_text()
    quick = [float(x) for x in re.findall(r"Preview updated \((?!all)[^)]*\) in ([\d.]+) s", text)]
    full = [float(x) for x in re.findall(r"Preview updated \(all languages\) in ([\d.]+) s", text)][1:]
    how = "HTTP polling" if args.http else "Chromium tab reloaded by livereload"
    print(f"{args.dept}, {args.rounds} saves, {how}:")
    print("  save-to-screen s: " + ", ".join(f"{t:.2f}" for t in times))
    print(f"  median {statistics.median(times):.2f} s, min {min(times):.2f} s, max {max(times):.2f} s")
    if quick:
        print(f"  build of the language on screen: median {statistics.median(quick):.2f} s")
    if full:
        print(f"  all three languages, in the background afterwards: median {statistics.median(full):.2f} s")
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
