"""Print versions of a picture: sized for its placed size on the page at 300 dpi.

    for_print(path, width_mm, height_mm=None, dpi=300, grayscale=False, focus=None) -> PrintImage
        A JPEG in the cache with exactly the pixels the placed size needs at `dpi` (a photo
        placed 120 mm wide at 300 dpi: 1417 px), cropped to width_mm x height_mm around `focus`
        when a height is given. Never upscaled: a smaller photo keeps its pixels and
        `effective_dpi` says what the print gets (below ~170 dpi newsprint shows it). Grayscale
        on request (8-bit gray, no colour profile). Same guards and metadata stripping as the
        web: no EXIF, GPS or XMP reaches the PDF.

The newspaper (cpsites/print/) gives `PrintImage.path` to WeasyPrint, whose URL fetcher stays
inside the project folder (the cache is .cache/images/ there).
"""

from __future__ import annotations

import math
from functools import lru_cache
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from cpsites.images.cache import STATS, ImageCache, cache_for
from cpsites.images.geometry import crop_box
from cpsites.images.pipeline import Source, decode, encode, flatten, probe

MM_PER_INCH = 25.4
PRINT_QUALITY = 90
MIN_GOOD_DPI = 170  # newsprint at 85 lpi needs about twice the line screen


@dataclass(frozen=True)
class PrintImage:
    path: Path
    width_px: int
    height_px: int
    width_mm: float
    height_mm: float
    effective_dpi: float
    grayscale: bool

    @property
    def width(self) -> int:  # same names as the newspaper's first photo helper used
        return self.width_px

    @property
    def height(self) -> int:
        return self.height_px

    @property
    def sharp_enough(self) -> bool:
        return self.effective_dpi >= MIN_GOOD_DPI


def pixels_for(mm: float, dpi: int = 300) -> int:
    return max(1, math.ceil(mm / MM_PER_INCH * dpi))


def for_print(path: Path | str | Source, width_mm: float, height_mm: float | None = None, dpi: int = 300,
              grayscale: bool = False, focus: tuple[float, float] | None = None,
              cache: ImageCache | None = None, cmyk_profile: Path | None = None) -> PrintImage:
    """See module docstring."""
    if width_mm <= 0 or (height_mm is not None and height_mm <= 0):
        raise ValueError("placed sizes must be positive millimetres")
    src = path if isinstance(path, Source) else probe(path)
    if src.is_svg:
        raise ValueError("SVG drawings go to print as they are; for_print() is for photos")
    cache = cache or cache_for(src.path)
    aspect = (width_mm / height_mm) if height_mm else None
    box = crop_box(src.width, src.height, aspect, focus)
    bw, bh = box[2] - box[0], box[3] - box[1]
    if height_mm is None:
        height_mm = width_mm * bh / bw
    want_w = pixels_for(width_mm, dpi)
    w = min(want_w, int(bw))            # never upscale
    h = max(1, round(w * bh / bw))
    effective = round(w / (width_mm / MM_PER_INCH), 1)
    cmyk = None if grayscale or cmyk_profile is None else Path(cmyk_profile)
    params = {"op": "print", "box": list(box), "w": w, "h": h, "gray": grayscale, "q": PRINT_QUALITY,
              "dpi": dpi, "cmyk": cmyk.name if cmyk else None}
    key = cache.key(src.digest, params)
    found = cache.get(key, "jpg")
    STATS.record(src.path, processed=found is None)
    if found is None:
        im = decode(src, scale=min(1.0, w / bw))
        f = im.width / src.width
        im = im.resize((w, h), Image.Resampling.LANCZOS, box=tuple(v * f for v in box), reducing_gap=3.0)
        im = flatten(im)
        if grayscale:
            im = im.convert("L")
        elif cmyk:
            im = to_cmyk(im, cmyk)
        found = cache.put(key, "jpg", encode(im, "JPEG", PRINT_QUALITY, dpi=min(dpi, round(effective)),
                                             compact=False))
    return PrintImage(found, w, h, float(width_mm), float(height_mm), effective, grayscale)


def to_cmyk(im: Image.Image, profile: Path) -> Image.Image:
    """sRGB pixels separated into the press's CMYK (the PDF/X output intent's profile), so the PDF
    holds DeviceCMYK photos as PDF/X-4 requires instead of device RGB; perceptual intent keeps
    out-of-gamut colours in proportion."""
    from PIL import ImageCms

    transform = _cmyk_transform(str(profile))
    return ImageCms.applyTransform(im.convert("RGB"), transform)


@lru_cache(maxsize=4)
def _cmyk_transform(profile: str):
    from PIL import ImageCms

    return ImageCms.buildTransform(ImageCms.createProfile("sRGB"), ImageCms.getOpenProfile(profile), "RGB", "CMYK",
                                   renderingIntent=ImageCms.Intent.PERCEPTUAL)
