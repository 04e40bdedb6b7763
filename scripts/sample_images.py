"""Make the drawn placeholder images the sample content uses (no real person's photo anywhere).

For every officer file whose `photo:` does not exist yet: a portrait silhouette (750 x 1000).
For every TV episode whose `video.poster:` does not exist yet: a title card of the programme.
Run from the project folder: .venv/bin/python scripts/sample_images.py [slug ...]
Existing files are left alone, so a real photo is never overwritten.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import yaml
from PIL import Image, ImageDraw, ImageFont

REPO = Path(__file__).resolve().parents[1]
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
FONT_REGULAR = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def _hue(seed: str) -> tuple[int, int, int]:
    h = hashlib.sha1(seed.encode()).digest()
    return 200 + h[0] % 40, 208 + h[1] % 30, 222 + h[2] % 30


def portrait(path: Path, seed: str) -> None:
    """A 750x1000 uniform-blue silhouette on a soft background: clearly a placeholder, and large
    enough for the posters (62 x 83 mm at 300 dpi needs 732 x 980; at 300 x 400 every build
    warned about each one)."""
    k = 2.5  # drawn on the 300 x 400 grid of the first placeholders
    w, h = 750, 1000
    img = Image.new("RGB", (w, h), _hue(seed))
    d = ImageDraw.Draw(img)
    navy = (38, 56, 94)

    def at(*xy: float) -> list[float]:
        return [v * k for v in xy]

    d.ellipse(at(40, 255, 260, 520), fill=navy)                 # shoulders
    d.rectangle(at(128, 215, 172, 275), fill=(222, 190, 160))    # neck
    d.ellipse(at(95, 110, 205, 245), fill=(232, 200, 170))      # face
    d.rectangle(at(88, 92, 212, 135), fill=navy)                # cap
    d.ellipse(at(80, 125, 220, 150), fill=(24, 36, 64))         # cap peak
    d.polygon([(150 * k, 280 * k), (132 * k, 330 * k), (150 * k, 400 * k), (168 * k, 330 * k)],
              fill=(200, 205, 215))                             # shirt
    path.parent.mkdir(parents=True, exist_ok=True)
    img.save(path, "JPEG", quality=78, optimize=True)


def poster(path: Path, programme: str, channel: str, number: int, accent: str) -> None:
    """A 640x360 title card: programme name, channel and episode number."""
    w, h = 640, 360
    rgb = tuple(int(accent[i:i + 2], 16) for i in (1, 3, 5))
    img = Image.new("RGB", (w, h), rgb)
    d = ImageDraw.Draw(img)
    for y in range(h):  # a gentle dark gradient towards the bottom
        shade = int(90 * y / h)
        d.line([(0, y), (w, y)], fill=tuple(max(0, c - shade) for c in rgb))
    big, small = ImageFont.truetype(FONT, 40), ImageFont.truetype(FONT_REGULAR, 24)
    d.text((40, 60), channel, font=small, fill=(230, 236, 245))
    d.text((40, 120), programme, font=big, fill="white")
    d.text((40, 250), f"№ {number}", font=ImageFont.truetype(FONT, 56), fill=(255, 214, 92))
    path.parent.mkdir(parents=True, exist_ok=True)
    img.save(path, "JPEG", quality=80, optimize=True)


def main(slugs: list[str]) -> None:
    for site in sorted((REPO / "sites").iterdir()):
        if slugs and site.name not in slugs or not (site / "department.yml").is_file():
            continue
        docs = site / "docs"
        dept = yaml.safe_load((site / "department.yml").read_text("utf-8"))
        for f in sorted((site / "officers").glob("*.yml")):
            photo = (yaml.safe_load(f.read_text("utf-8")) or {}).get("photo")
            if photo and not (docs / photo).exists():
                portrait(docs / photo, f.stem)
                print("portrait", docs / photo)
        for f in sorted((site / "tv").glob("*.yml")):
            ep = yaml.safe_load(f.read_text("utf-8")) or {}
            p = (ep.get("video") or {}).get("poster")
            if p and not (docs / p).exists():
                prog = dept.get("tv_programme", {}).get("az", "")
                chan = dept.get("tv_channel", {}).get("az", "")
                poster(docs / p, prog, chan, int(ep.get("number", 0)), dept.get("accent", "#1f4e8c"))
                print("poster", docs / p)


if __name__ == "__main__":
    main(sys.argv[1:])
