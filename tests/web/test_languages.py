"""A department's languages built side by side, in processes of their own, write the same site.

After a small edit the build gives each language of the one changed department a process
(cpsites.build.build_languages_apart) and merges their output (cpsites/web/languages.py). This
builds a copy of Mingachevir with an untranslated post both ways, the command line (apart, two
cores) and one process running all three language passes, and compares every file byte for byte;
then checks what spans the languages: the sitemap without the fallback page, the search indexes,
the 404 pages' language switcher. A whole build with more departments than cores builds its last
department one language per job (build.split_last): compared with the same build in one process.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from cpsites import build
from tests.conftest import copy_project, run_cpsites, small_project

DEPT = "mingachevir"
POST = "2025-04-25-essay-competition"


@pytest.fixture(scope="module")
def both(tmp_path_factory) -> tuple[Path, Path]:
    project = copy_project(tmp_path_factory.mktemp("apart") / "project")
    (project / "sites" / DEPT / "docs" / "news" / f"{POST}.en.md").unlink()  # English falls back to az
    out, whole = project / "site", project / "whole"
    cwd, now = os.getcwd(), os.environ.get("CPSITES_NOW")
    os.environ["CPSITES_NOW"] = "2026-11-23 12:00"  # both builds on the same day and hour
    try:
        run_cpsites("build", "--dept", DEPT, "--jobs", "2", "--out", str(out), "--quiet", cwd=project, check=True)
        os.chdir(project)
        result = build._worker((DEPT, str(project / "sites" / DEPT / "mkdocs.yml"), str(whole),
                                str(project / ".cache"), False, "", None, 2))
    finally:
        os.chdir(cwd)
        if now is None:
            os.environ.pop("CPSITES_NOW", None)
        else:
            os.environ["CPSITES_NOW"] = now
    assert result.ok, result.messages
    return out / DEPT, whole


def files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_apart_and_whole_write_the_same_files(both):
    apart, whole = files(both[0]), files(both[1])
    assert len(apart) > 1000
    assert sorted(apart) == sorted(whole)
    assert [name for name in apart if apart[name] != whole[name]] == []
    assert not [p for p in both[0].parent.iterdir() if p.name.startswith(".")]  # no language folder left over


def test_the_sitemap_leaves_out_the_fallback_page(both):
    text = (both[0] / "sitemap.xml").read_text("utf-8")
    assert f"/{DEPT}/news/{POST}/</loc>" in text and f"/{DEPT}/ru/news/{POST}/</loc>" in text
    assert f"/{DEPT}/en/news/{POST}/<" not in text and f"/{DEPT}/en/news/{POST}/\"" not in text
    assert f'hreflang="ru" href="https://' in text
    for lang in ("ru", "en"):
        assert (both[0] / lang / "sitemap.xml").read_text("utf-8") == text


def test_each_language_has_its_own_search_index(both):
    for folder, prefix in (("search", ""), ("ru/search", "ru/"), ("en/search", "en/")):
        docs = json.loads((both[0] / folder / "search_index.json").read_text("utf-8"))["docs"]
        assert len(docs) > 20
        assert not any(d["location"].startswith(("ru/", "en/")) for d in docs)  # relative to its language
    en = json.loads((both[0] / "en/search/search_index.json").read_text("utf-8"))["docs"]
    assert not [d for d in en if d["location"].startswith(f"news/{POST}/")]  # az text is not English


def test_404_pages_switch_to_each_language_home(both):
    for page in ("404.html", "ru/404.html", "en/404.html"):
        html = (both[0] / page).read_text("utf-8")
        for lang, home in (("az", f"/{DEPT}/"), ("ru", f"/{DEPT}/ru/"), ("en", f"/{DEPT}/en/")):
            assert f'href="{home}" hreflang="{lang}"' in html, page


def test_more_departments_than_cores_split_the_last_one_by_language(tmp_path):
    depts = ("first", "second", "third")
    jobs = [build.Job(slug, f"sites/{slug}/mkdocs.yml", f"out/{slug}", "cache") for slug in depts]
    split = build.split_last(jobs + [build.Job("portal", "mkdocs.yml", "out/.portal", "cache")], 3, 2)
    assert [(j.name, j.lang, Path(j.site_dir).name) for j in split] == [
        ("third", "az", "third"), ("first", None, "first"), ("second", None, "second"),
        ("third", "ru", ".third.ru"), ("third", "en", ".third.en"), ("portal", None, ".portal")]
    assert build.split_last(jobs, 3, 4) == jobs and build.split_last(jobs, 3, 1) == jobs

    # equal departments, largest first: the third is split on two cores, and the site is the same
    # as one process building all three whole
    project = small_project(tmp_path / "project", depts)
    now = os.environ.get("CPSITES_NOW")
    os.environ["CPSITES_NOW"] = "2026-11-23 12:00"  # both builds on the same day and hour
    try:
        for jobs, out in (("2", "split"), ("1", "one")):
            run_cpsites("build", "--jobs", jobs, "--out", str(tmp_path / out), "--quiet", cwd=project, check=True)
    finally:
        if now is None:
            os.environ.pop("CPSITES_NOW", None)
        else:
            os.environ["CPSITES_NOW"] = now
    split_files, one_files = files(tmp_path / "split"), files(tmp_path / "one")
    assert sum(name.startswith("third/") and name.endswith("index.html") for name in split_files) > 30
    assert sorted(split_files) == sorted(one_files)
    assert [name for name in split_files if split_files[name] != one_files[name]] == []
    assert not [p.name for p in (tmp_path / "split").iterdir() if p.name.startswith(".")]
