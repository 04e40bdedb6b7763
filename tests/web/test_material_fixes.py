"""Material's base.html still writes the exact markup cpsites/web/material_fixes.py corrects."""

from __future__ import annotations

from pathlib import Path

import material

from cpsites.web.material_fixes import FIXES, fix

BASE = Path(material.__file__).parent / "templates" / "base.html"


def test_every_fix_still_finds_its_text_in_materials_base_template():
    base = BASE.read_text("utf-8")
    for old, _new in FIXES:
        assert old in base, f"Material no longer writes {old!r}: update or drop this fix"


def test_fix_changes_only_what_it_names():
    page = "<body>" + "".join(old for old, _ in FIXES) + "<p autocomplete=\"off\">x</p></body>"
    assert fix(page) == "<body>" + "".join(new for _, new in FIXES) + "<p autocomplete=\"off\">x</p></body>"
