"""Make the illustrative news photos of the sample content: drawn scenes, no real people.

They imitate what press officers upload from phones, so the image pipeline has real work:
2000-4000 px JPEGs, some stored sideways or upside down with an EXIF orientation tag, all with
GPS coordinates (fictional, around Mingachevir), camera make/model, a date, an XMP packet that
repeats the GPS position, and a JPEG comment. None of that may reach the published site.

    .venv/bin/python scripts/make_sample_photos.py [--out DIR] [--only NAME ...]

Default output: sites/mingachevir/docs/images/news/. Deterministic: the same files every run.
Also importable: `scene(name, size)` and `save_phone_jpeg(image, path, orientation, gps)` make
test photos (the benchmark and the tests use them).
"""

from __future__ import annotations

import argparse
import math
import random
import sys
from pathlib import Path

from PIL import ExifTags, Image, ImageChops, ImageDraw, ImageFilter

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "sites" / "mingachevir" / "docs" / "images" / "news"

# name: (upright width, height, EXIF orientation, scene)
PHOTOS = {
    "open-day-building": (4000, 3000, 1, "building"),
    "open-day-patrol-car": (3000, 4000, 6, "patrol_car"),
    "road-safety-crossing": (4032, 3024, 6, "crossing"),
    "clean-internet-classroom": (3264, 2448, 1, "classroom"),
    "essay-competition-books": (3000, 2000, 1, "books"),
    "police-day-hall": (4000, 2667, 1, "hall"),
    "working-group-table": (3200, 2400, 1, "meeting"),
    "painting-exhibition": (4000, 3000, 3, "paintings"),
    "study-tour-reception": (3000, 2250, 1, "reception"),
    "football-field": (4000, 2250, 1, "football"),
    "tv-studio": (3840, 2160, 1, "studio"),
    "press-meeting": (3600, 2400, 8, "press"),
    "advisory-street-lights": (3000, 4000, 1, "street_night"),
    "kura-embankment": (4000, 2000, 1, "embankment"),
    "complaint-box": (2400, 3200, 6, "complaint_box"),
}

GPS_BASE = (40.7700, 47.0480)  # the city, not a real address


# -- drawing helpers ----------------------------------------------------------------------------
class Canvas:
    """Relative coordinates (0..1) on a picture of any size."""

    def __init__(self, w: int, h: int, color=(200, 200, 200)):
        self.im = Image.new("RGB", (w, h), color)
        self.d = ImageDraw.Draw(self.im)
        self.w, self.h = w, h

    def xy(self, *pts: float) -> list[float]:
        return [p * (self.w if i % 2 == 0 else self.h) for i, p in enumerate(pts)]

    def rect(self, x0, y0, x1, y1, fill, outline=None, width=0.0):
        self.d.rectangle(self.xy(x0, y0, x1, y1), fill=fill, outline=outline,
                         width=max(1, int(width * self.w)) if outline else 0)

    def rrect(self, x0, y0, x1, y1, fill, r=0.01):
        self.d.rounded_rectangle(self.xy(x0, y0, x1, y1), radius=int(r * self.w), fill=fill)

    def ellipse(self, x0, y0, x1, y1, fill):
        self.d.ellipse(self.xy(x0, y0, x1, y1), fill=fill)

    def poly(self, pts, fill):
        self.d.polygon(self.xy(*[c for p in pts for c in p]), fill=fill)

    def line(self, x0, y0, x1, y1, fill, width=0.004):
        self.d.line(self.xy(x0, y0, x1, y1), fill=fill, width=max(1, int(width * self.w)))

    def vgradient(self, y0, y1, top, bottom, x0=0.0, x1=1.0):
        a, b = int(y0 * self.h), int(y1 * self.h)
        for y in range(a, b):
            t = (y - a) / max(1, b - a - 1)
            self.d.line([(x0 * self.w, y), (x1 * self.w, y)], fill=tuple(int(top[i] + (bottom[i] - top[i]) * t) for i in range(3)))


def sky(c: Canvas, horizon: float, top=(92, 145, 210), bottom=(190, 215, 235)):
    c.vgradient(0, horizon, top, bottom)


