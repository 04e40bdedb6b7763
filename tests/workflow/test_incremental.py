"""Incremental builds: what changed is built again, what did not is reused, and nothing goes stale.

Each step changes one thing in a scratch project (portal + the small `demo` department), runs the
real `cpsites build`, reads which sites were built and which were reused ("unchanged"), and
compares the result with a `--full` build of the same sources: every page must be the same.
"""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import pytest

# several folders have a conftest.py: load this one by path, not by the ambiguous module name
import importlib.util as _ilu  # noqa: E402
_spec = _ilu.spec_from_file_location("_conftest_workflow", Path(__file__).resolve().parent / "conftest.py")
_cf = _ilu.module_from_spec(_spec)
_spec.loader.exec_module(_cf)
cpsites = _cf.cpsites

POST = "sites/demo/docs/news/2026-11-02-open-day.az.md"
LAST: list[str] = []  # the last build's output


def build(project: Path, *extra: str, out: str = "site") -> dict[str, str]:
    """Run a build; returns {site name: "built" | "unchanged"} from its progress lines."""
    done = cpsites("build", "--out", str(project / out), *extra, cwd=project)
    assert done.returncode == 0, done.stdout + done.stderr
    LAST[:] = [done.stdout + done.stderr]
    lines = re.findall(r"^\s+ok\s+(\S+)\s+\d+ pages\s+(unchanged|[\d.]+ s)$", done.stdout + done.stderr, re.M)
    return {name: ("unchanged" if how == "unchanged" else "built") for name, how in lines}


