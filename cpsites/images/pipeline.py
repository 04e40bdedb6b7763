"""Open, check, orient and clean one image: the first stage every published picture passes.

Stable functions (both roads and every content type call these, nothing else opens images):

    probe(path) -> Source
        Reads the file, hashes its bytes and reads the header only: format, upright size (EXIF
        orientation applied), guards against decompression bombs, unsupported formats (HEIC,
        PSD, PDF, EPS, ...), files that are not images, and SVG drawings with scripts.
    decode(source, scale=1.0) -> PIL.Image.Image
        The full picture, upright (EXIF orientation applied), in sRGB ("RGB", or "RGBA" when it
        has transparency), with `info` emptied so no metadata can travel on. Truncated or
        corrupt files raise here. `scale` < 1 lets JPEG decode at 1/2, 1/4 or 1/8 size (much
        faster when only small versions are needed).
    encode(image, fmt, quality) -> bytes
        JPEG, PNG or WebP bytes carrying only an sRGB ICC profile: no EXIF, GPS, XMP, IPTC or
        comments (grayscale files carry no profile at all).

Every problem is a cpsites.errors.ContentError naming the file, in words a press officer can act
on, so `cpsites build` stops with exit status 2 and no traceback.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import struct
import warnings
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

from cpsites.errors import ContentError
from cpsites.images.pillow_flags import MAX_PIXELS, install_defaults, pillow_settings

# Decompression-bomb guard and cut-short files refused: Pillow's process-wide switches are set
# only through cpsites/images/pillow_flags.py (one lock for both).
install_defaults()
Image.init()  # register every plugin now: open(formats=...) looks them up by name

# What Pillow may open. Not EPS/PDF (they run Ghostscript), not exotic formats nobody uploads.
# (The JPEG opener also reads MPO, the JPEG-plus-preview many phones write; im.format says "MPO".)
RASTER_FORMATS = ("JPEG", "PNG", "WEBP", "GIF", "TIFF", "BMP")
# File endings treated as pictures in docs/: each is published processed or refused, never raw.
IMAGE_SUFFIXES = {".jpg", ".jpeg", ".jpe", ".png", ".webp", ".gif", ".tif", ".tiff", ".bmp",
                  ".svg", ".heic", ".heif", ".avif", ".psd", ".jp2", ".jxl", ".ico", ".raw",
                  ".dng", ".cr2", ".nef", ".arw"}

FIX_FORMAT = "save it as JPEG (photos) or PNG (drawings, screenshots) and add it again"

ORIENTATION_TAG = 0x0112
SWAPS_SIDES = {5, 6, 7, 8}  # orientations that turn the picture by 90 degrees


@dataclass(frozen=True)
class Source:
    """A checked image file: what is known without decoding its pixels."""

    path: Path
    digest: str          # sha256 of the file's bytes: the cache key starts here
    format: str          # "JPEG", "PNG", ..., or "SVG"
    width: int           # upright size, EXIF orientation applied
    height: int
    orientation: int = 1
    has_alpha: bool = False

    @property
    def is_svg(self) -> bool:
        return self.format == "SVG"


def is_image_path(path: str | Path) -> bool:
    """True for files the pipeline must handle (by ending, case-insensitive)."""
    return Path(str(path)).suffix.lower() in IMAGE_SUFFIXES


_PROBED: dict[tuple, "Source"] = {}


def probe_unchanged(path: Path | str) -> Source:
    """probe(), remembered while the file keeps its inode, size and change time: the Open Graph
    card of a post asks for the same photo in every language pass. decode() still checks the
    bytes against the digest."""
    try:
        st = os.stat(path)
    except OSError:
        return probe(path)  # its message names the problem
    key = (os.fspath(path), st.st_ino, st.st_size, st.st_mtime_ns)
    if key not in _PROBED:
        _PROBED[key] = probe(path)
    return _PROBED[key]


def probe(path: Path | str) -> Source:
    """Check the file and read its header (see module docstring)."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ContentError.at(path, "the picture does not exist; check the file name and folder") from None
    except OSError as exc:
        raise ContentError.at(path, f"the picture cannot be read ({exc.strerror or exc})") from None
    digest = hashlib.sha256(data).hexdigest()
    if not data:
        raise ContentError.at(path, "the picture file is empty; copy the photo again")
    kind = _sniff(data)
    if kind == "SVG" or (kind is None and path.suffix.lower() == ".svg"):
        from cpsites.images.svg import check_svg

        width, height = check_svg(path, data)
        return Source(path, digest, "SVG", width, height)
    if kind in _UNSUPPORTED:
        raise ContentError.at(path, _UNSUPPORTED[kind])
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data), formats=RASTER_FORMATS) as im:
                width, height = im.size
                _check_pixels(path, width, height)
                orientation = _orientation(im)
                has_alpha = _has_alpha(im)
                fmt = im.format or "?"
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ContentError.at(path, _bomb_message(path, data)) from None
    except UnidentifiedImageError:
        raise ContentError.at(path, _unknown_message(path, data)) from None
    except (OSError, SyntaxError, ValueError, struct.error) as exc:
        raise ContentError.at(path, _damaged_message(exc)) from None
    if orientation in SWAPS_SIDES:
        width, height = height, width
    return Source(path, digest, fmt, width, height, orientation, has_alpha)


