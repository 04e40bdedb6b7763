"""`check` side by side in worker processes finds what it finds one department at a time."""

import shutil
from pathlib import Path

from cpsites import content
from cpsites.check import check_all
from cpsites.project import Project

REPO = Path(__file__).resolve().parents[2]


def _copy(tmp_path: Path) -> Project:
    root = tmp_path / "project"
    root.mkdir()
    shutil.copy2(REPO / "mkdocs.yml", root / "mkdocs.yml")
    for slug in ("tartar", "gazakh", "shabran"):
        shutil.copytree(REPO / "sites" / slug, root / "sites" / slug)
    return Project(root)


def _found(reports):
    return [(r.name, r.pages, sorted(map(str, r.problems)), r.missing_translations) for r in reports]


def test_same_reports_side_by_side(tmp_path, monkeypatch):
    project = _copy(tmp_path)
    monkeypatch.chdir(project.root)
    # an error in one department, a warning-free other: both kinds must come back
    post = next((project.root / "sites" / "gazakh" / "docs" / "news").glob("*.az.md"))
    post.write_text(post.read_text("utf-8").replace("date:", "date: 2026-13-45\nold_date:", 1), "utf-8")
    depts = ["tartar", "gazakh", "shabran", "nowhere"]
    monkeypatch.setattr(content, "_LOADED", {})
    one_by_one = check_all(project, depts, portal=False, jobs=1)
    monkeypatch.setattr(content, "_LOADED", {})
    side_by_side = check_all(project, depts, portal=False, jobs=2)
    assert _found(side_by_side) == _found(one_by_one)
    assert [r.name for r in side_by_side] == depts  # in the order asked for
    assert any(p.severity == "error" and "gazakh" in p.file for r in side_by_side for p in r.problems)
    assert "there is no department" in str(side_by_side[-1].problems[0])