def tree(c: Canvas, x: float, ground: float, size: float, rng: random.Random, green=(58, 112, 60)):
    c.rect(x - size * 0.06, ground - size * 0.9, x + size * 0.06, ground, fill=(92, 70, 50))
    for _ in range(7):
        dx, dy = rng.uniform(-0.45, 0.45) * size, rng.uniform(-1.6, -0.8) * size
        r = rng.uniform(0.3, 0.5) * size
        g = tuple(max(0, min(255, v + rng.randint(-18, 18))) for v in green)
        c.ellipse(x + dx - r, ground + dy - r * c.w / c.h, x + dx + r, ground + dy + r * c.w / c.h, fill=g)


def window_grid(c: Canvas, x0, y0, x1, y1, cols, rows, frame=(235, 235, 230), glass=(120, 150, 175)):
    cw, rh = (x1 - x0) / cols, (y1 - y0) / rows
    for i in range(cols):
        for j in range(rows):
            c.rect(x0 + i * cw + cw * 0.18, y0 + j * rh + rh * 0.2, x0 + (i + 1) * cw - cw * 0.18,
                   y0 + (j + 1) * rh - rh * 0.15, fill=glass, outline=frame, width=0.002)


def car(c: Canvas, x, y, w, body=(245, 246, 248), stripe=(20, 70, 160), lights=True):
    h = w * 0.32 * c.w / c.h
    c.rrect(x, y + h * 0.35, x + w, y + h, fill=body, r=0.01 * w / 0.3)
    c.poly([(x + w * 0.2, y + h * 0.38), (x + w * 0.32, y), (x + w * 0.7, y), (x + w * 0.82, y + h * 0.38)], fill=body)
    c.poly([(x + w * 0.25, y + h * 0.36), (x + w * 0.35, y + h * 0.07), (x + w * 0.49, y + h * 0.07), (x + w * 0.49, y + h * 0.36)], fill=(70, 90, 110))
    c.poly([(x + w * 0.52, y + h * 0.36), (x + w * 0.52, y + h * 0.07), (x + w * 0.68, y + h * 0.07), (x + w * 0.77, y + h * 0.36)], fill=(70, 90, 110))
    c.rect(x, y + h * 0.58, x + w, y + h * 0.68, fill=stripe)
    for wx in (0.2, 0.8):
        cx, r = x + w * wx, w * 0.085
        c.ellipse(cx - r, y + h - r * c.w / c.h * 1.0, cx + r, y + h + r * c.w / c.h, fill=(30, 30, 32))
        c.ellipse(cx - r * 0.5, y + h - r * 0.5 * c.w / c.h, cx + r * 0.5, y + h + r * 0.5 * c.w / c.h, fill=(150, 150, 155))
    if lights:
        c.rect(x + w * 0.42, y - h * 0.08, x + w * 0.5, y, fill=(30, 90, 230))
        c.rect(x + w * 0.5, y - h * 0.08, x + w * 0.58, y, fill=(220, 40, 40))


def flag(c: Canvas, x, y, w):
    # Azerbaijan's flag: blue, red, green bands, a white crescent and an eight-pointed star
    h = w * 0.5 * c.w / c.h
    for i, col in enumerate(((0, 152, 195), (228, 0, 43), (0, 175, 102))):
        c.rect(x, y + i * h / 3, x + w, y + (i + 1) * h / 3, fill=col)
    cx, cy, r = x + w * 0.47, y + h / 2, w * 0.09
    c.ellipse(cx - r, cy - r * c.w / c.h, cx + r, cy + r * c.w / c.h, fill=(255, 255, 255))
    c.ellipse(cx - r * 0.6, cy - r * 0.8 * c.w / c.h, cx + r * 1.0, cy + r * 0.8 * c.w / c.h, fill=(228, 0, 43))
    sx, sy, sr = x + w * 0.58, y + h / 2, w * 0.05
    pts = []
    for k in range(16):
        rad = sr if k % 2 == 0 else sr * 0.45
        a = math.pi * k / 8
        pts.append((sx + rad * math.cos(a), sy + rad * math.sin(a) * c.w / c.h))
    c.poly(pts, fill=(255, 255, 255))


