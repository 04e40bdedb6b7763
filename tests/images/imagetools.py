"""Helpers for the image tests (imported by the test modules beside this file)."""

from __future__ import annotations

from PIL import Image


def marked(size: tuple[int, int]) -> Image.Image:
    """An upright picture whose top band is red and bottom band blue: orientation is checkable."""
    w, h = size
    im = Image.new("RGB", size, (120, 170, 120))
    im.paste((220, 20, 20), (0, 0, w, h // 10))
    im.paste((20, 40, 220), (0, h - h // 10, w, h))
    return im


def is_red(px) -> bool:
    r, g, b = px[:3]
    return r > 150 and g < 100 and b < 100


def is_blue(px) -> bool:
    r, g, b = px[:3]
    return b > 150 and r < 100