def decode(source: Source, scale: float = 1.0) -> Image.Image:
    """The picture upright, in sRGB, without metadata (see module docstring)."""
    if source.is_svg:
        raise ValueError("SVG drawings are published as they are; decode() is for raster images")
    data = source.path.read_bytes()
    if hashlib.sha256(data).hexdigest() != source.digest:
        source = probe(source.path)  # changed since probed: check it again
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            im = Image.open(io.BytesIO(data), formats=RASTER_FORMATS)
            if scale < 1 and im.format in ("JPEG", "MPO"):
                # JPEG can decode at 1/2, 1/4, 1/8 directly: ask for at least what is needed
                stored = im.size
                im.draft(None, (max(1, int(stored[0] * scale) + 1), max(1, int(stored[1] * scale) + 1)))
            with _whole_files_only():
                im.load()
            icc = im.info.get("icc_profile")
            im = ImageOps.exif_transpose(im) or im
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ContentError.at(source.path, _bomb_message(source.path, data)) from None
    except UnidentifiedImageError:
        raise ContentError.at(source.path, _unknown_message(source.path, data)) from None
    except (OSError, SyntaxError, ValueError, struct.error) as exc:
        raise ContentError.at(source.path, _damaged_message(exc)) from None
    im = to_srgb(im, icc, source.path)
    im.info = {}
    return im


def _whole_files_only():
    """A cut-short file is an error, not a photo with a grey bottom. WeasyPrint sets Pillow's
    LOAD_TRUNCATED_IMAGES when it is imported (so the print road would accept them): undo that
    while we decode (under pillow_flags' lock: other threads wait)."""
    return pillow_settings(load_truncated=False)


def to_srgb(im: Image.Image, icc: bytes | None = None, path: Path | None = None) -> Image.Image:
    """Convert any mode Pillow decodes (CMYK, palette, 16-bit, gray, with or without an embedded
    ICC profile) to 8-bit sRGB: "RGB", or "RGBA" when the picture has transparency."""
    mode = im.mode
    if mode in ("I;16", "I;16B", "I;16L", "I;16N", "I"):
        # 16-bit gray: scale 0..65535 down to 0..255 (a plain convert("L") would clip to white)
        im = im.convert("I").point(lambda v: v * (1 / 256)).convert("L")
        mode = "L"
        icc = None  # the profile described 16-bit data
    elif mode == "F":
        im = im.convert("L")
        mode = "L"
    elif mode in ("1",):
        im = im.convert("L")
        mode = "L"
    if mode in ("P", "PA"):
        im = im.convert("RGBA" if _has_alpha(im) else "RGB")
        mode = im.mode
    if mode == "LA":
        im = im.convert("RGBA")
        mode = "RGBA"
    if mode == "RGBA" and im.getextrema()[3][0] == 255:
        im = im.convert("RGB")  # an alpha channel that is fully opaque everywhere
        mode = "RGB"
    if mode not in ("RGB", "RGBA", "L", "CMYK", "YCbCr", "LAB", "HSV"):
        im = im.convert("RGB")
        mode = "RGB"

    profile = _profile(icc)
    if mode == "CMYK":
        src = profile if profile is not None and _profile_space(profile) == "CMYK" else _default_cmyk()
        if src is not None:
            try:
                return ImageCms.profileToProfile(im, src, _srgb(), outputMode="RGB")
            except ImageCms.PyCMSError:
                pass
        return im.convert("RGB")
    if mode in ("YCbCr", "LAB", "HSV"):
        return im.convert("RGB")
    if mode == "L":
        return im.convert("RGB")
    if profile is not None and _profile_space(profile) == "RGB" and not _is_srgb(profile):
        # Display P3 (iPhones), Adobe RGB (cameras), ...: convert the colours, do not just relabel
        try:
            if mode == "RGBA":
                return ImageCms.profileToProfile(im, profile, _srgb(), outputMode="RGBA")
            return ImageCms.profileToProfile(im, profile, _srgb(), outputMode="RGB")
        except ImageCms.PyCMSError:
            return im
    return im


