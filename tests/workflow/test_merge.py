"""Departments built apart (a CI matrix) and merged give the same site as one build of all."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

# several folders have a conftest.py: load this one by path, not by the ambiguous module name
import importlib.util as _ilu  # noqa: E402
_spec = _ilu.spec_from_file_location("_conftest_workflow", Path(__file__).resolve().parent / "conftest.py")
_cf = _ilu.module_from_spec(_spec)
_spec.loader.exec_module(_cf)
cpsites = _cf.cpsites


def pages(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*.html"))}


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """The workflow project with a second small department, `demo2`."""
    project = _cf.make_project(tmp_path_factory.mktemp("merge") / "project")
    second = project / "sites" / "demo2"
    shutil.copytree(project / "sites" / "demo", second)
    for name, old, new in (("department.yml", "slug: demo", "slug: demo2"),
                           ("mkdocs.yml", "/demo/", "/demo2/")):
        f = second / name
        f.write_text(f.read_text("utf-8").replace(old, new, 1), "utf-8")
    return project


def test_parts_merge_into_the_site_one_build_makes(project: Path):
    for slug in ("demo", "demo2"):
        done = cpsites("build", "--dept", slug, "--out", str(project / "parts" / slug), "--quiet", cwd=project)
        assert done.returncode == 0, done.stdout + done.stderr
    done = cpsites("merge", "parts/demo", "parts/demo2", "--out", "merged", cwd=project)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "2 departments" in done.stdout
    whole = cpsites("build", "--out", "whole", "--quiet", cwd=project)
    assert whole.returncode == 0, whole.stdout + whole.stderr
    merged, built = pages(project / "merged"), pages(project / "whole")
    assert merged.keys() == built.keys()
    assert [p for p in built if merged[p] != built[p]] == []
    assert (project / "merged" / "demo2" / "index.html.br").is_file(), "parts arrive pre-compressed"


def test_a_part_that_is_not_a_site_is_refused(project: Path, tmp_path: Path):
    (tmp_path / "empty").mkdir()
    done = cpsites("merge", str(tmp_path / "empty"), "--out", "merged2", cwd=project)
    assert done.returncode == 2
    assert "not a built site" in done.stderr and "Traceback" not in done.stderr
    assert not (project / "merged2").exists()
