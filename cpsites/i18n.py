"""The three languages: codes, babel formatting, Azerbaijani casing and our own UI strings."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

from babel.dates import format_date as _babel_date
from babel.dates import format_datetime as _babel_datetime
from babel.dates import format_time as _babel_time

@dataclass(frozen=True)
class Language:
    code: str     # in file names (page.ru.md), URLs (ru/) and `lang` attributes
    name: str     # in its own language, for the language switcher
    babel: str    # Babel's locale for dates
    og_locale: str  # Open Graph's og:locale of a post
    lunr: tuple[str, ...]  # lunr's language pipeline for the search index


# The one list of languages; the first is the default (at the site's root, the fallback text).
# mkdocs.yml's i18n `languages` must list the same (tests/web/test_i18n_plugin.py).
LANGUAGES: tuple[Language, ...] = (
    # lunr has no Azerbaijani; its Turkish pipeline keeps words ending in ə and ş (README, search)
    Language("az", "Azərbaycanca", "az", "az_AZ", ("tr",)),
    Language("ru", "Русский", "ru", "ru_RU", ("ru",)),
    # en_GB writes "20 November 2026", the form the glossary asks for; en (US) puts the month first
    Language("en", "English", "en_GB", "en_GB", ("en",)),
)
LANGS: tuple[str, ...] = tuple(language.code for language in LANGUAGES)
DEFAULT_LANG = LANGS[0]
LANG_NAMES = {language.code: language.name for language in LANGUAGES}
BABEL_LOCALE = {language.code: language.babel for language in LANGUAGES}
LANGUAGE = {language.code: language for language in LANGUAGES}
TZ = ZoneInfo("Asia/Baku")
LOCALES = Path(__file__).parent / "locales"  # the interface strings: one catalogue per language


def prefix(lang: str) -> str:
    """URL prefix of a language inside a site: '' for az (the root), 'ru/' and 'en/' otherwise."""
    return "" if lang == DEFAULT_LANG else f"{lang}/"


@functools.lru_cache(maxsize=8192)  # the same dates on many pages (cards, listings): babel is slow
def format_date(value: dt.date, lang: str, fmt: str = "long") -> str:
    """'20 noyabr 2026', '20 ноября 2026 г.', '20 November 2026'."""
    return _babel_date(value, format=fmt, locale=BABEL_LOCALE[lang])


def format_time(value: dt.datetime | dt.time, lang: str) -> str:
    return _babel_time(value, format="HH:mm", locale=BABEL_LOCALE[lang])


def format_datetime(value: dt.datetime, lang: str) -> str:
    if value.tzinfo is None:
        value = value.replace(tzinfo=TZ)
    value = value.astimezone(TZ)
    return f"{format_date(value.date(), lang)}, {_babel_datetime(value, 'HH:mm', locale=BABEL_LOCALE[lang])}"


# Azerbaijani (like Turkish) pairs I with ı and İ with i; str.lower()/upper() get this wrong.
def az_lower(text: str) -> str:
    return text.replace("I", "ı").replace("İ", "i").lower()


def _catalogues() -> dict[str, dict[str, str]]:
    """key -> {lang: text}, from cpsites/locales/<lang>.yml (the same keys in each: tested)."""
    import yaml

    ui: dict[str, dict[str, str]] = {}
    for lang in LANGS:
        for key, text in yaml.load((LOCALES / f"{lang}.yml").read_text("utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)).items():
            ui.setdefault(key, {})[lang] = text
    return ui


# Interface strings of our templates, feeds, PDFs and messages shown to readers (not press officers).
UI: dict[str, dict[str, str]] = _catalogues()


def t(key: str, lang: str, **kwargs: object) -> str:
    """Our UI string for `key` in `lang` (az when a translation is missing)."""
    entry = UI[key]
    text = entry.get(lang) or entry[DEFAULT_LANG]
    return text.format(**kwargs) if kwargs else text
