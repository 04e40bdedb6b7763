"""Crop boxes and sizes: pure arithmetic, shared by web, print and Open Graph versions.

Sizes are decided from the source's header alone, before any pixel is decoded, so a page can
get `width`/`height` from a cached result without opening the photo again.
"""

from __future__ import annotations

Box = tuple[float, float, float, float]  # left, top, right, bottom in upright source pixels


def crop_box(width: int, height: int, aspect: float | None, focus: tuple[float, float] | None = None,
             anchor: tuple[float, float] = (0.5, 0.5), zoom: float = 1.0) -> Box:
    """The largest box of `aspect` (width / height) inside the picture, divided by `zoom`, placed
    so that the `focus` point (fractions of width and height, e.g. (0.5, 0.3) for a face near
    the top) lands at `anchor` inside the box (its centre by default), pushed back inside the
    picture where it would stick out. aspect=None keeps the whole picture (zoom still applies)."""
    fx, fy = focus if focus is not None else (0.5, 0.5)
    fx, fy = min(max(float(fx), 0.0), 1.0), min(max(float(fy), 0.0), 1.0)
    if aspect is None or aspect <= 0:
        aspect = width / height
    if width / height > aspect:
        bh = float(height)
        bw = bh * aspect
    else:
        bw = float(width)
        bh = bw / aspect
    zoom = max(1.0, float(zoom))
    bw, bh = bw / zoom, bh / zoom
    left = fx * width - anchor[0] * bw
    top = fy * height - anchor[1] * bh
    left = min(max(left, 0.0), width - bw)
    top = min(max(top, 0.0), height - bh)
    return (round(left, 2), round(top, 2), round(left + bw, 2), round(top + bh, 2))


def box_size(box: Box) -> tuple[float, float]:
    return box[2] - box[0], box[3] - box[1]


def widths_for(box: Box, wanted: tuple[int, ...] | list[int]) -> list[int]:
    """The wanted widths that the box can fill without upscaling; the box's own width replaces
    those it cannot (a 1200-px photo gives 480, 960, 1200 for 480/960/1600)."""
    bw = int(box_size(box)[0])
    out = sorted({min(int(w), bw) for w in wanted if w > 0})
    return [w for w in out if w >= 1] or [max(1, bw)]


def height_for(box: Box, width: int) -> int:
    bw, bh = box_size(box)
    return max(1, round(width * bh / bw))


def scale_box(box: Box, factor: float) -> Box:
    return (box[0] * factor, box[1] * factor, box[2] * factor, box[3] * factor)
