"""Benchmark the image pipeline: images per second, cold (empty cache) and warm (all cached).

    .venv/bin/python scripts/bench_images.py [--count 200] [--cold-runs 3] [--warm-runs 5]

Makes `count` phone-size photos (4032 x 3024 JPEG, quality 85, 2-3 MB, with GPS EXIF, XMP, half
of them stored sideways with an EXIF orientation) in a temporary folder, then times what a build
does for every news photo: the responsive versions (480 / 960 / 1600 px, WebP + JPEG) and the
16:9 card thumbnail (480 / 960 px, WebP + JPEG), in one process, like one department's build.
Cold runs start from an empty cache each time; warm runs find everything cached (hash the file,
read its header, look the versions up). Prints the median of the runs.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from PIL import Image, ImageDraw  # noqa: E402

from cpsites.images import reset_stats, stats, web  # noqa: E402
from cpsites.images.cache import ImageCache  # noqa: E402


def _photos():
    spec = importlib.util.spec_from_file_location("make_sample_photos", REPO / "scripts" / "make_sample_photos.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def make_photos(folder: Path, count: int) -> list[Path]:
    """`count` distinct 12-megapixel photos: eight drawn scenes, each copy marked differently so
    its bytes (and so its cache key) differ."""
    photos = _photos()
    names = ["building", "crossing", "classroom", "football", "hall", "meeting", "street_night", "embankment"]
    bases = []
    for n in names:
        im = photos.scene(n, (4032, 3024))
        # full-resolution sensor noise: real phone photos carry far more detail than drawn scenes,
        # and decoding time grows with it (the files come out at 2-3 MB like a phone's)
        noise = Image.effect_noise(im.size, 40).convert("RGB")
        bases.append(Image.blend(im, noise, 0.12))
    out = []
    for i in range(count):
        im = bases[i % len(bases)].copy()
        ImageDraw.Draw(im).rectangle((40 + (i * 37) % 3800, 40, 140 + (i * 37) % 3800, 140),
                                     fill=((i * 53) % 256, (i * 97) % 256, (i * 151) % 256))
        orientation = (1, 6, 1, 8)[i % 4]
        out.append(photos.save_phone_jpeg(im, folder / f"photo-{i:03d}.jpg", orientation, quality=85))
    return out


def process_all(paths: list[Path], cache: ImageCache) -> float:
    start = time.perf_counter()
    for p in paths:
        web.responsive(p, cache=cache)
        web.card_thumbnail(p, cache=cache)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--count", type=int, default=200)
    ap.add_argument("--cold-runs", type=int, default=3)
    ap.add_argument("--warm-runs", type=int, default=5)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="cpsites-bench-images-") as tmp:
        tmp = Path(tmp)
        t = time.perf_counter()
        paths = make_photos(tmp / "photos", args.count)
        size_mb = sum(p.stat().st_size for p in paths) / 1e6
        with Image.open(paths[0]) as im:
            print(f"{args.count} photos of {im.width} x {im.height} px, {size_mb / args.count:.1f} MB each "
                  f"(made in {time.perf_counter() - t:.0f} s)")
        cold, warm = [], []
        for run in range(args.cold_runs):
            cache = ImageCache(tmp / f"cache-{run}")
            reset_stats()
            cold.append(process_all(paths, cache))
            assert stats() == (args.count, 0), stats()
            print(f"  cold run {run + 1}: {cold[-1]:.1f} s = {args.count / cold[-1]:.2f} images/s")
        for run in range(args.warm_runs):
            reset_stats()
            warm.append(process_all(paths, cache))
            assert stats() == (0, args.count), stats()
            print(f"  warm run {run + 1}: {warm[-1]:.2f} s = {args.count / warm[-1]:.0f} images/s")
        out_mb = sum(p.stat().st_size for p in (tmp / f"cache-{args.cold_runs - 1}").rglob("*.*")) / 1e6
    print(f"cold: {args.count / statistics.median(cold):.2f} images/s (median of {len(cold)} runs, "
          f"{statistics.median(cold) / args.count * 1000:.0f} ms per photo)")
    print(f"warm: {args.count / statistics.median(warm):.0f} images/s (median of {len(warm)} runs)")
    print(f"output: {out_mb / args.count * 1000:.0f} KB of WebP + JPEG versions per photo "
          f"(from {size_mb / args.count * 1000:.0f} KB); {os.cpu_count()} cores, one process")
    return 0


if __name__ == "__main__":
    sys.exit(main())
