"""Page reuse (cpsites/web/page_reuse.py): the MkDocs function it repeats, and its keys.

Whole builds that link pages are compared with builds that draw them in
tests/workflow/test_incremental.py (a text edit, an untranslated text, an officer, a page
changed by hand, a picture: every page equal to a --full build's).
"""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest
from markupsafe import Markup

from cpsites.content.department import load_department
from cpsites.web import page_reuse
from cpsites.web.page_reuse import PageReuse, _Unkeyable

from tests.conftest import REPO


def test_the_copied_mkdocs_function_is_the_installed_ones():
    assert page_reuse._patch().compatible() == []


def _digest(value) -> str:
    h = hashlib.sha256()
    PageReuse("frame", REPO, REPO, REPO)._feed(h, value)
    return h.hexdigest()


def test_keys_tell_apart_what_draws_differently():
    assert _digest({"a": 1, "b": 2}) != _digest({"b": 2, "a": 1})  # a template walks them in order
    assert _digest("<b>x</b>") != _digest(Markup("<b>x</b>"))      # escaped, or written as HTML
    assert _digest([1, 2]) != _digest([[1, 2]])
    assert _digest(dt.date(2026, 12, 5)) != _digest("2026-12-05")
    dept = load_department(REPO / "sites" / "mingachevir")
    assert _digest({"department": dept}) == _digest({"department": dept})


def test_a_value_it_cannot_describe_makes_the_page_drawn():
    class Unknown:
        pass

    with pytest.raises(_Unkeyable):
        _digest({"data": [Unknown()]})