# -- scenes -------------------------------------------------------------------------------------
def s_building(c: Canvas, rng):
    sky(c, 0.62)
    c.rect(0, 0.6, 1, 1, fill=(150, 150, 145))
    c.rect(0.12, 0.22, 0.88, 0.68, fill=(226, 214, 190))
    window_grid(c, 0.14, 0.26, 0.86, 0.58, 10, 3)
    c.rect(0.44, 0.5, 0.56, 0.68, fill=(90, 70, 55))
    c.rect(0.3, 0.17, 0.7, 0.22, fill=(210, 198, 172))
    c.rect(0.38, 0.185, 0.62, 0.21, fill=(30, 60, 120))
    c.line(0.92, 0.08, 0.92, 0.66, fill=(200, 200, 205), width=0.004)
    flag(c, 0.922, 0.08, 0.07)
    for x in (0.04, 0.96):
        tree(c, x, 0.7, 0.09, rng)
    c.rect(0, 0.74, 1, 0.78, fill=(200, 200, 195))
    car(c, 0.08, 0.76, 0.3)
    car(c, 0.62, 0.79, 0.32)


def s_patrol_car(c: Canvas, rng):
    sky(c, 0.45, (120, 165, 215), (210, 225, 235))
    c.rect(0, 0.45, 1, 1, fill=(125, 125, 122))
    c.rect(0, 0.42, 1, 0.47, fill=(210, 200, 180))
    window_grid(c, 0.0, 0.2, 1.0, 0.42, 5, 2)
    car(c, 0.05, 0.55, 0.9)
    for i in range(6):
        c.rect(0.02 + i * 0.17, 0.93, 0.1 + i * 0.17, 0.94, fill=(235, 235, 230))


def s_crossing(c: Canvas, rng):
    sky(c, 0.4)
    c.rect(0, 0.4, 1, 1, fill=(85, 88, 92))
    c.rect(0, 0.38, 1, 0.45, fill=(170, 168, 160))
    for i in range(9):
        x = 0.05 + i * 0.1
        c.poly([(x, 0.95), (x + 0.06, 0.95), (x + 0.045 + 0.01, 0.5), (x + 0.025, 0.5)], fill=(240, 240, 238))
    c.rect(0.85, 0.12, 0.87, 0.45, fill=(60, 60, 60))
    c.rrect(0.82, 0.1, 0.9, 0.26, fill=(40, 40, 42), r=0.008)
    for k, col in enumerate(((70, 20, 20), (80, 70, 20), (60, 220, 90))):
        c.ellipse(0.845, 0.115 + k * 0.048, 0.875, 0.155 + k * 0.048, fill=col)
    c.rect(0.1, 0.15, 0.115, 0.42, fill=(110, 110, 110))
    c.poly([(0.06, 0.2), (0.155, 0.2), (0.1075, 0.1)], fill=(250, 250, 250))
    c.poly([(0.07, 0.195), (0.145, 0.195), (0.1075, 0.115)], fill=(20, 80, 180))
    tree(c, 0.4, 0.4, 0.08, rng)
    tree(c, 0.6, 0.4, 0.07, rng)


def s_classroom(c: Canvas, rng):
    c.rect(0, 0, 1, 1, fill=(232, 226, 210))
    c.rect(0, 0.72, 1, 1, fill=(160, 120, 85))
    c.rect(0.2, 0.12, 0.8, 0.5, fill=(240, 242, 245), outline=(90, 90, 90), width=0.003)
    c.rect(0.26, 0.18, 0.74, 0.44, fill=(30, 110, 190))
    c.poly([(0.5, 0.21), (0.58, 0.25), (0.57, 0.34), (0.5, 0.41), (0.43, 0.34), (0.42, 0.25)], fill=(250, 250, 250))
    c.poly([(0.5, 0.24), (0.55, 0.265), (0.545, 0.33), (0.5, 0.38), (0.455, 0.33), (0.45, 0.265)], fill=(46, 160, 90))
    window_grid(c, 0.84, 0.1, 0.99, 0.6, 1, 2, glass=(190, 215, 235))
    for row in range(3):
        y = 0.62 + row * 0.12
        for col in range(4):
            x = 0.06 + col * 0.24 + row * 0.01
            c.rect(x, y, x + 0.18, y + 0.03, fill=(190, 150, 105))
            c.rect(x + 0.01, y + 0.03, x + 0.02, y + 0.1, fill=(80, 80, 85))
            c.rect(x + 0.16, y + 0.03, x + 0.17, y + 0.1, fill=(80, 80, 85))