def pages(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*.html"))}


def assert_fresh(project: Path) -> None:
    """The incremental site equals a full build of the same sources, page for page."""
    shutil.rmtree(project / "full", ignore_errors=True)
    build(project, "--full", out="full")
    got, want = pages(project / "site"), pages(project / "full")
    assert got.keys() == want.keys()
    stale = [p for p in want if got[p] != want[p]]
    assert not stale, f"stale pages after an incremental build: {stale[:10]}"


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """A project built once, in every language; the steps below change it in turn."""
    project = _cf.make_project(tmp_path_factory.mktemp("incremental") / "project")
    assert build(project) == {"portal": "built", "demo": "built"}
    return project


def test_nothing_changed_nothing_built(project: Path):
    before = {p: p.stat().st_ino for p in (project / "site").rglob("*.html")}
    assert build(project) == {"portal": "unchanged", "demo": "unchanged"}
    after = {p: p.stat().st_ino for p in (project / "site").rglob("*.html")}
    assert before.keys() == after.keys()
    assert all(before[p] == after[p] for p in before), "unchanged pages are the previous files, linked"


def test_a_post_edit_rebuilds_its_department_in_every_language(project: Path):
    post = project / POST
    post.write_text(post.read_text("utf-8").replace("summary: ", "summary: Yenilənib. ", 1), "utf-8")
    site, portal_page = (project / "site").stat().st_ino, (project / "site" / "index.html").stat().st_ino
    assert build(project) == {"portal": "unchanged", "demo": "built"}
    # the department was swapped into the published site in one step; the rest stayed in place
    assert (project / "site").stat().st_ino == site
    assert (project / "site" / "index.html").stat().st_ino == portal_page
    assert not [p for p in (project / "site").iterdir() if p.name.startswith(".")]
    page = (project / "site" / "demo" / "news" / "2026-11-02-open-day" / "index.html").read_text("utf-8")
    assert "Yenilənib." in page
    for lang in ("ru", "en"):  # the other languages were built in the same pass
        assert (project / "site" / "demo" / lang / "news" / "index.html").is_file()
    assert_fresh(project)


def _inodes(project: Path) -> dict[str, int]:
    return {p.relative_to(project / "site").as_posix(): p.stat().st_ino
            for p in (project / "site" / "demo").rglob("index.html")}


def _drawn(before: dict[str, int], after: dict[str, int]) -> list[str]:
    """Pages written anew; the others were linked from the previous site (web/page_reuse.py)."""
    assert before.keys() == after.keys()
    return sorted(p for p in after if before[p] != after[p])


def test_a_text_edit_draws_that_page_and_links_the_rest(project: Path):
    before = _inodes(project)
    post = project / POST
    post.write_text(post.read_text("utf-8") + "\nQonaqlar da gəlmişdi.\n", "utf-8")
    assert build(project) == {"portal": "unchanged", "demo": "built"}
    assert _drawn(before, _inodes(project)) == ["demo/news/2026-11-02-open-day/index.html"]
    assert "(1 drawn, the others as they were)" in LAST[0]
    page = project / "site" / "demo" / "news" / "2026-11-02-open-day" / "index.html"
    assert "Qonaqlar da gəlmişdi." in page.read_text("utf-8")
    linked = project / "site" / "demo" / "about" / "index.html"
    assert all(Path(f"{linked}{s}").is_file() for s in (".gz", ".br")), "a linked page keeps its copies"
    assert_fresh(project)
    # the same with one process for all three languages (one core), as when many departments build
    before = _inodes(project)
    post.write_text(post.read_text("utf-8") + "\nSonra çay süfrəsi açıldı.\n", "utf-8")
    assert build(project, "--jobs", "1") == {"portal": "unchanged", "demo": "built"}
    assert _drawn(before, _inodes(project)) == ["demo/news/2026-11-02-open-day/index.html"]
    assert_fresh(project)


def test_an_untranslated_text_draws_its_page_in_every_language(project: Path):
    """ru and en show the az text of a post written in az only: all three pages change."""
    before = _inodes(project)
    post = project / "sites/demo/docs/news/2026-10-20-school-lesson.az.md"
    post.write_text(post.read_text("utf-8") + "\nValideynlər də iştirak etdi.\n", "utf-8")
    assert build(project) == {"portal": "unchanged", "demo": "built"}
    assert _drawn(before, _inodes(project)) == sorted(f"demo/{p}news/2026-10-20-school-lesson/index.html"
                                                      for p in ("", "ru/", "en/"))
    assert_fresh(project)


def test_an_officer_edit_draws_the_pages_that_show_the_officer(project: Path):
    before = _inodes(project)
    officer = project / "sites/demo/officers/aysel-quliyeva.yml"
    officer.write_text(officer.read_text("utf-8").replace("+994 24 275 00 11", "+994 24 275 00 19"), "utf-8")
    assert build(project) == {"portal": "unchanged", "demo": "built"}
    drawn = _drawn(before, _inodes(project))
    assert "demo/officers/aysel-quliyeva/index.html" in drawn and "demo/ru/officers/index.html" in drawn
    assert "demo/about/index.html" not in drawn and "demo/news/2026-11-02-open-day/index.html" not in drawn
    assert "+994 24 275 00 19" in (project / "site/demo/officers/aysel-quliyeva/index.html").read_text("utf-8")
    assert_fresh(project)


def test_a_page_changed_in_the_published_site_is_drawn_again(project: Path):
    """Linking trusts only the very file it recorded: one rewritten since is drawn anew."""
    about = project / "site" / "demo" / "about" / "index.html"
    good = about.read_bytes()
    about.write_bytes(b"<p>overwritten by hand</p>")
    before = _inodes(project)
    post = project / POST
    post.write_text(post.read_text("utf-8") + "\nTədbir axşam bitdi.\n", "utf-8")
    build(project)
    assert "demo/about/index.html" in _drawn(before, _inodes(project))
    assert about.read_bytes() == good
    assert_fresh(project)


def test_a_picture_change_draws_every_page(project: Path):
    """Pictures are part of what every page is drawn with (their processed names, sizes)."""
    from PIL import Image

    before = _inodes(project)
    photo = project / "sites/demo/docs/images/building.jpg"
    with Image.open(photo) as im:
        im.convert("RGB").transpose(Image.Transpose.FLIP_LEFT_RIGHT).save(photo, quality=80)
    assert build(project) == {"portal": "unchanged", "demo": "built"}
    assert len(_drawn(before, _inodes(project))) == len(before)
    assert_fresh(project)


def test_a_shared_override_change_rebuilds_everything(project: Path):
    css = project / "overrides" / "assets" / "stylesheets" / "cpsites.css"
    css.write_text(css.read_text("utf-8") + "\n/* cpsites incremental test */\n", "utf-8")
    assert build(project) == {"portal": "built", "demo": "built"}
    for folder in ("site", "site/demo"):
        assert "incremental test" in (project / folder / "assets/stylesheets/cpsites.css").read_text("utf-8")


def test_a_department_file_change_rebuilds_the_portal_cards(project: Path):
    dept = project / "sites" / "demo" / "department.yml"
    text = dept.read_text("utf-8")
    assert "  en: Sample District Police Department" in text
    dept.write_text(text.replace("  en: Sample District Police Department", "  en: Demonstration District Police", 1),
                    "utf-8")
    assert build(project) == {"portal": "built", "demo": "built"}
    portal = (project / "site" / "en" / "index.html").read_text("utf-8")
    assert "Demonstration District Police" in portal
    assert_fresh(project)


def test_the_day_changes_what_is_upcoming(project: Path, monkeypatch):
    monkeypatch.setenv("CPSITES_NOW", "2027-03-01 09:00")
    assert build(project) == {"portal": "built", "demo": "built"}
    assert_fresh(project)
