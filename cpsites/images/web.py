"""Web versions of a picture: responsive widths in WebP with a JPEG (or PNG) fallback, and the
<picture> markup that keeps the layout from jumping.

Stable functions (cpsites.web and every content type call these):

    responsive(path, widths=WIDTHS, aspect=None, focus=None, label="") -> Responsive
        Widths 480 / 960 / 1600 (never upscaled: a 1200-px photo gives 480, 960, 1200), WebP
        plus a JPEG fallback (PNG when the picture has transparency). With `aspect` the picture
        is cropped to it around `focus` (fractions (x, y) of the upright photo, default centre).
    card_thumbnail(path, focus=None) -> Responsive
        News cards: 16:9 crop, 480 and 960 px.
    portrait(path, shape="portrait" | "square", focus=None) -> Responsive
        Officer photos, cropped consistently: 4:5 portrait or 1:1 square, 320 / 640 / 960 px.
        `focus` is the face (fractions of the photo, e.g. (0.52, 0.3)); it lands at 40% from the
        top of the crop. Without it the upper middle of the photo is used.
    content_sizes(resp) -> str
        The `sizes` of a picture in the text column (narrower for portrait and small pictures,
        which CSS shows at most MAX_DISPLAY_HEIGHT tall).
    picture_html(resp, alt, url, sizes=None, loading="lazy") -> str
        <picture><source type="image/webp" srcset sizes><img src srcset sizes width height alt
        loading decoding></picture>. `url(file_name)` turns a published file name into the URL
        to write (the caller knows the folder and the page). An empty `alt` is an error unless
        decorative=True.

A Responsive lists its files as (file name, cached path) in `outputs()`; the caller publishes
them (cpsites/web/images.py copies them into site/). SVG drawings are checked and published as
one cleaned file with the same markup. Nothing here knows MkDocs.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from PIL import Image

from cpsites.errors import ContentError
from cpsites.images.cache import STATS, ImageCache, cache_for
from cpsites.images.geometry import Box, box_size, crop_box, height_for, scale_box, widths_for
from cpsites.images.pipeline import Source, decode, encode, probe

WIDTHS = (480, 960, 1600)
CARD_WIDTHS = (480, 960)
CARD_ASPECT = 16 / 9
PORTRAIT_WIDTHS = (320, 640, 960)
SHAPES = {"portrait": 4 / 5, "square": 1.0}
PORTRAIT_ANCHOR = (0.5, 0.4)       # where the face lands in the crop
PORTRAIT_DEFAULT_FOCUS = (0.5, 0.35)
WEBP_QUALITY = 78
JPEG_QUALITY = 80

# `sizes` for the places our templates put pictures, measured in Chromium on the built pages
# (content column: 100vw - 32px on phones, 100vw - 274px from 960px with the side menu, 930px
# from 1220px, 1024px at most; news cards: two columns on the home page, 280px beside the text
# in listings).
SIZES_CONTENT = ("(min-width: 1600px) 1024px, (min-width: 1220px) 930px, "
                 "(min-width: 960px) calc(100vw - 274px), calc(100vw - 32px)")
SIZES_CARD = ("(min-width: 1220px) 500px, (min-width: 960px) calc(50vw - 150px), "
              "(min-width: 600px) calc(50vw - 30px), calc(100vw - 32px)")
SIZES_CARD_LIST = "(min-width: 600px) 310px, calc(100vw - 32px)"
# Content pictures are never shown taller than this (CSS .cp-pic): a phone's portrait photo
# stays on one screen instead of filling three.
MAX_DISPLAY_HEIGHT = 720
FILL_WIDTH = 900  # pictures at least this wide fill the column; smaller ones keep their size


def content_sizes(resp: "Responsive", max_height: int = MAX_DISPLAY_HEIGHT) -> str:
    """`sizes` of a content picture: the column width, or less for portrait and small pictures
    (the widest they are ever shown: capped by max_height or their own width)."""
    cap = round(max_height * resp.width / resp.height)
    if resp.width < FILL_WIDTH:
        cap = min(cap, resp.width)
    if cap >= 1024:
        return SIZES_CONTENT
    return f"(min-width: {cap + 32}px) {cap}px, calc(100vw - 32px)"

MIME_EXT = {"image/webp": "webp", "image/jpeg": "jpg", "image/png": "png", "image/svg+xml": "svg"}


@dataclass(frozen=True)
class Variant:
    width: int
    height: int
    files: dict[str, Path]  # mime type -> cached file


@dataclass(frozen=True)
class Responsive:
    source: Source
    name: str               # base of every published file name, e.g. "open-day-card"
    tag: str                # short hash of the source and the operation (cache busting)
    variants: tuple[Variant, ...]  # ascending width
    fallback_type: str      # "image/jpeg", "image/png" or "image/svg+xml"

    @property
    def width(self) -> int:
        return self.variants[-1].width

    @property
    def height(self) -> int:
        return self.variants[-1].height

    def filename(self, variant: Variant, mime: str) -> str:
        if mime == "image/svg+xml":
            return f"{self.name}.{self.tag}.svg"
        return f"{self.name}-{variant.width}.{self.tag}.{MIME_EXT[mime]}"

    def outputs(self) -> list[tuple[str, Path]]:
        """(published file name, cached file) of every version."""
        return [(self.filename(v, mime), p) for v in self.variants for mime, p in v.files.items()]

    def largest(self, mime: str | None = None) -> tuple[str, Path]:
        v = self.variants[-1]
        mime = mime or self.fallback_type
        return self.filename(v, mime), v.files[mime]


def responsive(path: Path | str | Source, widths: tuple[int, ...] | list[int] = WIDTHS,
               aspect: float | None = None, focus: tuple[float, float] | None = None,
               anchor: tuple[float, float] = (0.5, 0.5), zoom: float = 1.0, label: str = "",
               cache: ImageCache | None = None) -> Responsive:
    """All web versions of one picture, made or taken from the cache (see module docstring)."""
    src = path if isinstance(path, Source) else probe(path)
    cache = cache or cache_for(src.path)
    name = _safe_name(src.path.stem + (f"-{label}" if label else ""))
    if src.is_svg:
        return _svg(src, name, cache)
    box = crop_box(src.width, src.height, aspect, focus, anchor, zoom) if (aspect or zoom > 1) \
        else (0.0, 0.0, float(src.width), float(src.height))
    fallback = "image/png" if src.has_alpha else "image/jpeg"
    op = {"op": "web", "box": list(box), "fallback": fallback, "qw": WEBP_QUALITY, "qj": JPEG_QUALITY}
    tag = _tag(src, op)
    plan = []  # (width, height, mime, key)
    for w in widths_for(box, widths):
        h = height_for(box, w)
        for mime in ("image/webp", fallback):
            plan.append((w, h, mime, cache.key(src.digest, {**op, "w": w, "h": h, "fmt": mime})))
    found = {key: cache.get(key, MIME_EXT[mime]) for _, _, mime, key in plan}
    missing = [p for p in plan if found[p[3]] is None]
    if missing:
        with cache.making(plan[0][3]):  # made by one process at a time; look again once it is ours
            found = {key: cache.get(key, MIME_EXT[mime]) for _, _, mime, key in plan}
            missing = [p for p in plan if found[p[3]] is None]
            if missing:
                _render(src, box, missing, cache, found)
    STATS.record(src.path, processed=bool(missing))
    variants: dict[int, Variant] = {}
    for w, h, mime, key in plan:
        v = variants.setdefault(w, Variant(w, h, {}))
        v.files[mime] = found[key]
    return Responsive(src, name, tag, tuple(variants[w] for w in sorted(variants)), fallback)


def card_thumbnail(path: Path | str | Source, focus: tuple[float, float] | None = None,
                   cache: ImageCache | None = None) -> Responsive:
    """A news card's picture: 16:9 around `focus`, 480 and 960 px."""
    return responsive(path, CARD_WIDTHS, aspect=CARD_ASPECT, focus=focus, label="card", cache=cache)


