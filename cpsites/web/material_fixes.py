"""Exact-text fixes of Material's base.html markup, which no partial can override.

Material writes its menu and search toggles as `<input type="checkbox" ... autocomplete="off">`;
`autocomplete` is not allowed on a checkbox (the Nu HTML checker's error, twice on every page).
base.html is not a partial and these lines stand outside its blocks, so the only alternative
would be a copy of the whole template. Each fix is the exact text Material 9.x writes: if a new
Material writes something else, tests/web/test_material_fixes.py fails and names the fix.
What the attribute did (browsers not restoring the toggles' state on back/forward or reload)
overrides/assets/javascripts/cp-start.js now does: it unchecks both toggles at load.
"""

from __future__ import annotations

FIXES = [
    ('<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">',
     '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">'),
    ('<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">',
     '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search">'),
]


def fix(html: str) -> str:
    for old, new in FIXES:
        html = html.replace(old, new, 1)
    return html
