"""The interface strings: one catalogue per language (cpsites/locales/<lang>.yml), the same keys
in each, the same {placeholders}, no empty string; the language table is the one list of languages."""

from __future__ import annotations

import re

import yaml

from cpsites import i18n
from tests.conftest import REPO


def catalogue(lang: str) -> dict:
    return yaml.safe_load((REPO / "cpsites" / "locales" / f"{lang}.yml").read_text("utf-8"))


def test_every_language_has_every_string_with_the_same_placeholders():
    base = catalogue(i18n.DEFAULT_LANG)
    for lang in i18n.LANGS:
        found = catalogue(lang)
        assert sorted(found) == sorted(base), f"{lang}.yml: keys differ from {i18n.DEFAULT_LANG}.yml"
        for key, text in found.items():
            # empty only where the default language needs no text (e.g. no "shown in Azerbaijani" note)
            assert isinstance(text, str) and (text.strip() or lang == i18n.DEFAULT_LANG), f"{lang}.yml: {key} is empty"
            assert set(re.findall(r"\{(\w+)\}", text)) == set(re.findall(r"\{(\w+)\}", base[key])), (lang, key)


def test_the_code_reads_the_catalogues():
    for lang in i18n.LANGS:
        for key, text in catalogue(lang).items():
            assert i18n.UI[key][lang] == text


def test_one_table_of_languages():
    assert i18n.LANGS == tuple(language.code for language in i18n.LANGUAGES)
    assert i18n.DEFAULT_LANG == i18n.LANGS[0]
    assert set(i18n.LANG_NAMES) == set(i18n.BABEL_LOCALE) == set(i18n.LANGS)
    assert sorted(p.stem for p in (REPO / "cpsites" / "locales").glob("*.yml")) == sorted(i18n.LANGS)
