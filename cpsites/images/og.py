"""Open Graph / Twitter card pictures: 1200 x 630, the post's photo cropped, the title set on it.

    og_card(title, photo=None, site_name="", accent="#1f4e8c", focus=None) -> OgImage
        A JPEG in the cache: the photo (or the department's accent colour when the post has none)
        cropped to 1200 x 630 around `focus`, darkened towards the bottom, with the department's
        name and the post's title in white. Titles wrap to at most three lines; long ones get a
        smaller size, then an ellipsis.
    find_font(bold=True) -> Path
        A font installed on this machine that has every Azerbaijani letter (ə Ə İ ı ğ ş ç ö ü)
        and Cyrillic: DejaVu Sans (Debian fonts-dejavu-core, installed by `make`), found at its
        Debian path or through fontconfig. Nothing is ever downloaded.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageColor, ImageDraw, ImageFont

from cpsites.errors import ContentError
from cpsites.images.cache import STATS, ImageCache, cache_for
from cpsites.images.geometry import crop_box
from cpsites.images.pipeline import decode, encode, probe_unchanged

OG_WIDTH, OG_HEIGHT = 1200, 630
OG_VERSION = 1
NEEDED_GLYPHS = "əƏİığĞşŞçÇöÖüÜЖжЩщЁёЫыӘә"
KNOWN_FONTS = {
    True: ["/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
           "/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf",
           "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf"],
    False: ["/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
            "/usr/share/fonts/dejavu/DejaVuSans.ttf",
            "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf"],
}
MARGIN = 64
TITLE_SIZES = (60, 54, 48, 44)
MAX_LINES = 3


@dataclass(frozen=True)
class OgImage:
    path: Path
    width: int = OG_WIDTH
    height: int = OG_HEIGHT
    tag: str = ""


@lru_cache(maxsize=2)
def find_font(bold: bool = True) -> Path:
    """See module docstring. ContentError (naming the missing package) when there is none."""
    candidates = list(KNOWN_FONTS[bold])
    if shutil.which("fc-match"):
        for family in ("DejaVu Sans", "Noto Sans"):
            try:
                out = subprocess.run(["fc-match", "-f", "%{file}", f"{family}:{'bold' if bold else 'regular'}"],
                                     capture_output=True, text=True, timeout=10).stdout.strip()
            except (OSError, subprocess.SubprocessError):
                out = ""
            if out:
                candidates.append(out)
    for c in candidates:
        p = Path(c)
        if p.is_file() and _covers(p):
            return p
    raise ContentError.at("fonts", "no installed font has the Azerbaijani letters (ə, İ, ı) and "
                          "Cyrillic needed for Open Graph pictures; install Debian's fonts-dejavu-core "
                          "(`make site` does it: sudo apt-get install fonts-dejavu-core)")


def _covers(path: Path) -> bool:
    try:
        from fontTools.ttLib import TTFont

        cmap = TTFont(str(path), lazy=True).getBestCmap() or {}
    except Exception:
        return False
    return all(ord(ch) in cmap for ch in NEEDED_GLYPHS)


def og_card(title: str, photo: Path | str | None = None, site_name: str = "", accent: str = "#1f4e8c",
            focus: tuple[float, float] | None = None, cache: ImageCache | None = None) -> OgImage:
    """See module docstring."""
    src = probe_unchanged(photo) if photo else None
    if src is not None and src.is_svg:
        src = None  # a drawing makes a poor card background: use the accent colour
    font = find_font(True)
    cache = cache or cache_for(src.path if src else Path.cwd())
    params = {"op": "og", "v": OG_VERSION, "title": title.strip(), "site": site_name.strip(),
              "accent": accent, "focus": list(focus) if focus else None, "font": font.name}
    key = cache.key(src.digest if src else "no-photo", params)
    found = cache.get(key, "jpg")
    if src is not None:
        STATS.record(src.path, processed=found is None)
    if found is None:
        found = cache.put(key, "jpg", encode(_draw(title, src, site_name, accent, focus, font), "JPEG", 84))
    return OgImage(found, tag=key[:10])


def _draw(title: str, src, site_name: str, accent: str, focus, font_path: Path) -> Image.Image:
    try:
        accent_rgb = ImageColor.getrgb(accent)[:3]
    except ValueError:
        accent_rgb = (31, 78, 140)
    if src is not None:
        box = crop_box(src.width, src.height, OG_WIDTH / OG_HEIGHT, focus)
        scale = min(1.0, OG_WIDTH / (box[2] - box[0]))
        im = decode(src, scale=scale)
        f = im.width / src.width
        im = im.convert("RGB").resize((OG_WIDTH, OG_HEIGHT), Image.Resampling.LANCZOS,
                                      box=tuple(v * f for v in box), reducing_gap=3.0)
    else:
        im = _plain_background(accent_rgb)
    # darken towards the bottom so white text stays readable on any photo
    shade = Image.linear_gradient("L").resize((OG_WIDTH, OG_HEIGHT))
    shade = shade.point(lambda v: 0 if v < 70 else min(215, int((v - 70) * 1.35)))
    im = Image.composite(Image.new("RGB", im.size, (10, 14, 22)), im, shade)
    draw = ImageDraw.Draw(im)

    size, lines = _fit_title(draw, title.strip(), font_path)
    title_font = ImageFont.truetype(str(font_path), size)
    line_h = round(size * 1.18)
    y = OG_HEIGHT - MARGIN - line_h * len(lines)
    for i, line in enumerate(lines):
        draw.text((MARGIN, y + i * line_h), line, font=title_font, fill=(255, 255, 255))
    if site_name:
        small = ImageFont.truetype(str(font_path), 28)
        sy = y - 58
        draw.rectangle((MARGIN, sy + 2, MARGIN + 8, sy + 34), fill=accent_rgb)
        draw.text((MARGIN + 22, sy), _ellipsize(draw, site_name, small, OG_WIDTH - 2 * MARGIN - 22),
                  font=small, fill=(240, 244, 248))
    draw.rectangle((0, OG_HEIGHT - 10, OG_WIDTH, OG_HEIGHT), fill=accent_rgb)
    return im


def _plain_background(rgb: tuple[int, int, int]) -> Image.Image:
    im = Image.new("RGB", (OG_WIDTH, OG_HEIGHT), rgb)
    draw = ImageDraw.Draw(im)
    light = tuple(min(255, c + 22) for c in rgb)
    for x in range(-OG_HEIGHT, OG_WIDTH, 48):  # quiet diagonal stripes
        draw.line((x, OG_HEIGHT, x + OG_HEIGHT, 0), fill=light, width=14)
    return im


def _wrap(draw: ImageDraw.ImageDraw, text: str, font, width: int) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split():
        trial = f"{current} {word}".strip()
        if draw.textlength(trial, font=font) <= width or not current:
            current = trial
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    return lines


def _fit_title(draw, title: str, font_path: Path) -> tuple[int, list[str]]:
    width = OG_WIDTH - 2 * MARGIN
    for size in TITLE_SIZES:
        font = ImageFont.truetype(str(font_path), size)
        lines = _wrap(draw, title, font, width)
        if len(lines) <= MAX_LINES and all(draw.textlength(ln, font=font) <= width for ln in lines):
            return size, lines
    size = TITLE_SIZES[-1]
    font = ImageFont.truetype(str(font_path), size)
    lines = _wrap(draw, title, font, width)[:MAX_LINES]
    lines[-1] = _ellipsize(draw, lines[-1] + " …", font, width, force=True)
    return size, [_ellipsize(draw, ln, font, width) for ln in lines]


def _ellipsize(draw, text: str, font, width: int, force: bool = False) -> str:
    if draw.textlength(text, font=font) <= width and not force:
        return text
    text = text.removesuffix(" …")
    while text and draw.textlength(text + "…", font=font) > width:
        text = text[:-1]
    return text.rstrip(" ,.;:") + "…"
