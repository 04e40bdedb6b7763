"""Reproducible builds: the same sources give the same bytes, whenever and wherever they are built.

A project (portal, the `demo` department with a newspaper issue) is committed to git, cloned into a
second folder, and both are built at different times, each with its own empty caches. Every file
of the two sites (pages, feeds, calendars, vCards, pictures, PDFs, cover thumbnails, .gz/.br)
must be identical. The times written into files come from the last commit, or from
$SOURCE_DATE_EPOCH when it is set.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest

# several folders have a conftest.py: load this one by path, not by the ambiguous module name
import importlib.util as _ilu  # noqa: E402
_spec = _ilu.spec_from_file_location("_conftest_workflow", Path(__file__).resolve().parent / "conftest.py")
_cf = _ilu.module_from_spec(_spec)
_spec.loader.exec_module(_cf)

COMMIT_DATE = "2026-11-20T10:00:00+04:00"


def git(*args: str, cwd: Path) -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": COMMIT_DATE, "GIT_COMMITTER_DATE": COMMIT_DATE,
           "GIT_AUTHOR_NAME": "Press office", "GIT_AUTHOR_EMAIL": "press@polis.example",
           "GIT_COMMITTER_NAME": "Press office", "GIT_COMMITTER_EMAIL": "press@polis.example"}
    subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True)


def build(project: Path, cache: Path, **env: str) -> Path:
    saved = {k: os.environ.get(k) for k in ("CPSITES_CACHE", "CPSITES_IMAGE_CACHE", "SOURCE_DATE_EPOCH", *env)}
    os.environ["CPSITES_CACHE"] = str(cache / "build")
    os.environ["CPSITES_IMAGE_CACHE"] = str(cache / "images")
    os.environ.pop("SOURCE_DATE_EPOCH", None)
    os.environ.update(env)
    try:
        done = _cf.cpsites("build", "--quiet", cwd=project)
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    assert done.returncode == 0, done.stdout + done.stderr
    return project / "site"


def files(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def clones(tmp_path_factory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("reproducible")
    first = _cf.make_project(root / "first")
    done = _cf.cpsites("new", "issue", "--dept", "demo", "--title", "Sınaq", "--date", "2026-11-20", cwd=first)
    assert done.returncode == 0, done.stdout + done.stderr
    git("init", "-q", cwd=first)
    git("add", "-A", cwd=first)
    git("commit", "-q", "-m", "sample", cwd=first)
    second = root / "second"
    subprocess.run(["git", "clone", "-q", str(first), str(second)], check=True, capture_output=True)
    return first, second


def test_two_builds_at_two_times_in_two_folders_are_identical(clones, tmp_path):
    first, second = clones
    a = files(build(first, tmp_path / "cache-a"))
    time.sleep(1.1)  # another second on the wall clock
    b = files(build(second, tmp_path / "cache-b"))
    assert a.keys() == b.keys()
    differ = sorted(p for p in a if a[p] != b[p])
    assert not differ, f"{len(differ)} of {len(a)} files differ: {differ[:15]}"
    kinds = {Path(p).suffix for p in a}
    assert {".html", ".xml", ".ics", ".vcf", ".jpg", ".webp", ".pdf", ".gz", ".br"} <= kinds, kinds
    feed = (first / "site" / "demo" / "news" / "rss.xml").read_text("utf-8")
    assert "<lastBuildDate>Fri, 20 Nov 2026 06:00:00 +0000</lastBuildDate>" in feed, "the commit's date"


def test_source_date_epoch_sets_the_time_in_files(clones, tmp_path):
    first, _ = clones
    site = build(first, tmp_path / "cache", SOURCE_DATE_EPOCH="1767225600")  # 2026-01-01 00:00 UTC
    feed = (site / "demo" / "news" / "rss.xml").read_text("utf-8")
    assert "<lastBuildDate>Thu, 01 Jan 2026 00:00:00 +0000</lastBuildDate>" in feed
    ics = (site / "demo" / "events" / "calendar.ics").read_text("utf-8")
    assert re.search(r"DTSTAMP:20260101T000000Z", ics)
