"""Pillow's process-wide switches change only under one lock (cpsites/images/pillow_flags.py)."""

from __future__ import annotations

import re
import threading
import time
from pathlib import Path

from PIL import Image, ImageFile

from cpsites.images import pillow_flags
from cpsites.images.pillow_flags import MAX_PIXELS, pillow_settings

PACKAGE = Path(pillow_flags.__file__).parents[1]


def test_the_installed_pillow_is_one_tested():
    assert pillow_flags.compatible() == []


def test_a_thread_never_sees_another_threads_setting():
    import cpsites.images.pipeline  # noqa: F401  (installs the defaults)

    inside, seen = threading.Event(), []
    before = Image.MAX_IMAGE_PIXELS, ImageFile.LOAD_TRUNCATED_IMAGES  # WeasyPrint, once imported, sets one

    def reader_of_sizes():  # what the bomb message does: no limit, briefly
        with pillow_settings(max_pixels=None, load_truncated=True):
            inside.set()
            time.sleep(0.3)

    def decoder():
        inside.wait()
        with pillow_settings(load_truncated=False):  # what a decode does
            seen.append((Image.MAX_IMAGE_PIXELS, ImageFile.LOAD_TRUNCATED_IMAGES, time.monotonic()))

    a, b = threading.Thread(target=reader_of_sizes), threading.Thread(target=decoder)
    start = time.monotonic()
    a.start(), b.start()
    a.join(), b.join()
    limit, truncated, when = seen[0]
    assert limit == MAX_PIXELS and truncated is False  # not the other thread's None / True
    assert when - start >= 0.25  # it waited for the other block to end
    assert (Image.MAX_IMAGE_PIXELS, ImageFile.LOAD_TRUNCATED_IMAGES) == before  # both restored


def test_nothing_else_assigns_the_switches():
    assigns = re.compile(r"(MAX_IMAGE_PIXELS|LOAD_TRUNCATED_IMAGES)\s*(=[^=]|,[^\n]*=)")
    offenders = [str(p.relative_to(PACKAGE)) for p in PACKAGE.rglob("*.py")
                 if p.name != "pillow_flags.py" and assigns.search(p.read_text("utf-8"))]
    assert offenders == []
