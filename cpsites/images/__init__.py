"""One Pillow pipeline for every picture cpsites publishes, on the web and in print.

Nobody else opens images: the web road (cpsites/web/images.py) and the print road
(cpsites/print/) call these modules. Nothing here imports MkDocs or WeasyPrint.

    pipeline   probe(path) -> Source, decode(source) -> sRGB image without metadata, encode()
               guards: decompression bombs, truncated/corrupt files, unsupported formats (HEIC,
               PSD, PDF, ...), SVG with scripts -> cpsites.errors.ContentError naming the file
    web        responsive(), card_thumbnail(), portrait(shape, focus), picture_html()
    og         og_card(title, photo, site_name, accent) -> 1200 x 630 JPEG; find_font()
    print      for_print(path, width_mm, height_mm, dpi=300, grayscale) -> PrintImage
    cache      content-hash cache in <project>/.cache/images/ (outside site/), STATS counts
    geometry   crop_box(width, height, aspect, focus): crops around a focus point

Every result lives in the cache; callers copy or link the cached files where they publish them.
`stats()` tells how many source pictures this process processed and how many it took whole
from the cache (`reset_stats()` starts a new count, e.g. per department build).
"""

from __future__ import annotations

from cpsites.images.cache import STATS
from cpsites.images.pipeline import MAX_PIXELS, Source, is_image_path, probe


def stats() -> tuple[int, int]:
    """(processed, taken from the cache) since the last reset_stats()."""
    return STATS.counts


def stats_sources() -> tuple[frozenset[str], frozenset[str]]:
    """(processed, used) source pictures since the last reset_stats(): counts of processes that
    built parts of one site are the sizes of their unions."""
    return frozenset(STATS.processed), frozenset(STATS.used)


def reset_stats() -> None:
    STATS.reset()


__all__ = ["MAX_PIXELS", "Source", "is_image_path", "probe", "stats", "stats_sources", "reset_stats"]