def s_books(c: Canvas, rng):
    c.rect(0, 0, 1, 1, fill=(140, 100, 70))
    c.vgradient(0, 0.35, (225, 220, 210), (200, 192, 180))
    for i in range(14):
        x = 0.05 + i * 0.045
        hgt = rng.uniform(0.16, 0.26)
        col = rng.choice([(150, 40, 40), (30, 70, 130), (40, 110, 70), (200, 160, 60), (90, 60, 120)])
        c.rect(x, 0.35 - hgt, x + 0.04, 0.35, fill=col)
        c.rect(x + 0.005, 0.35 - hgt + 0.03, x + 0.035, 0.35 - hgt + 0.045, fill=(230, 220, 190))
    c.rect(0, 0.35, 1, 0.37, fill=(110, 75, 50))
    c.poly([(0.25, 0.55), (0.6, 0.5), (0.68, 0.85), (0.3, 0.92)], fill=(248, 246, 240))
    for k in range(9):
        y = 0.58 + k * 0.035
        c.line(0.3 + k * 0.004, y, 0.6 + k * 0.009, y - 0.04, fill=(120, 140, 190), width=0.0015)
    c.line(0.62, 0.8, 0.8, 0.6, fill=(20, 30, 90), width=0.008)
    c.rect(0.74, 0.42, 0.95, 0.7, fill=(250, 245, 225), outline=(190, 150, 60), width=0.004)
    c.ellipse(0.82, 0.6, 0.87, 0.675, fill=(200, 40, 40))


def s_hall(c: Canvas, rng):
    c.rect(0, 0, 1, 1, fill=(200, 190, 175))
    c.rect(0, 0, 1, 0.08, fill=(170, 160, 145))
    c.rect(0.25, 0.1, 0.75, 0.55, fill=(120, 30, 40))
    c.rect(0.27, 0.12, 0.73, 0.53, fill=(150, 40, 50))
    for x in (0.12, 0.82):
        c.line(x + 0.02, 0.12, x + 0.02, 0.7, fill=(190, 170, 90), width=0.004)
        flag(c, x + 0.022, 0.13, 0.12)
    c.rect(0.3, 0.55, 0.7, 0.72, fill=(110, 75, 50))
    for i in range(5):
        x = 0.36 + i * 0.07
        for j in range(6):
            col = rng.choice([(210, 30, 50), (250, 250, 245), (240, 200, 60)])
            c.ellipse(x + rng.uniform(-0.02, 0.02), 0.5 + rng.uniform(-0.03, 0.02), x + 0.025, 0.54, fill=col)
    c.rect(0, 0.72, 1, 1, fill=(120, 60, 50))
    for row in range(2):
        for k in range(9):
            x = 0.03 + k * 0.11
            c.rrect(x, 0.8 + row * 0.1, x + 0.08, 0.87 + row * 0.1, fill=(60, 60, 70), r=0.004)


def s_meeting(c: Canvas, rng):
    c.rect(0, 0, 1, 1, fill=(228, 230, 232))
    window_grid(c, 0.02, 0.08, 0.3, 0.55, 2, 2, glass=(185, 210, 235))
    c.rect(0.45, 0.08, 0.92, 0.42, fill=(250, 250, 250), outline=(120, 120, 120), width=0.002)
    for i, hgt in enumerate((0.12, 0.2, 0.16, 0.25, 0.22)):
        c.rect(0.52 + i * 0.075, 0.38 - hgt, 0.57 + i * 0.075, 0.38, fill=(40, 100, 170))
    c.rect(0, 0.62, 1, 1, fill=(140, 140, 150))
    c.poly([(0.15, 0.95), (0.85, 0.95), (0.7, 0.6), (0.3, 0.6)], fill=(150, 110, 75))
    for k in range(4):
        c.rect(0.36 + k * 0.08, 0.66 + k * 0.04, 0.42 + k * 0.08, 0.7 + k * 0.04, fill=(250, 250, 248))
    for side in (0, 1):
        for k in range(4):
            y = 0.6 + k * 0.09
            x = 0.24 - k * 0.04 if side == 0 else 0.72 + k * 0.04
            c.rrect(x, y, x + 0.05, y + 0.07, fill=(45, 50, 60), r=0.005)


