"""The fonts our PDFs use: shipped in the package (never downloaded), checked for coverage.

Noto Serif and Noto Sans cover Azerbaijani Latin (ə Ə ı İ ğ ş ç ö ü) and Cyrillic; many popular
families lack Ə, so every character an issue prints is checked against the fonts' cmaps before
rendering: a missing glyph would otherwise be replaced silently by a system font or a box.
"""

from __future__ import annotations

import functools
import unicodedata
from pathlib import Path

FONT_DIR = Path(__file__).parent / "fonts"

# (family, weight, style, file): the families the newspaper CSS names.
FACES = [
    ("CP Serif", 400, "normal", "NotoSerif-Regular.ttf"),
    ("CP Serif", 400, "italic", "NotoSerif-Italic.ttf"),
    ("CP Serif", 700, "normal", "NotoSerif-Bold.ttf"),
    ("CP Serif", 700, "italic", "NotoSerif-BoldItalic.ttf"),
    ("CP Display", 700, "normal", "NotoSerifDisplay-Bold.ttf"),
    ("CP Sans", 400, "normal", "NotoSans-Regular.ttf"),
    ("CP Sans", 700, "normal", "NotoSans-Bold.ttf"),
]


def font_face_css() -> str:
    """@font-face rules pointing at the shipped files (file URLs the print fetcher allows)."""
    rules = []
    for family, weight, style, name in FACES:
        rules.append(f"@font-face {{ font-family: '{family}'; font-weight: {weight}; font-style: {style}; "
                     f"src: url('{(FONT_DIR / name).as_uri()}'); }}")
    return "\n".join(rules)


@functools.cache
def covered() -> frozenset[int]:
    """Code points every shipped face has (the intersection: bold and italic text must work too)."""
    from fontTools.ttLib import TTFont

    sets = []
    for _family, _w, _s, name in FACES:
        font = TTFont(FONT_DIR / name, lazy=True)
        sets.append(frozenset(font.getBestCmap()))
        font.close()
    return frozenset.intersection(*sets)


def missing_characters(text: str) -> list[str]:
    """Characters of `text` no shipped font can print (control and format characters aside)."""
    have = covered()
    seen: list[str] = []
    for ch in set(text):
        if ord(ch) in have or unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp"):
            continue
        seen.append(ch)
    return sorted(seen)


def describe(chars: list[str]) -> str:
    return ", ".join(f'"{c}" (U+{ord(c):04X} {unicodedata.name(c, "unnamed")})' for c in chars)
