"""Pillow's process-wide switches, changed in one place, under one lock.

Pillow keeps two settings as module globals: `Image.MAX_IMAGE_PIXELS` (its decompression-bomb
limit) and `ImageFile.LOAD_TRUNCATED_IMAGES` (accept cut-short files, which WeasyPrint turns on
when it is imported). Threads preparing photos side by side must not change them under each other
(a cut-short photo once slipped through that way): every change is `with pillow_settings(...)`,
under one lock, restoring what was there before. Nothing else in cpsites assigns them.
To drop this module: a Pillow with per-call limits (Image.open has none for either, up to 13).
"""

from __future__ import annotations

import contextlib
import threading
from importlib.metadata import version

from PIL import Image, ImageFile

TESTED = ("10", "11", "12", "13")  # Pillow major versions (pyproject: >=10.3,<14)
# A 108-megapixel phone photo (12000 x 9000) still passes; a crafted 50000 x 50000 PNG of a few
# kilobytes does not get decoded. Pillow refuses at twice its limit by itself; we refuse above
# the limit ourselves, before any pixel is decoded.
MAX_PIXELS = 120_000_000
_LOCK = threading.RLock()
_UNCHANGED = object()


def compatible() -> list[str]:
    """What differs from the Pillow this was tested with ([] when nothing)."""
    problems = []
    if version("pillow").split(".")[0] not in TESTED:
        problems.append(f"Pillow {version('pillow')} installed, cpsites is tested with {'/'.join(TESTED)}.x")
    for module, name in ((Image, "MAX_IMAGE_PIXELS"), (ImageFile, "LOAD_TRUNCATED_IMAGES")):
        if not hasattr(module, name):
            problems.append(f"Pillow has no {module.__name__}.{name} any more")
    return problems


def install_defaults() -> None:
    """cpsites' settings for the whole process: our bomb limit, cut-short files refused."""
    with _LOCK:
        Image.MAX_IMAGE_PIXELS = MAX_PIXELS
        ImageFile.LOAD_TRUNCATED_IMAGES = False


@contextlib.contextmanager
def pillow_settings(max_pixels=_UNCHANGED, load_truncated=_UNCHANGED):
    """Pillow's switches set for the block and restored after it; other threads wait meanwhile."""
    with _LOCK:
        saved = Image.MAX_IMAGE_PIXELS, ImageFile.LOAD_TRUNCATED_IMAGES
        if max_pixels is not _UNCHANGED:
            Image.MAX_IMAGE_PIXELS = max_pixels
        if load_truncated is not _UNCHANGED:
            ImageFile.LOAD_TRUNCATED_IMAGES = load_truncated
        try:
            yield
        finally:
            Image.MAX_IMAGE_PIXELS, ImageFile.LOAD_TRUNCATED_IMAGES = saved