def portrait(path: Path | str | Source, shape: str = "portrait", focus: tuple[float, float] | None = None,
             widths: tuple[int, ...] = PORTRAIT_WIDTHS, zoom: float = 1.0,
             cache: ImageCache | None = None) -> Responsive:
    """An officer's photo: `shape` "portrait" (4:5) or "square" (1:1), the face (`focus`) at 40%
    from the top, optionally tighter with `zoom` > 1."""
    if shape not in SHAPES:
        raise ValueError(f"shape must be one of {', '.join(SHAPES)}")
    return responsive(path, widths, aspect=SHAPES[shape], focus=focus or PORTRAIT_DEFAULT_FOCUS,
                      anchor=PORTRAIT_ANCHOR, zoom=zoom, label=shape, cache=cache)


def picture_html(resp: Responsive, alt: str, url: Callable[[str], str], *, sizes: str | None = None,
                 loading: str = "lazy", decoding: str = "async", css_class: str | None = None,
                 fetchpriority: str | None = None, decorative: bool = False,
                 extra_attrs: dict[str, str] | None = None) -> str:
    """The markup of a Responsive (see module docstring)."""
    if not (alt or "").strip() and not decorative:
        raise ContentError.at(resp.source.path, "the picture has no alternative text; describe what it "
                              "shows for readers who cannot see it")
    esc = lambda s: html.escape(str(s), quote=True)  # noqa: E731
    sizes = sizes or content_sizes(resp)

    def srcset(mime: str) -> str:
        return ", ".join(f"{url(resp.filename(v, mime))} {v.width}w" for v in resp.variants)

    fb = resp.fallback_type
    # the fallback <img src>: the version nearest 960 px (what an old browser gets)
    middle = min(resp.variants, key=lambda v: abs(v.width - 960))
    attrs = {
        "src": url(resp.filename(middle, fb)),
        "srcset": srcset(fb),
        "sizes": sizes,
        "width": str(resp.width),
        "height": str(resp.height),
        "alt": "" if decorative else alt.strip(),
        "loading": loading,
        "decoding": decoding,
    }
    if fetchpriority:
        attrs["fetchpriority"] = fetchpriority
    if css_class:
        attrs["class"] = css_class
    for k, v in (extra_attrs or {}).items():
        attrs.setdefault(k, v)
    img = "<img " + " ".join(f'{k}="{esc(v)}"' for k, v in attrs.items()) + ">"
    if fb == "image/svg+xml":
        return img
    source = f'<source type="image/webp" srcset="{esc(srcset("image/webp"))}" sizes="{esc(sizes)}">'
    return f"<picture>{source}{img}</picture>"


