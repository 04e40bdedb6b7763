"""Photos for the newspaper: verified, oriented, stripped, sized for their placed size.

TEMPORARY: the shared Pillow pipeline (issue 5, cpsites/images) will replace this module; the
print road calls only `prepare_photo`, so swapping it is one import. Until then it does what
WeasyPrint silently does not: a missing, corrupt, truncated, disguised or gigantic image is an
error, never a hole in the page.
"""

from __future__ import annotations

import hashlib
import io
import os
import warnings
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageFile, ImageOps

# A 48-megapixel phone photo is the largest honest input; a decompression bomb claims far more.
MAX_PIXELS = 60_000_000
FORMATS = {"JPEG", "PNG", "WEBP"}


class PhotoError(ValueError):
    """A photo that cannot be printed; the message says why in plain words."""


@dataclass(frozen=True)
class Prepared:
    path: Path
    width: int  # pixels
    height: int


def prepare_photo(src: Path, width_mm: float, height_mm: float | None, dpi: int, grayscale: bool,
                  cache_dir: Path) -> Prepared:
    """A JPEG of `src` cropped to width_mm x height_mm (height None: keep the aspect ratio) at `dpi`.

    Downsampled to the placed size, never upsampled; EXIF orientation applied, then all metadata
    (EXIF, GPS, XMP, comments) left behind. Cached by content hash: an unchanged photo is
    prepared once.
    """
    try:
        raw = Path(src).read_bytes()
    except FileNotFoundError:
        raise PhotoError("the file does not exist") from None
    except IsADirectoryError:
        raise PhotoError("this is a folder, not a photo") from None
    key = hashlib.sha256(raw + repr((round(width_mm, 2), height_mm and round(height_mm, 2), dpi,
                                     grayscale, 2)).encode()).hexdigest()[:24]
    out = Path(cache_dir) / f"{key}.jpg"
    if out.is_file():
        with Image.open(out) as done:
            return Prepared(out, *done.size)
    im = _open_verified(raw)
    im = ImageOps.exif_transpose(im)
    im = im.convert("L" if grayscale else "RGB")
    target_w = round(width_mm / 25.4 * dpi)
    if height_mm:
        # crop to the slot's aspect ratio first, so the photo fills its frame without distortion
        want = width_mm / height_mm
        w, h = im.size
        if w / h > want:
            new_w = round(h * want)
            im = im.crop(((w - new_w) // 2, 0, (w - new_w) // 2 + new_w, h))
        else:
            new_h = round(w / want)
            top = max(0, (h - new_h) // 3)  # a little above centre: faces and heads sit high
            im = im.crop((0, top, w, top + new_h))
    if im.width > target_w:
        im = im.resize((target_w, max(1, round(im.height * target_w / im.width))), Image.Resampling.LANCZOS)
    out.parent.mkdir(parents=True, exist_ok=True)
    # unique per process: editions render in parallel and may prepare the same photo
    tmp = out.with_name(f"{out.stem}.{os.getpid()}.part")
    im.save(tmp, "JPEG", quality=85 if dpi >= 300 else 78, optimize=True, progressive=False)
    tmp.replace(out)
    return Prepared(out, *im.size)


def _open_verified(raw: bytes) -> Image.Image:
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            probe = Image.open(io.BytesIO(raw))
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise PhotoError(f"the photo is far too large (more than {MAX_PIXELS // 1_000_000} megapixels); "
                             "it may be damaged or a trap; save it again at a normal size") from None
        except Exception:
            raise PhotoError("the file is not a photo Pillow can read (JPEG, PNG or WebP); it may be damaged "
                             "or another kind of file renamed to .jpg") from None
    if probe.format not in FORMATS:
        raise PhotoError(f"{probe.format} files are not accepted; save the photo as JPEG or PNG")
    w, h = probe.size
    if w * h > MAX_PIXELS:
        raise PhotoError(f"the photo is far too large ({w} x {h} pixels, more than {MAX_PIXELS // 1_000_000} "
                         "megapixels); it may be damaged or a trap; save it again at a normal size")
    # WeasyPrint sets LOAD_TRUNCATED_IMAGES = True when it is imported: insist on whole files here
    truncated_ok, ImageFile.LOAD_TRUNCATED_IMAGES = ImageFile.LOAD_TRUNCATED_IMAGES, False
    try:
        probe.verify()
        im = Image.open(io.BytesIO(raw))
        im.load()
    except Exception:
        raise PhotoError("the photo is damaged or cut short (truncated); copy it again from the camera or "
                         "phone") from None
    finally:
        ImageFile.LOAD_TRUNCATED_IMAGES = truncated_ok
    return im
