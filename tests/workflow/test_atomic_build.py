"""A failed or interrupted build leaves the published site/ exactly as it was, byte for byte."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

# several folders have a conftest.py: load this one by path, not by the ambiguous module name
import importlib.util as _ilu  # noqa: E402
_spec = _ilu.spec_from_file_location("_conftest_workflow", __import__('pathlib').Path(__file__).resolve().parent / "conftest.py")
_cf = _ilu.module_from_spec(_spec)
_spec.loader.exec_module(_cf)
REPO = _cf.REPO
cpsites = _cf.cpsites


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under folder (relative path -> sha256), and every directory."""
    out = {}
    for p in sorted(folder.rglob("*")):
        rel = p.relative_to(folder).as_posix()
        out[rel] = hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "dir"
    return out


@pytest.fixture
def project(published, tmp_path) -> Path:
    dest = tmp_path / "project"
    shutil.copytree(published, dest, symlinks=True)
    return dest


def leftovers(project: Path) -> list[str]:
    """Temporary and previous sites beside site/, once the previous site's deletion (a process of
    its own, cpsites.publish.remove_later) has had its few seconds."""
    deadline = time.monotonic() + 30
    while True:
        found = sorted(p.name for p in project.iterdir() if p.name.startswith(".site."))
        if not any(".old-" in name or ".drop-" in name for name in found) or time.monotonic() > deadline:
            return found
        time.sleep(0.05)


def break_news_template(project: Path) -> None:
    """A template error that only the department's news pages hit: the portal builds first, fine."""
    post = project / "overrides" / "cpsites" / "post.html"
    post.write_text(post.read_text("utf-8") + "\n{% if %}\n", "utf-8")


def test_a_build_failing_halfway_leaves_site_byte_identical(project: Path):
    before = snapshot(project / "site")
    break_news_template(project)
    done = cpsites("build", "--dept", "demo", cwd=project)
    output = done.stdout + done.stderr
    assert done.returncode == 2, output
    assert "portal" in output and "FAILED" in output  # the portal was built, then demo failed
    assert "Traceback" not in output
    assert "The site was not changed" in output
    assert snapshot(project / "site") == before
    assert leftovers(project) == []


def test_a_killed_build_leaves_site_intact_and_the_next_build_tidies_up(project: Path):
    before = snapshot(project / "site")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(REPO)}
    proc = subprocess.Popen([sys.executable, "-m", "cpsites.cli", "build", "--dept", "demo", "--quiet"],
                            cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    try:
        # wait until the build is really under way: its temporary folder holds pages (the portal
        # builds into a folder of its own inside it, the departments into theirs)
        deadline = time.monotonic() + 120
        while not any((p / ".portal" / "index.html").is_file() or any(p.glob("*/index.html"))
                      for p in project.glob(".site.building-*")):
            assert proc.poll() is None, "the build ended before it could be interrupted"
            assert time.monotonic() < deadline
            time.sleep(0.02)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)  # the build and its worker processes, no clean-up
        proc.wait()
    assert snapshot(project / "site") == before
    assert leftovers(project), "a killed build cannot remove its temporary folder"

    done = cpsites("build", "--dept", "demo", "--quiet", cwd=project)
    assert done.returncode == 0, done.stdout + done.stderr
    assert leftovers(project) == []


def test_a_build_killed_between_the_two_renames_gets_the_old_site_back(project: Path):
    before = snapshot(project / "site")
    # what a kill between `site -> .site.old-PID` and `.site.building-PID -> site` leaves behind
    dead = 2 ** 22 + 12345  # above pid_max on common systems: no such process
    os.replace(project / "site", project / f".site.old-{dead}")
    break_news_template(project)
    done = cpsites("build", "--dept", "demo", "--quiet", cwd=project)
    assert done.returncode == 2
    assert snapshot(project / "site") == before
    assert leftovers(project) == []


def add_department(project: Path, slug: str) -> None:
    """A second department: a copy of `demo` under another name."""
    shutil.copytree(project / "sites" / "demo", project / "sites" / slug)
    config = project / "sites" / slug / "department.yml"
    config.write_text(config.read_text("utf-8").replace("slug: demo", f"slug: {slug}"), "utf-8")


def edit(path: Path, old: str, new: str) -> str:
    text = path.read_text("utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), "utf-8")
    return text


def test_several_departments_are_checked_by_the_processes_that_build_them(project: Path):
    """With more than one department to build, each is checked (and gets its print products) in the
    process that then builds it (build.build_all's `check`): every department's errors come out
    as `cpsites check` words them, and nothing is published."""
    before = snapshot(project / "site")
    add_department(project, "demo2")
    news = project / "sites" / "demo2" / "docs" / "news"
    post = sorted(news.glob("*.az.md"))[0]
    edit(post, "\ndate: ", "\ndate: 2026-02-30\nwas: ")
    other = sorted((project / "sites" / "demo" / "docs" / "news").glob("*.ru.md"))[0]
    original = other.read_text("utf-8")
    other.write_text(original + "\n[x](javascript:alert(1))\n", "utf-8")
    lines = len(original.splitlines()) + 2

    checked = cpsites("check", "--quiet", cwd=project)
    done = cpsites("build", cwd=project)
    output = done.stdout + done.stderr
    assert checked.returncode == done.returncode == 2, output
    assert f"sites/demo2/docs/news/{post.name}:" in output and "not a valid date" in output
    assert f"sites/demo/docs/news/{other.name}:{lines}:" in output and "javascript:" in output
    errors = [line for line in checked.stdout.splitlines() if line.startswith("sites/") and "warning" not in line]
    assert errors and all(line in output for line in errors)  # the same words as `cpsites check`
    assert "The site was not changed" in output and "Traceback" not in output
    assert snapshot(project / "site") == before
    assert leftovers(project) == []

    # one department wrong, one process: the first (demo) fails, the next is only checked
    edit(post, "\ndate: 2026-02-30\nwas: ", "\ndate: ")
    done = cpsites("build", "--jobs", "1", cwd=project)
    output = done.stdout + done.stderr
    assert done.returncode == 2, output
    assert re.search(r"FAILED demo\s", output) and re.search(r"skip\s+demo2\s.*not built", output), output
    assert snapshot(project / "site") == before

    other.write_text(original, "utf-8")
    done = cpsites("build", "--quiet", cwd=project)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Built 3 sites" in done.stdout + done.stderr
    for slug in ("demo", "demo2"):
        assert (project / "site" / slug / "ru" / "index.html").is_file()
        assert (project / "site" / slug / "index.html.gz").is_file()


def test_a_setting_mkdocs_refuses_is_named_with_its_file_and_line(project: Path):
    before = snapshot(project / "site")
    config = project / "sites" / "demo" / "mkdocs.yml"
    config.write_text(config.read_text("utf-8") + "extra: 1\n", "utf-8")
    line = len(config.read_text("utf-8").splitlines())
    done = cpsites("build", "--dept", "demo", "--quiet", cwd=project)
    output = done.stdout + done.stderr
    assert done.returncode == 2, output
    assert f"sites/demo/mkdocs.yml:{line}: the setting `extra` is not valid" in output, output
    assert "Config value" not in output  # MkDocs' own wording, not printed raw as well
    assert "Traceback" not in output and "The site was not changed" in output
    assert snapshot(project / "site") == before