# -- making the files ---------------------------------------------------------------------------
def _render(src: Source, box: Box, missing: list, cache: ImageCache, found: dict) -> None:
    biggest = max(w for w, _, _, _ in missing)
    bw, _ = box_size(box)
    # decode a JPEG at 1/2, 1/4 or 1/8 when that still leaves enough pixels for the biggest version
    im = decode(src, scale=min(1.0, biggest / bw))
    factor = im.width / src.width
    crop = scale_box(box, factor)
    made: dict[tuple[int, int], Image.Image] = {}
    for w, h, mime, key in sorted(missing, key=lambda p: -p[0]):
        if (w, h) not in made:
            # each size from the next bigger one already made (cheaper), the biggest from the photo
            bigger = [s for s in made if s[0] > w]
            if bigger:
                base = made[min(bigger)]
                made[(w, h)] = base.resize((w, h), Image.Resampling.LANCZOS)
            else:
                made[(w, h)] = im.resize((w, h), Image.Resampling.LANCZOS, box=crop, reducing_gap=3.0)
        fmt = {"image/webp": "WEBP", "image/jpeg": "JPEG", "image/png": "PNG"}[mime]
        quality = WEBP_QUALITY if fmt == "WEBP" else JPEG_QUALITY
        found[key] = cache.put(key, MIME_EXT[mime], encode(made[(w, h)], fmt, quality))


def _svg(src: Source, name: str, cache: ImageCache) -> Responsive:
    from cpsites.images.svg import clean_svg

    key = cache.key(src.digest, {"op": "svg"})
    path = cache.get(key, "svg")
    STATS.record(src.path, processed=path is None)
    if path is None:
        path = cache.put(key, "svg", clean_svg(src.path.read_bytes()))
    return Responsive(src, name, _tag(src, {"op": "svg"}),
                      (Variant(src.width, src.height, {"image/svg+xml": path}),), "image/svg+xml")


def _tag(src: Source, op: dict) -> str:
    blob = json.dumps({"src": src.digest, **op}, sort_keys=True, default=str)
    return hashlib.sha256(blob.encode()).hexdigest()[:10]


def _safe_name(stem: str) -> str:
    # published names stay readable but safe in URLs: letters, digits, '-', '_'
    name = re.sub(r"[^\w-]+", "-", stem, flags=re.ASCII).strip("-").lower()
    return name or "image"
