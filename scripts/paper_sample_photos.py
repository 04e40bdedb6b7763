"""Draw the illustrative "photos" of the sample newspapers with Pillow (no real people or places).

    .venv/bin/python scripts/paper_sample_photos.py OUT_DIR

Each scene is built from simple shapes (sky, buildings, road, figures as silhouettes), then given
light grain and blur so it prints like a photograph (shapes are seeded; the grain is random).
The sample issues keep them in sites/<slug>/newspaper/images/ (identical files: git stores one).
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

W, H = 2400, 1600


def sky(d, top, bottom, horizon: int) -> None:
    for y in range(horizon):
        f = y / max(1, horizon)
        d.line([(0, y), (W, y)], fill=tuple(round(a + (b - a) * f) for a, b in zip(top, bottom)))


def person(d, x: int, ground: int, h: int, colour, rnd: random.Random) -> None:
    head, body_w = h // 7, h // 4
    d.ellipse([x - head // 2, ground - h, x + head // 2, ground - h + head], fill=(rnd.randint(60, 120),) * 3)
    d.rounded_rectangle([x - body_w // 2, ground - h + head, x + body_w // 2, ground - h // 3],
                        radius=body_w // 3, fill=colour)
    d.rectangle([x - body_w // 3, ground - h // 3, x - 2, ground], fill=(40, 40, 55))
    d.rectangle([x + 2, ground - h // 3, x + body_w // 3, ground], fill=(40, 40, 55))


def crowd(d, rnd, ground, n, hmin, hmax, police=0.2) -> None:
    for _ in range(n):
        colour = (30, 50, 90) if rnd.random() < police else tuple(rnd.randint(60, 220) for _ in range(3))
        person(d, rnd.randint(0, W), ground + rnd.randint(-10, 40), rnd.randint(hmin, hmax), colour, rnd)


def building(d, rnd, x0, x1, top, ground, wall) -> None:
    d.rectangle([x0, top, x1, ground], fill=wall)
    for wx in range(x0 + 40, x1 - 60, 110):
        for wy in range(top + 50, ground - 120, 140):
            d.rectangle([wx, wy, wx + 60, wy + 80], fill=(rnd.randint(120, 170), rnd.randint(160, 190), 210))


def scene(kind: str, seed: int) -> Image.Image:
    rnd = random.Random(seed)
    im = Image.new("RGB", (W, H))
    d = ImageDraw.Draw(im)
    if kind == "open-day":
        sky(d, (110, 160, 220), (200, 225, 245), 900)
        d.rectangle([0, 900, W, H], fill=(150, 150, 145))
        building(d, rnd, 300, 2100, 280, 980, (225, 215, 190))
        d.rectangle([1050, 700, 1350, 980], fill=(90, 70, 50))
        for fx, col in ((900, (0, 150, 220)), (1500, (220, 30, 50))):
            d.line([(fx, 120), (fx, 300)], fill=(80, 80, 80), width=8)
            d.rectangle([fx, 120, fx + 180, 190], fill=col)
        crowd(d, rnd, 1400, 70, 260, 420)
    elif kind == "road":
        sky(d, (120, 170, 225), (215, 230, 240), 700)
        d.polygon([(0, H), (W, H), (1500, 700), (900, 700)], fill=(70, 72, 75))
        d.rectangle([0, 700, 900, H], fill=(110, 150, 90))
        d.rectangle([1500, 700, W, H], fill=(110, 150, 90))
        for i in range(8):
            x0 = 700 + i * 130
            d.polygon([(x0, 1250), (x0 + 80, 1250), (x0 + 60, 1100), (x0 + 10, 1100)], fill=(235, 235, 235))
        d.rectangle([1650, 500, 1690, 1200], fill=(50, 50, 50))
        d.rounded_rectangle([1610, 380, 1730, 640], radius=20, fill=(30, 30, 30))
        for j, col in enumerate(((200, 40, 40), (90, 60, 20), (40, 60, 40))):
            d.ellipse([1640, 400 + j * 80, 1700, 460 + j * 80], fill=col)
        crowd(d, rnd, 1250, 14, 300, 380, police=0.3)
    elif kind == "school":
        sky(d, (140, 185, 230), (225, 235, 245), 800)
        d.rectangle([0, 800, W, H], fill=(120, 160, 90))
        building(d, rnd, 200, 2200, 300, 900, (200, 120, 90))
        for tx in (120, 2280):
            d.rectangle([tx - 20, 600, tx + 20, 900], fill=(90, 60, 40))
            d.ellipse([tx - 160, 380, tx + 160, 700], fill=(60, 120, 60))
        crowd(d, rnd, 1350, 45, 200, 330, police=0.1)
    elif kind == "meeting":
        d.rectangle([0, 0, W, H], fill=(225, 220, 205))
        d.rectangle([900, 150, 1500, 700], fill=(190, 215, 235))
        d.rectangle([0, 1000, W, H], fill=(150, 115, 80))
        d.rectangle([300, 950, 2100, 1080], fill=(110, 75, 45))
        for x in range(380, 2100, 260):
            colour = (30, 50, 90) if rnd.random() < 0.4 else tuple(rnd.randint(60, 200) for _ in range(3))
            person(d, x, 1000, 520, colour, rnd)
        d.rectangle([300, 900, 2100, 960], fill=(245, 245, 240))
    elif kind == "football":
        sky(d, (100, 150, 215), (200, 220, 240), 500)
        d.rectangle([0, 500, W, H], fill=(70, 140, 60))
        for y in range(560, H, 120):
            d.rectangle([0, y, W, y + 60], fill=(80, 150, 70))
        d.rectangle([1800, 560, 2300, 820], outline=(250, 250, 250), width=14)
        crowd(d, rnd, 1300, 16, 320, 420, police=0.5)
        d.ellipse([1100, 1250, 1180, 1330], fill=(250, 250, 250))
    elif kind == "river":
        sky(d, (150, 180, 220), (235, 225, 210), 750)
        d.polygon([(0, 750), (500, 520), (1000, 700), (1600, 480), (W, 740)], fill=(120, 130, 110))
        d.rectangle([0, 750, W, 1100], fill=(70, 120, 160))
        d.rectangle([0, 1100, W, H], fill=(160, 150, 120))
        d.rectangle([300, 880, 2100, 920], fill=(200, 200, 200))
        crowd(d, rnd, 1450, 10, 240, 320, police=0.3)
    elif kind == "patrol":
        sky(d, (130, 170, 220), (220, 230, 240), 650)
        building(d, rnd, 0, W, 150, 900, (205, 200, 190))
        d.rectangle([0, 900, W, H], fill=(85, 85, 90))
        d.rounded_rectangle([500, 900, 1900, 1300], radius=80, fill=(240, 240, 245))
        d.rectangle([500, 1080, 1900, 1150], fill=(20, 60, 140))
        d.rounded_rectangle([800, 750, 1600, 930], radius=60, fill=(230, 230, 235))
        d.rectangle([1050, 700, 1350, 750], fill=(30, 80, 200))
        d.rectangle([1200, 700, 1350, 750], fill=(210, 30, 40))
        for wx in (750, 1650):
            d.ellipse([wx - 130, 1180, wx + 130, 1440], fill=(25, 25, 25))
        person(d, 2100, 1400, 560, (30, 50, 90), rnd)
    elif kind == "computers":
        d.rectangle([0, 0, W, H], fill=(215, 222, 228))
        d.rectangle([0, 1050, W, H], fill=(130, 120, 110))
        for x in range(150, W - 300, 560):
            d.rectangle([x, 600, x + 380, 860], fill=(30, 35, 45))
            d.rectangle([x + 20, 620, x + 360, 840], fill=(70, 130, 200))
            d.rectangle([x + 170, 860, x + 210, 960], fill=(60, 60, 60))
            person(d, x + 190, 1250, 520, tuple(rnd.randint(60, 220) for _ in range(3)), rnd)
        d.rectangle([0, 950, W, 1010], fill=(160, 120, 80))
    # grain and softness: flat shapes print like a photograph rather than a diagram
    noise = Image.effect_noise((W, H), 18).convert("RGB")
    return Image.blend(im, noise, 0.06).filter(ImageFilter.GaussianBlur(1.6))


KINDS = ["open-day", "road", "school", "meeting", "football", "river", "patrol", "computers"]


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for i, kind in enumerate(KINDS):
        scene(kind, i).save(out / f"{kind}.jpg", "JPEG", quality=82, optimize=True)
        print(out / f"{kind}.jpg")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "photos"))
