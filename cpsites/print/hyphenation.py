"""Azerbaijani hyphenation for WeasyPrint (pyphen has no az dictionary).

Azerbaijani syllables hold one vowel each; a word breaks before a consonant that is followed
by a vowel (ki-tab, məktəb → mək-təb, şəhər → şə-hər) and between two vowels (a-i-lə). We write
those rules as libhyphen patterns and register them with pyphen under "az". pyphen lower-cases
words with str.lower(), which turns "İ" into two characters and shifts every break after it;
our dictionary lower-cases with the Azerbaijani rules instead (İ → i, I → ı), length-preserving.

A fenced patch: pyphen has no API to register a dictionary, so `install()` writes into its module
tables (LANGUAGES, LANGUAGES_LOWERCASE, hdcache) and subclasses HyphDict.positions. It does so
only on the pyphen it was tested with and when those are what it expects (`compatible()`; tested
in tests/print/test_hyphenation_fence.py); otherwise Azerbaijani is simply not hyphenated. To drop
it: a pyphen release that ships hyph_az.dic and lower-cases Azerbaijani correctly.
"""

from __future__ import annotations

import inspect
import logging
from importlib.metadata import version
from pathlib import Path

import pyphen

from cpsites.i18n import az_lower

VOWELS = "aıoueəiöü"
CONSONANTS = "bcçdfgğhxjkqlmnprsştvyz"
_DIC = Path(__file__).parent / "hyph_az.dic"


def patterns() -> list[str]:
    """The patterns hyph_az.dic holds (tests/print checks the file against this)."""
    out = [f"1{c}{v}" for c in CONSONANTS for v in VOWELS]
    out += [f"{a}1{b}" for a in VOWELS for b in VOWELS]
    return out


class AzHyphDict(pyphen.HyphDict):
    def positions(self, word: str):
        return super().positions(az_lower(word))


TESTED = "0.18"  # pyphen minor version (pyproject: >=0.18,<0.19)


def compatible() -> list[str]:
    """What differs from the pyphen this was tested with ([] when nothing)."""
    problems = []
    if not version("pyphen").startswith(TESTED + "."):
        problems.append(f"pyphen {version('pyphen')} installed, cpsites is tested with {TESTED}.x")
    for name in ("LANGUAGES", "LANGUAGES_LOWERCASE", "hdcache"):
        if not isinstance(getattr(pyphen, name, None), dict):
            problems.append(f"pyphen.{name} is not a dictionary any more")
    if list(inspect.signature(pyphen.HyphDict.positions).parameters) != ["self", "word"]:
        problems.append("pyphen.HyphDict.positions(self, word) changed")
    return problems


def install() -> None:
    """Make pyphen (hence WeasyPrint, for lang="az") hyphenate Azerbaijani. Idempotent."""
    if pyphen.LANGUAGES.get("az") == _DIC and isinstance(pyphen.hdcache.get(_DIC), AzHyphDict):
        return
    problems = compatible()
    if problems:
        logging.getLogger("cpsites").warning("Azerbaijani is not hyphenated in PDFs: %s", "; ".join(problems))
        return
    pyphen.LANGUAGES["az"] = _DIC
    pyphen.LANGUAGES_LOWERCASE["az"] = "az"
    pyphen.hdcache[_DIC] = AzHyphDict(_DIC)