def s_paintings(c: Canvas, rng):
    c.rect(0, 0, 1, 1, fill=(238, 236, 230))
    c.rect(0, 0.85, 1, 1, fill=(150, 130, 110))
    for row in range(2):
        for col in range(5):
            x, y = 0.05 + col * 0.19, 0.1 + row * 0.37
            c.rect(x, y, x + 0.15, y + 0.28, fill=(120, 90, 60))
            c.rect(x + 0.008, y + 0.012, x + 0.142, y + 0.268, fill=(252, 252, 248))
            c.ellipse(x + 0.1, y + 0.03, x + 0.13, y + 0.075, fill=(250, 200, 40))
            c.rect(x + 0.03, y + 0.14, x + 0.09, y + 0.24, fill=rng.choice([(220, 60, 60), (60, 120, 220), (80, 170, 90)]))
            c.poly([(x + 0.025, y + 0.14), (x + 0.095, y + 0.14), (x + 0.06, y + 0.09)], fill=(160, 70, 40))
            c.rect(x + 0.008, y + 0.24, x + 0.142, y + 0.268, fill=(110, 190, 90))


def s_reception(c: Canvas, rng):
    c.rect(0, 0, 1, 1, fill=(214, 222, 230))
    c.rect(0.3, 0.1, 0.7, 0.22, fill=(25, 60, 120))
    c.rect(0.33, 0.14, 0.67, 0.18, fill=(240, 240, 240))
    c.rect(0, 0.6, 1, 1, fill=(170, 160, 150))
    c.rect(0.15, 0.45, 0.85, 0.75, fill=(120, 85, 60))
    c.rect(0.2, 0.35, 0.38, 0.47, fill=(40, 40, 45))
    c.rect(0.21, 0.36, 0.37, 0.46, fill=(90, 140, 190))
    c.rect(0.6, 0.4, 0.75, 0.47, fill=(240, 240, 235))
    c.rrect(0.45, 0.32, 0.55, 0.46, fill=(60, 90, 140), r=0.01)
    window_grid(c, 0.8, 0.05, 0.98, 0.45, 1, 2, glass=(200, 220, 240))


def s_football(c: Canvas, rng):
    sky(c, 0.3)
    c.rect(0, 0.22, 1, 0.32, fill=(150, 150, 160))
    for k in range(40):
        x = k * 0.025
        c.rect(x, 0.24, x + 0.02, 0.3, fill=rng.choice([(200, 40, 40), (40, 80, 180), (230, 230, 230), (240, 190, 40)]))
    for i in range(10):
        c.rect(0, 0.32 + i * 0.068, 1, 0.32 + (i + 1) * 0.068, fill=(60, 150, 70) if i % 2 else (70, 165, 80))
    c.line(0, 0.7, 1, 0.7, fill=(245, 245, 245), width=0.003)
    c.d.arc(c.xy(0.35, 0.58, 0.65, 0.82), 0, 360, fill=(245, 245, 245), width=int(0.003 * c.w))
    c.rect(0.4, 0.36, 0.6, 0.48, fill=None, outline=(250, 250, 250), width=0.006)
    c.ellipse(0.53, 0.76, 0.56, 0.81, fill=(250, 250, 250))


