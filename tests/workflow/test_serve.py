"""`cpsites serve`: the preview shows a saved post by itself, explains mistakes, never crashes."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

# several folders have a conftest.py: load this one by path, not by the ambiguous module name
import importlib.util as _ilu  # noqa: E402
_spec = _ilu.spec_from_file_location("_conftest_workflow", __import__('pathlib').Path(__file__).resolve().parent / "conftest.py")
_cf = _ilu.module_from_spec(_spec)
_spec.loader.exec_module(_cf)
REPO = _cf.REPO
cpsites = _cf.cpsites

POST = """---
title: {title}
date: 2026-11-20
summary: Önizləmə yoxlanışı.
---

Önizləmə üçün yazılmış xəbər.
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return r.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(condition, seconds: float) -> float:
    start = time.monotonic()
    while not condition():
        if time.monotonic() - start > seconds:
            raise AssertionError(f"not within {seconds} s")
        time.sleep(0.05)
    return time.monotonic() - start


@pytest.fixture
def preview(pristine, tmp_path):
    project = tmp_path / "project"
    shutil.copytree(pristine, project)
    port = free_port()
    log = tmp_path / "serve.log"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(REPO)}
    with log.open("w") as out:
        proc = subprocess.Popen([sys.executable, "-m", "cpsites.cli", "serve", "--dept", "demo", "--port", str(port)],
                                cwd=project, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}/demo/"
    try:
        wait_for(lambda: "Serving on" in log.read_text() and fetch(base), 120)
        yield project, base, log
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)


def test_a_saved_post_appears_and_a_mistake_is_explained(preview):
    project, base, log = preview
    news = project / "sites" / "demo" / "docs" / "news"
    assert "Nümunə" in fetch(base)
    fetch(base + "ru/news/")  # the reader looks at the Russian news: built first after a save
    (news / "2026-11-20-preview.az.md").write_text(POST.format(title="Önizləmə xəbəri"), "utf-8")
    took = wait_for(lambda: "Önizləmə xəbəri" in fetch(base + "ru/news/"), 30)
    assert took < 30
    # then all three languages, without a new save
    wait_for(lambda: "Önizləmə xəbəri" in fetch(base + "en/news/"), 60)

    # a mistake while previewing: the same words as `cpsites check`, no traceback, old page kept
    (news / "2026-11-20-preview.az.md").write_text(POST.format(title="X").replace("2026-11-20", "2026-11-31"), "utf-8")
    wait_for(lambda: "is not a valid date" in log.read_text(), 30)
    text = log.read_text()
    assert 'sites/demo/docs/news/2026-11-20-preview.az.md:3: `date` "2026-11-31" is not a valid date' in text
    assert "Traceback" not in text
    page = fetch(base + "ru/news/")
    assert "Önizləmə xəbəri" in page  # the last good version, with the problem on top
    assert 'role="alert"' in page and "2026-11-31" in page

    (news / "2026-11-20-preview.az.md").write_text(POST.format(title="Düzəldilmiş xəbər"), "utf-8")
    wait_for(lambda: "Düzəldilmiş xəbər" in fetch(base + "ru/news/"), 30)
    assert 'role="alert"' not in fetch(base + "ru/news/")


def test_serve_refuses_to_start_on_content_errors(pristine, tmp_path):
    project = tmp_path / "project"
    shutil.copytree(pristine, project)
    (project / "sites" / "demo" / "docs" / "about.en.md").write_text("# About\n\n<script>x()</script>\n", "utf-8")
    done = cpsites("serve", "--dept", "demo", "--port", str(free_port()), cwd=project, timeout=60)
    assert done.returncode == 2
    assert "sites/demo/docs/about.en.md:3: raw <script> is not allowed" in done.stderr
    assert "Traceback" not in done.stdout + done.stderr
