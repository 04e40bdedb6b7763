"""The press officers' handbook is published with the portal, in three languages, reachable from
the portal's home page and menu, with its screenshots, and explains the messages cpsites prints."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

# several folders have a conftest.py: load this one by path, not by the ambiguous module name
import importlib.util as _ilu  # noqa: E402
_spec = _ilu.spec_from_file_location("_conftest_workflow", __import__('pathlib').Path(__file__).resolve().parent / "conftest.py")
_cf = _ilu.module_from_spec(_spec)
_spec.loader.exec_module(_cf)
REPO = _cf.REPO

from cpsites.web.plugin import HANDBOOK

LANGS = {"az": "", "ru": "ru/", "en": "en/"}
HANDBOOK_SRC = REPO / "docs" / "handbook"


@pytest.mark.parametrize("lang", LANGS)
def test_every_handbook_page_is_published_in_every_language(published: Path, lang: str):
    site = published / "site" / LANGS[lang]
    home = (site / "index.html").read_text("utf-8")
    assert 'href="handbook/"' in home  # from the portal's text and menu
    for name in HANDBOOK:
        assert (HANDBOOK_SRC / f"{name}.{lang}.md").is_file()
        folder = "handbook/" if name == "index" else f"handbook/{name}/"
        page = (site / folder / "index.html").read_text("utf-8")
        assert f'<html lang="{lang}"' in page
        assert "cp-fallback" not in page  # written in this language, not the az text shown instead
        for other in HANDBOOK:  # the menu leads to every page of the handbook
            target = "" if other == "index" else f"{other}/"
            assert re.search(rf'href="(\.\./)*(handbook/)?{re.escape(target)}"', page) or other == name


def test_screenshots_exist_and_are_small():
    used = {m for f in HANDBOOK_SRC.glob("*.md") for m in re.findall(r"\]\((img/[^)]+\.png)\)", f.read_text("utf-8"))}
    assert len(used) >= 12
    for rel in used:
        path = HANDBOOK_SRC / rel
        assert path.is_file(), rel
        assert path.stat().st_size < 80_000, f"{rel} is not small"


def test_the_errors_page_explains_the_messages_cpsites_prints():
    from cpsites.content.policy import MESSAGES
    from cpsites.content.schema import _HINTS

    for lang in LANGS:
        text = (HANDBOOK_SRC / f"errors.{lang}.md").read_text("utf-8")
        for hint in ("is not a valid date; write it as YYYY-MM-DD", "is missing; add it", "must be a number",
                     "must be a list", "must be true or false"):
            assert hint in _HINTS.values() or any(hint in v for v in _HINTS.values())
            assert hint in text, f"{hint!r} not explained in errors.{lang}.md"
        for message in MESSAGES.values():
            start = message.split(" is not allowed")[0].split(" runs a script")[0].split(" hides")[0]
            if start.startswith("raw <"):
                assert "raw <script> is not allowed in content" in text
            else:  # the handbook shows an example where the message names a tag, attribute or address
                pattern = re.escape(start.replace("{{", "{").replace("}}", "}"))
                for slot in ("tag", "attr", "url"):
                    pattern = pattern.replace(re.escape("{" + slot + "}"), r"[^\s`]+")
                assert re.search(pattern, text), f"{start!r} not explained in errors.{lang}.md"
        for phrase in ("not saved as UTF-8", "the file is empty", "needs a language before .md",
                       "points to a page that does not exist", "does not exist", "unknown field",
                       "sample text from cpsites new", "does not fit", "quote \" opened on this line",
                       "outside the department's folder", "invisible control character", "must be one line"):
            assert phrase in text, f"{phrase!r} not explained in errors.{lang}.md"
