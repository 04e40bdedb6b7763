"""A cut-short photo is refused even when photos are prepared in threads after WeasyPrint has
switched Pillow's LOAD_TRUNCATED_IMAGES on (the flag is global; threads once restored it under
each other and a truncated file went through)."""

from concurrent.futures import ThreadPoolExecutor

import pytest
from PIL import Image, ImageFile

from cpsites.errors import ContentError
from cpsites.images.pipeline import decode, probe


def test_truncated_photo_refused_by_every_thread(tmp_path):
    import weasyprint  # noqa: F401  (sets LOAD_TRUNCATED_IMAGES = True, as in a newspaper build)

    assert ImageFile.LOAD_TRUNCATED_IMAGES
    whole = tmp_path / "whole.jpg"
    Image.effect_noise((1600, 1200), 60).convert("RGB").save(whole, quality=90)
    cut = tmp_path / "cut.jpg"
    cut.write_bytes(whole.read_bytes()[: whole.stat().st_size // 3])

    def attempt(_):
        try:
            decode(probe(cut))
        except ContentError as exc:
            return str(exc)
        return None

    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(attempt, range(32)))
    assert all(r and "damaged or incomplete" in r for r in results), results
    assert ImageFile.LOAD_TRUNCATED_IMAGES  # the flag is put back for WeasyPrint
    with pytest.raises(ContentError):
        decode(probe(cut))