def encode(im: Image.Image, fmt: str, quality: int = 82, dpi: int | None = None, compact: bool = True) -> bytes:
    """Bytes of `im` as JPEG / PNG / WEBP with an sRGB profile and nothing else.

    compact=False skips the optimised, progressive JPEG coding (7x faster, ~10% larger): for print
    files, which nobody downloads over a phone network."""
    fmt = fmt.upper()
    im.info = {}  # resize()/crop() copy info from their source: never let it reach a file
    buf = io.BytesIO()
    icc = srgb_profile_bytes() if im.mode in ("RGB", "RGBA") else None
    extra: dict = {}
    if icc:
        extra["icc_profile"] = icc
    if dpi:
        extra["dpi"] = (dpi, dpi)
    if fmt == "JPEG":
        if im.mode not in ("RGB", "L", "CMYK"):  # CMYK: photos separated for the press
            im = flatten(im)
        im.save(buf, "JPEG", quality=quality, optimize=compact, progressive=compact, **extra)
    elif fmt == "WEBP":
        im.save(buf, "WEBP", quality=quality, method=4, **extra)
    elif fmt == "PNG":
        im.save(buf, "PNG", optimize=False, compress_level=7, **extra)
    else:
        raise ValueError(f"unknown output format {fmt}")
    return buf.getvalue()


def flatten(im: Image.Image, background: tuple[int, int, int] = (255, 255, 255)) -> Image.Image:
    """An RGBA picture on a white background (JPEG has no transparency)."""
    if im.mode != "RGBA":
        return im.convert("RGB")
    base = Image.new("RGB", im.size, background)
    base.paste(im, mask=im.getchannel("A"))
    return base


# -- colour profiles --------------------------------------------------------------------------
# LittleCMS stamps a profile it makes with the time it was made (ICC header bytes 24-35): every
# build would embed a different sRGB profile in every picture. A fixed date keeps builds
# reproducible; the profile ID (bytes 84-99) stays zero, "not computed", which the ICC allows.
_PROFILE_DATE = struct.pack(">6H", 2026, 1, 1, 0, 0, 0)


@lru_cache(maxsize=1)
def srgb_profile_bytes() -> bytes:
    raw = bytearray(ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes())
    raw[24:36] = _PROFILE_DATE
    return bytes(raw)


@lru_cache(maxsize=1)
def _srgb() -> ImageCms.ImageCmsProfile:
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))


@lru_cache(maxsize=1)
def _default_cmyk() -> ImageCms.ImageCmsProfile | None:
    # CMYK photos without a profile: Ghostscript's generic press profile (Debian libgs-common)
    # gives far truer colours than the naive formula; without it we fall back to the formula.
    for candidate in ("/usr/share/color/icc/ghostscript/default_cmyk.icc",
                      "/usr/share/color/icc/ghostscript/ps_cmyk.icc"):
        try:
            return ImageCms.ImageCmsProfile(candidate)
        except (OSError, ImageCms.PyCMSError):
            continue
    return None


def _profile(icc: bytes | None) -> ImageCms.ImageCmsProfile | None:
    if not icc:
        return None
    try:
        return ImageCms.ImageCmsProfile(io.BytesIO(icc))
    except (OSError, ImageCms.PyCMSError):
        return None  # a broken embedded profile: treat the colours as sRGB


def _profile_space(profile: ImageCms.ImageCmsProfile) -> str:
    return (profile.profile.xcolor_space or "").strip()


def _is_srgb(profile: ImageCms.ImageCmsProfile) -> bool:
    desc = (ImageCms.getProfileDescription(profile) or "").lower()
    return "srgb" in desc or "iec61966" in desc.replace(" ", "").replace("-", "")


# -- header checks ----------------------------------------------------------------------------
def _orientation(im: Image.Image) -> int:
    try:
        value = int(im.getexif().get(ORIENTATION_TAG, 1))
    except Exception:  # a broken EXIF block must not stop a good photo: treat as upright
        return 1
    return value if 1 <= value <= 8 else 1


def _has_alpha(im: Image.Image) -> bool:
    return im.mode in ("RGBA", "LA", "PA") or "transparency" in im.info