def s_studio(c: Canvas, rng):
    c.vgradient(0, 1, (30, 34, 45), (60, 62, 70))
    c.rect(0.3, 0.15, 0.9, 0.6, fill=(20, 60, 130))
    c.rect(0.32, 0.17, 0.88, 0.58, fill=(30, 90, 170))
    c.rect(0.4, 0.6, 0.8, 0.75, fill=(200, 200, 205))
    for x in (0.05, 0.95):
        c.line(x, 0.2, x, 0.9, fill=(90, 90, 95), width=0.004)
        c.poly([(x - 0.05, 0.12), (x + 0.05, 0.12), (x + 0.03, 0.22), (x - 0.03, 0.22)], fill=(230, 230, 200))
    c.rect(0.08, 0.5, 0.22, 0.64, fill=(25, 25, 28))
    c.ellipse(0.02, 0.52, 0.1, 0.62, fill=(15, 15, 18))
    c.line(0.15, 0.64, 0.1, 0.95, fill=(40, 40, 40), width=0.006)
    c.line(0.15, 0.64, 0.2, 0.95, fill=(40, 40, 40), width=0.006)


def s_press(c: Canvas, rng):
    c.rect(0, 0, 1, 1, fill=(215, 205, 190))
    c.rect(0.2, 0.08, 0.8, 0.3, fill=(30, 60, 120))
    flag(c, 0.05, 0.08, 0.1)
    c.rect(0.1, 0.38, 0.9, 0.5, fill=(70, 50, 40))
    for k in range(5):
        x = 0.18 + k * 0.16
        c.line(x, 0.38, x - 0.02, 0.3, fill=(30, 30, 30), width=0.003)
        c.ellipse(x - 0.035, 0.27, x - 0.005, 0.32, fill=(20, 20, 20))
    for row in range(4):
        for k in range(8):
            x = 0.04 + k * 0.12 + (row % 2) * 0.03
            c.rrect(x, 0.6 + row * 0.1, x + 0.09, 0.68 + row * 0.1, fill=(150, 30, 40), r=0.005)


def s_street_night(c: Canvas, rng):
    c.vgradient(0, 0.55, (10, 15, 40), (40, 45, 80))
    c.rect(0, 0.55, 1, 1, fill=(35, 35, 40))
    for x in (0.05, 0.65):
        c.rect(x, 0.25, x + 0.3, 0.58, fill=(55, 50, 55))
        window_grid(c, x + 0.01, 0.28, x + 0.29, 0.55, 3, 3, frame=(60, 55, 60), glass=(210, 170, 80))
    for k in range(4):
        x = 0.15 + k * 0.25
        c.line(x, 0.35, x, 0.8, fill=(90, 90, 90), width=0.006)
        c.ellipse(x - 0.04, 0.32, x + 0.04, 0.37, fill=(255, 230, 150) if k != 2 else (60, 60, 60))
    c.poly([(0.4, 1.0), (0.6, 1.0), (0.52, 0.58), (0.48, 0.58)], fill=(60, 60, 65))


def s_embankment(c: Canvas, rng):
    sky(c, 0.5, (250, 180, 120), (250, 220, 170))
    c.ellipse(0.62, 0.28, 0.7, 0.44, fill=(255, 240, 200))
    c.poly([(0, 0.5), (0.2, 0.38), (0.45, 0.47), (0.7, 0.4), (1, 0.48), (1, 0.52), (0, 0.52)], fill=(120, 110, 120))
    c.vgradient(0.5, 0.78, (200, 150, 120), (90, 110, 140))
    c.rect(0, 0.78, 1, 1, fill=(180, 175, 160))
    for k in range(12):
        x = k * 0.09
        c.line(x, 0.78, x, 0.7, fill=(70, 70, 75), width=0.003)
    c.line(0, 0.72, 1, 0.72, fill=(70, 70, 75), width=0.003)
    for k in range(6):
        tree(c, 0.05 + k * 0.19, 0.8, 0.05, rng, green=(50, 90, 50))


def s_complaint_box(c: Canvas, rng):
    c.rect(0, 0, 1, 1, fill=(222, 210, 190))
    for j in range(30):
        y = j * 0.035
        c.line(0, y, 1, y, fill=(205, 193, 172), width=0.002)
    c.rect(0.25, 0.3, 0.75, 0.62, fill=(25, 70, 150))
    c.rect(0.35, 0.35, 0.65, 0.37, fill=(10, 20, 40))
    c.rect(0.3, 0.42, 0.7, 0.56, fill=(245, 245, 245))
    c.ellipse(0.46, 0.44, 0.54, 0.5, fill=(25, 70, 150))
    c.rect(0, 0.85, 1, 1, fill=(120, 110, 100))


