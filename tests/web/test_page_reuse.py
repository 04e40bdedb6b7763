"""Page reuse (cpsites/web/page_reuse.py): the MkDocs function it repeats, and its keys.

Whole builds that link pages are compared with builds that draw them in
tests/workflow/test_incremental.py (a text edit, an untranslated text, an officer, a page
changed by hand, a picture: every page equal to a --full build's).
"""

from __future__ import annotations

import datetime as dt

import pytest
from markupsafe import Markup

from cpsites.content.department import load_department
from cpsites.web import page_reuse
from cpsites.web.page_reuse import PageReuse, _Unkeyable, describe

from tests.conftest import REPO


def test_the_copied_mkdocs_function_is_the_installed_ones():
    assert page_reuse._patch().compatible() == []


def test_descriptions_tell_apart_what_draws_differently():
    assert describe({"a": 1, "b": 2}) != describe({"b": 2, "a": 1})  # a template walks them in order
    assert describe("<b>x</b>") != describe(Markup("<b>x</b>"))      # escaped, or written as HTML
    assert describe([1, 2]) != describe([[1, 2]])
    assert describe(dt.date(2026, 12, 5)) != describe("2026-12-05")
    a, b = load_department(REPO / "sites" / "mingachevir"), load_department(REPO / "sites" / "ganja")
    assert describe({"department": a}) != describe({"department": b})
    assert "Mingəçevir" in describe(a), "every field of a content model is in its description"


def test_a_value_it_cannot_describe_makes_the_page_drawn():
    class Unknown:
        pass

    with pytest.raises(_Unkeyable):
        describe({"data": [Unknown()]})


def test_a_record_publishes_again_only_pictures_of_the_picture_cache(tmp_path):
    """Records are files in the build cache: one that names a file elsewhere (a system file)
    makes its page drawn, and nothing of it is published."""
    pictures = tmp_path / "images"
    pictures.mkdir()
    (pictures / "a.webp").write_bytes(b"x")
    reuse = PageReuse("frame", tmp_path / "new", tmp_path / "old", tmp_path / "records", pictures)
    assert reuse._exists(str(pictures / "a.webp"))
    assert not reuse._exists("/etc/passwd")
    assert not reuse._exists(str(pictures / ".." / "images-elsewhere" / "a.webp"))
