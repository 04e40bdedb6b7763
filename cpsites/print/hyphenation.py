"""Azerbaijani hyphenation for WeasyPrint (pyphen has no az dictionary).

Azerbaijani syllables hold one vowel each; a word breaks before a consonant that is followed
by a vowel (ki-tab, məktəb → mək-təb, şəhər → şə-hər) and between two vowels (a-i-lə). We write
those rules as libhyphen patterns and register them with pyphen under "az". pyphen lower-cases
words with str.lower(), which turns "İ" into two characters and shifts every break after it;
our dictionary lower-cases with the Azerbaijani rules instead (İ → i, I → ı), length-preserving.
"""

from __future__ import annotations

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


def install() -> None:
    """Make pyphen (hence WeasyPrint, for lang="az") hyphenate Azerbaijani. Idempotent."""
    if pyphen.LANGUAGES.get("az") == _DIC and isinstance(pyphen.hdcache.get(_DIC), AzHyphDict):
        return
    pyphen.LANGUAGES["az"] = _DIC
    pyphen.LANGUAGES_LOWERCASE["az"] = "az"
    pyphen.hdcache[_DIC] = AzHyphDict(_DIC)