def _check_pixels(path: Path, width: int, height: int) -> None:
    if width * height > MAX_PIXELS:
        raise Image.DecompressionBombError(f"{width}x{height}")


def _sniff(data: bytes) -> str | None:
    head = data[:64]
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        if brand in (b"heic", b"heix", b"hevc", b"hevx", b"mif1", b"msf1", b"heim", b"heis"):
            return "HEIC"
        if brand in (b"avif", b"avis"):
            return "AVIF"
        return "VIDEO"
    if head.startswith(b"8BPS"):
        return "PSD"
    if head.startswith(b"%PDF"):
        return "PDF"
    if head.startswith(b"%!PS") or head.startswith(b"\xc5\xd0\xd3\xc6"):
        return "EPS"
    if head.startswith(b"\x00\x00\x00\x0cjP  ") or head.startswith(b"\xff\x4f\xff\x51"):
        return "JPEG2000"
    if head.startswith(b"\xff\x0a") or head.startswith(b"\x00\x00\x00\x0cJXL "):
        return "JXL"
    text = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text.startswith(b"<svg") or (text.startswith(b"<?xml") and b"<svg" in data[:4096].lower()):
        return "SVG"
    if text.startswith(b"<!doctype svg"):
        return "SVG"
    if text.startswith((b"<!doctype html", b"<html", b"<?xml", b"<")):
        return "HTML"
    return None


_UNSUPPORTED = {
    "HEIC": "this is a HEIC photo (the iPhone's own format), which web browsers and cpsites cannot "
            "show; export it as JPEG (on the iPhone: Settings > Camera > Formats > Most Compatible) "
            "and add it again",
    "AVIF": f"this is an AVIF picture, which cpsites does not accept yet; {FIX_FORMAT}",
    "VIDEO": "this is a video, not a picture; publish videos with the video syntax of the handbook, "
             "and pictures as JPEG or PNG",
    "PSD": f"this is a Photoshop file (.psd), not a picture for the web; {FIX_FORMAT}",
    "PDF": f"this is a PDF document, not a picture; link it as a document or {FIX_FORMAT}",
    "EPS": f"this is an EPS/PostScript file, which cpsites does not open; {FIX_FORMAT}",
    "JPEG2000": f"this is a JPEG 2000 picture, which cpsites does not accept; {FIX_FORMAT}",
    "JXL": f"this is a JPEG XL picture, which cpsites does not accept yet; {FIX_FORMAT}",
    "HTML": "this file holds text or HTML, not a picture (perhaps a web page saved under a picture "
            "name); download the picture itself and add it again",
}


def _unknown_message(path: Path, data: bytes) -> str:
    if data.startswith((b"\xff\xd8", b"\x89PNG\r\n\x1a\n", b"GIF8")) or data[8:12] == b"WEBP":
        # it starts like a picture, yet no decoder accepts it: damaged, not foreign
        return _damaged_message(ValueError("the file's header cannot be read"))
    try:
        with Image.open(io.BytesIO(data)) as im:  # any format Pillow knows, to name it
            return (f"this is a {im.format} picture, which cpsites does not publish; {FIX_FORMAT}")
    except Exception:
        pass
    return (f"this file is not a picture cpsites can read (not JPEG, PNG, WebP, GIF, TIFF or BMP); "
            f"{FIX_FORMAT}")


def _bomb_message(path: Path, data: bytes) -> str:
    size = _header_size(data)
    what = f"{size[0]} x {size[1]} pixels ({size[0] * size[1] / 1e6:.0f} megapixels)" if size else "too large"
    return (f"the picture is {what}; cpsites accepts at most {MAX_PIXELS // 1_000_000} megapixels "
            "(this protects the build from 'decompression bomb' files that would fill the memory). "
            "Save the photo smaller (4000 pixels wide is plenty) and add it again")


def _header_size(data: bytes) -> tuple[int, int] | None:
    try:  # no limit only to read the size for the message (nothing is decoded), under the lock
        with pillow_settings(max_pixels=None), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with Image.open(io.BytesIO(data)) as im:
                return im.size
    except Exception:
        return None


def _damaged_message(exc: BaseException) -> str:
    detail = str(exc).strip() or type(exc).__name__
    detail = re.sub(r"\s+", " ", detail)[:120]
    return (f"the picture file is damaged or incomplete ({detail}); copy the original photo from "
            "the camera or phone again, or open it in an image editor and save it as a new JPEG")