SCENES = {name.removeprefix("s_"): fn for name, fn in globals().items() if name.startswith("s_")}


def _finish(im: Image.Image, rng: random.Random) -> Image.Image:
    """Camera look: soft edges, light falloff, a little grain."""
    w, h = im.size
    im = im.filter(ImageFilter.GaussianBlur(max(1, w // 1600)))
    # vignette: darker corners
    mask = Image.radial_gradient("L").resize((w, h)).point(lambda v: int(v * 0.35))
    im = Image.composite(Image.new("RGB", (w, h), (0, 0, 0)), im, mask)
    # grain at a quarter of the size: visible texture, still compresses to a few hundred KB
    noise = Image.effect_noise((max(1, w // 4), max(1, h // 4)), 12).resize((w, h), Image.Resampling.BILINEAR)
    grain = Image.merge("RGB", (noise, noise, noise))
    return ImageChops.add(ImageChops.subtract(im, Image.new("RGB", (w, h), (6, 6, 6))), grain.point(lambda v: v // 12))


def scene(name: str, size: tuple[int, int], seed: int = 1) -> Image.Image:
    """An upright drawn photo of `name` (a key of SCENES) at `size`."""
    rng = random.Random(f"{name}-{seed}")
    c = Canvas(*size)
    SCENES[name](c, rng)
    return _finish(c.im, rng)


def _dms(value: float) -> tuple[float, float, float]:
    d = int(value)
    m = int((value - d) * 60)
    s = round(((value - d) * 60 - m) * 60, 2)
    return (float(d), float(m), s)


def save_phone_jpeg(upright: Image.Image, path: Path, orientation: int = 1,
                    gps: tuple[float, float] = GPS_BASE, quality: int = 74) -> Path:
    """Store `upright` as a phone would: pixels turned for `orientation`, with GPS EXIF, XMP and a
    comment. A viewer that applies the orientation shows `upright`."""
    stored = {1: upright,
              3: upright.transpose(Image.Transpose.ROTATE_180),
              6: upright.transpose(Image.Transpose.ROTATE_90),   # the viewer turns it 90 deg clockwise
              8: upright.transpose(Image.Transpose.ROTATE_270)}[orientation]
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = orientation
    exif[ExifTags.Base.Make] = "SamplePhone"
    exif[ExifTags.Base.Model] = "SP-12 (drawn sample)"
    exif[ExifTags.Base.DateTime] = "2026:11:14 10:32:05"
    exif[ExifTags.Base.Artist] = "cpsites sample photo"
    exif[ExifTags.IFD.GPSInfo] = {
        ExifTags.GPS.GPSLatitudeRef: "N", ExifTags.GPS.GPSLatitude: _dms(gps[0]),
        ExifTags.GPS.GPSLongitudeRef: "E", ExifTags.GPS.GPSLongitude: _dms(gps[1]),
    }
    xmp = (f'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
           f'<rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="{gps[0]:.5f}N" '
           f'exif:GPSLongitude="{gps[1]:.5f}E"/></rdf:RDF></x:xmpmeta>').encode()
    path.parent.mkdir(parents=True, exist_ok=True)
    stored.save(path, "JPEG", quality=quality, exif=exif.tobytes(), xmp=xmp,
                comment=f"GPS {gps[0]:.5f},{gps[1]:.5f}".encode())
    return path


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--only", nargs="*", default=None, help="names of PHOTOS to make")
    args = ap.parse_args(argv)
    for i, (name, (w, h, orientation, kind)) in enumerate(PHOTOS.items()):
        if args.only and name not in args.only:
            continue
        gps = (GPS_BASE[0] + 0.002 * (i % 5), GPS_BASE[1] + 0.003 * (i % 4))
        path = save_phone_jpeg(scene(kind, (w, h)), args.out / f"{name}.jpg", orientation, gps)
        print(f"{path.relative_to(REPO) if path.is_relative_to(REPO) else path}: {w}x{h}, "
              f"orientation {orientation}, {path.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
