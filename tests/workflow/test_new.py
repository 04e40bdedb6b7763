"""Everything `cpsites new` creates passes `cpsites check` and builds into real pages and PDFs."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

# several folders have a conftest.py: load this one by path, not by the ambiguous module name
import importlib.util as _ilu  # noqa: E402
_spec = _ilu.spec_from_file_location("_conftest_workflow", __import__('pathlib').Path(__file__).resolve().parent / "conftest.py")
_cf = _ilu.module_from_spec(_spec)
_spec.loader.exec_module(_cf)
cpsites = _cf.cpsites

KINDS = ["news", "officer", "event", "episode", "issue", "priority", "poll"]


@pytest.fixture(scope="module")
def scaffolded(pristine, tmp_path_factory) -> tuple[Path, dict[str, str]]:
    """A project where `cpsites new` made one of each kind, and the output of each command."""
    project = tmp_path_factory.mktemp("new") / "project"
    shutil.copytree(pristine, project)
    outputs = {}
    for kind in KINDS:
        done = cpsites("new", kind, "--dept", "demo", "--title", f"Yoxlama: {kind} Şəki İsmayıllı",
                       "--title-en", f"Check {kind}", cwd=project)
        assert done.returncode == 0, done.stdout + done.stderr
        outputs[kind] = done.stdout
    return project, outputs


def created(output: str) -> list[str]:
    return re.findall(r"^  (sites/\S+)$", output, re.M)


def test_files_for_every_kind_with_todays_date_in_baku(scaffolded):
    project, outputs = scaffolded
    today = dt.datetime.now(ZoneInfo("Asia/Baku")).date().isoformat()
    news = created(outputs["news"])
    assert [Path(p).name.split(".")[-2] for p in news] == ["az", "ru", "en"]  # three languages
    assert all(Path(p).name.startswith(today) for p in news)
    az = (project / news[0]).read_text("utf-8")
    assert f"date: {today}" in az and '"Yoxlama: news Şəki İsmayıllı"' in az
    assert 'title: "Check news"' in (project / news[2]).read_text("utf-8")
    for kind, folder in (("officer", "officers"), ("event", "events"), ("episode", "tv"), ("issue", "newspaper")):
        (path,) = created(outputs[kind])
        assert path.startswith(f"sites/demo/{folder}/") and path.endswith(".yml")
        text = (project / path).read_text("utf-8")
        if kind != "officer":
            assert today in text
        if kind in ("officer", "event", "episode"):
            assert all(f"  {lang}: " in text for lang in ("az", "ru", "en"))


def test_what_new_creates_passes_check_with_reminders(scaffolded):
    project, outputs = scaffolded
    done = cpsites("check", "--dept", "demo", cwd=project)
    assert done.returncode == 0, done.stdout + done.stderr
    for kind in KINDS:
        for path in created(outputs[kind]):
            assert re.search(rf"^{re.escape(path)}:\d+: warning: sample text from `cpsites new`", done.stdout, re.M), \
                f"no reminder for {path}:\n{done.stdout}"


def test_what_new_creates_builds(scaffolded):
    project, outputs = scaffolded
    done = cpsites("build", "--dept", "demo", cwd=project)
    assert done.returncode == 0, done.stdout + done.stderr
    site = project / "site" / "demo"
    slug = Path(created(outputs["news"])[0]).name.removesuffix(".az.md")
    for lang, prefix in (("az", ""), ("ru", "ru/"), ("en", "en/")):
        page = (site / prefix / "news" / slug / "index.html").read_text("utf-8")
        assert f'<html lang="{lang}"' in page
    assert "Check news" in (site / "en" / "news" / slug / "index.html").read_text("utf-8")
    for kind, folder in (("officer", "officers"), ("event", "events"), ("episode", "tv")):
        name = Path(created(outputs[kind])[0]).stem
        assert f"Yoxlama: {kind}" in (site / folder / name / "index.html").read_text("utf-8")
    issue = Path(created(outputs["issue"])[0]).stem
    for lang in ("az", "ru"):
        assert (site / "newspaper" / f"{issue}-{lang}-print.pdf").read_bytes().startswith(b"%PDF")
    assert re.search(r"\d+ PDFs", done.stdout)


def test_new_refuses_to_overwrite_and_unknown_departments(scaffolded):
    project, outputs = scaffolded
    again = cpsites("new", "news", "--dept", "demo", "--title", "Yoxlama: news Şəki İsmayıllı", cwd=project)
    assert again.returncode == 2 and "already exists" in again.stderr and "Traceback" not in again.stderr
    unknown = cpsites("new", "news", "--dept", "gence", "--title", "X", cwd=project)
    assert unknown.returncode == 2 and 'there is no department "gence"' in unknown.stderr
    bad_date = cpsites("new", "event", "--dept", "demo", "--title", "X", "--date", "2026-02-30", cwd=project)
    assert bad_date.returncode == 2 and "YYYY-MM-DD" in bad_date.stderr
