"""cpsites.images.pipeline: orientation, colour modes, metadata stripping and the guards."""

from __future__ import annotations

import io
import struct
import zlib

import pytest
from imagetools import is_blue, is_red, marked
from PIL import Image, ImageCms, PngImagePlugin

from cpsites.errors import ContentError
from cpsites.images.pipeline import MAX_PIXELS, decode, encode, probe


@pytest.mark.parametrize("orientation", [1, 3, 6, 8])
def test_exif_orientation_is_applied(tmp_path, photos, orientation):
    path = photos.save_phone_jpeg(marked((600, 800)), tmp_path / "p.jpg", orientation)
    src = probe(path)
    assert (src.width, src.height) == (600, 800)
    im = decode(src)
    assert im.size == (600, 800)
    assert is_red(im.getpixel((300, 20))) and is_blue(im.getpixel((300, 780)))


def test_decoded_picture_carries_no_metadata_and_outputs_only_srgb(tmp_path, photos):
    path = photos.save_phone_jpeg(photos.scene("building", (800, 600)), tmp_path / "p.jpg", 6)
    with Image.open(path) as original:  # the test photo really carries what must go
        assert original.getexif().get_ifd(0x8825) and "xmp" in original.info and "comment" in original.info
    im = decode(probe(path))
    assert im.info == {}
    for fmt in ("JPEG", "WEBP", "PNG"):
        data = encode(im.copy(), fmt)
        with Image.open(io.BytesIO(data)) as out:
            assert not out.getexif()
            assert not {"exif", "xmp", "comment"} & set(out.info)
            profile = ImageCms.ImageCmsProfile(io.BytesIO(out.info["icc_profile"]))
            assert "srgb" in ImageCms.getProfileDescription(profile).lower()
        assert b"Exif\x00\x00" not in data and b"xmpmeta" not in data and b"GPS 40." not in data


def test_png_text_chunks_and_exif_are_dropped(tmp_path):
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", "taken at home, GPS 40.77 47.05")
    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (40.0, 46.0, 0.0)}
    Image.new("RGB", (50, 40), "green").save(tmp_path / "a.png", pnginfo=info, exif=exif.tobytes())
    data = encode(decode(probe(tmp_path / "a.png")), "PNG")
    with Image.open(io.BytesIO(data)) as out:
        assert not out.getexif() and "Comment" not in out.info
    assert b"GPS 40." not in data


def test_cmyk_becomes_rgb_with_the_right_colour(tmp_path):
    Image.new("CMYK", (40, 30), (0, 255, 255, 0)).save(tmp_path / "red.jpg", quality=95)  # full magenta + yellow
    im = decode(probe(tmp_path / "red.jpg"))
    assert im.mode == "RGB" and is_red(im.getpixel((20, 15)))


def test_palette_with_transparency_keeps_alpha(tmp_path):
    p = Image.new("P", (20, 20), 0)
    p.putpalette([255, 255, 255, 200, 0, 0] + [0] * 762)
    p.paste(1, (5, 5, 15, 15))
    p.save(tmp_path / "p.png", transparency=0)
    src = probe(tmp_path / "p.png")
    im = decode(src)
    assert src.has_alpha and im.mode == "RGBA"
    assert im.getpixel((0, 0))[3] == 0 and im.getpixel((10, 10))[:3] == (200, 0, 0)


def test_palette_without_transparency_becomes_rgb(tmp_path):
    Image.new("RGB", (20, 20), (10, 120, 200)).convert("P").save(tmp_path / "p.gif")
    im = decode(probe(tmp_path / "p.gif"))
    assert im.mode == "RGB"


def test_16_bit_gray_is_scaled_not_clipped(tmp_path):
    Image.new("I;16", (20, 20), 32768).save(tmp_path / "g16.png")  # half grey in 16 bits
    im = decode(probe(tmp_path / "g16.png"))
    assert im.mode == "RGB" and 120 <= im.getpixel((5, 5))[0] <= 135


def test_unchanged_file_is_not_decoded_twice_and_changed_file_is_checked_again(tmp_path, photos):
    path = photos.save_phone_jpeg(marked((300, 200)), tmp_path / "p.jpg", 1)
    src = probe(path)
    path.write_bytes(path.read_bytes()[:200])  # replaced by a broken file after probing
    with pytest.raises(ContentError, match="damaged or incomplete"):
        decode(src)


# -- guards -------------------------------------------------------------------------------------
def _png_header_only(width: int, height: int) -> bytes:
    """A tiny PNG that claims a huge size: a decompression bomb as attackers make them."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b"")


def bad(path, message_part: str):
    with pytest.raises(ContentError) as exc:
        probe(path) if message_part != "decode" else decode(probe(path))
    text = str(exc.value)
    assert path.name in text, text
    return text


def test_decompression_bomb_is_refused_before_decoding(tmp_path):
    (tmp_path / "bomb.png").write_bytes(_png_header_only(50_000, 50_000))
    text = bad(tmp_path / "bomb.png", "bomb")
    assert "50000 x 50000" in text and f"{MAX_PIXELS // 1_000_000} megapixels" in text


def test_just_above_the_limit_is_refused_too(tmp_path):
    (tmp_path / "big.png").write_bytes(_png_header_only(11_000, 11_000))  # 121 MP: Pillow only warns
    assert "megapixels" in bad(tmp_path / "big.png", "bomb")


def test_truncated_jpeg_is_an_error(tmp_path, photos):
    path = photos.save_phone_jpeg(photos.scene("books", (1200, 800)), tmp_path / "cut.jpg", 1)
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    with pytest.raises(ContentError) as exc:
        decode(probe(path))
    assert "cut.jpg" in str(exc.value) and "damaged or incomplete" in str(exc.value)


def test_corrupt_jpeg_header_is_an_error(tmp_path, photos):
    path = photos.save_phone_jpeg(photos.scene("books", (1200, 800)), tmp_path / "broken.jpg", 1)
    data = bytearray(path.read_bytes())
    data[2:400] = bytes((i * 37 + 11) % 256 for i in range(398))  # a damaged header, as a bad copy leaves it
    path.write_bytes(bytes(data))
    with pytest.raises(ContentError, match="broken.jpg.*damaged"):
        decode(probe(path))


@pytest.mark.parametrize("name, content, words", [
    ("page.jpg", b"<!DOCTYPE html><html><body>Not found</body></html>", "text or HTML"),
    ("iphone.jpg", b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\0" * 100, "HEIC"),
    ("layers.png", b"8BPS\x00\x01" + b"\0" * 100, "Photoshop"),
    ("doc.jpg", b"%PDF-1.7\n" + b"\0" * 100, "PDF"),
    ("vector.jpg", b"%!PS-Adobe-3.0 EPSF-3.0\n" + b"\0" * 100, "EPS"),
    ("empty.jpg", b"", "empty"),
    ("noise.jpg", bytes(range(256)) * 4, "not a picture cpsites can read"),
])
def test_unsupported_or_disguised_files_are_named(tmp_path, name, content, words):
    (tmp_path / name).write_bytes(content)
    assert words in bad(tmp_path / name, words)


def test_known_but_unpublished_format_is_named(tmp_path):
    Image.new("RGB", (10, 10)).save(tmp_path / "icon.ico")
    (tmp_path / "icon.png").write_bytes((tmp_path / "icon.ico").read_bytes())
    assert "ICO picture" in bad(tmp_path / "icon.png", "ICO")


SVG_OK = b"""<?xml version="1.0"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape"
     viewBox="0 0 400 300" inkscape:export-filename="/home/officer/Desktop/x.png">
  <!-- drawn at home -->
  <metadata><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">author</rdf:RDF></metadata>
  <rect width="400" height="300" fill="#1f4e8c"/>
</svg>"""


def test_clean_svg_passes_and_loses_its_metadata(tmp_path):
    from cpsites.images.svg import clean_svg

    (tmp_path / "map.svg").write_bytes(SVG_OK)
    src = probe(tmp_path / "map.svg")
    assert src.is_svg and (src.width, src.height) == (400, 300)
    cleaned = clean_svg(SVG_OK)
    assert b"metadata" not in cleaned and b"/home/officer" not in cleaned and b"drawn at home" not in cleaned
    assert b"<rect" in cleaned


@pytest.mark.parametrize("body, words", [
    (b'<script>alert(1)</script>', "script"),
    (b'<rect width="1" height="1" onload="alert(1)"/>', "onload"),
    (b'<a href="javascript:alert(1)"><rect width="1" height="1"/></a>', "javascript"),
    (b'<foreignObject><p xmlns="http://www.w3.org/1999/xhtml">x</p></foreignObject>', "foreignobject"),
    (b'<image href="https://tracker.example/pixel.png" width="1" height="1"/>', "from elsewhere"),
    (b'<style>@import url(https://cdn.example/x.css);</style>', "elsewhere"),
])
def test_svg_with_active_content_is_refused(tmp_path, body, words):
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">' + body + b"</svg>"
    (tmp_path / "logo.svg").write_bytes(svg)
    assert words in bad(tmp_path / "logo.svg", words).lower()


def test_svg_entities_are_refused(tmp_path):
    svg = b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaa">]><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1">&a;</svg>'
    (tmp_path / "lol.svg").write_bytes(svg)
    assert "ENTITY" in bad(tmp_path / "lol.svg", "ENTITY")


def test_svg_without_size_is_refused_with_the_fix(tmp_path):
    (tmp_path / "nosize.svg").write_bytes(b'<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>')
    assert "viewBox" in bad(tmp_path / "nosize.svg", "viewBox")


def test_the_check_decodes_a_good_picture_once_and_a_damaged_one_every_time(tmp_path, photos, monkeypatch):
    from cpsites import check
    from cpsites.images import pipeline

    monkeypatch.setenv("CPSITES_IMAGE_CACHE", str(tmp_path / "cache"))
    decoded = []
    real_decode = pipeline.decode
    monkeypatch.setattr(pipeline, "decode", lambda source, **kw: decoded.append(source.path.name) or real_decode(source, **kw))
    good = photos.save_phone_jpeg(photos.scene("books", (600, 400)), tmp_path / "good.jpg", 1)
    cut = photos.save_phone_jpeg(photos.scene("books", (600, 400)), tmp_path / "cut.jpg", 6)
    cut.write_bytes(cut.read_bytes()[: cut.stat().st_size // 2])
    for _ in range(2):
        assert check.picture_problems(good) == []
        assert "damaged or incomplete" in str(check.picture_problems(cut)[0])
    assert decoded == ["good.jpg", "cut.jpg", "cut.jpg"]
    # the same name with other bytes is a new picture: opened again, and its damage found
    good.write_bytes(good.read_bytes()[:300])
    assert "damaged or incomplete" in str(check.picture_problems(good)[0])


def test_processes_making_the_same_picture_make_it_once(tmp_path, photos, cache):
    # a department's languages are built in processes side by side: a new photo in a post is
    # asked for by all three at once; one makes it, the others wait and take it from the cache
    import multiprocessing as mp

    from cpsites.images import reset_stats, stats
    from cpsites.images.web import responsive

    src = tmp_path / "open-day.jpg"
    photos.save_phone_jpeg(photos.scene("building", (1600, 1200)), src, 1)
    ctx = mp.get_context("fork")
    start, results = ctx.Barrier(3), ctx.Queue()

    def make() -> None:
        reset_stats()
        start.wait()
        responsive(src, cache=cache)
        results.put(stats())

    workers = [ctx.Process(target=make) for _ in range(3)]
    for w in workers:
        w.start()
    counts = sorted(results.get(timeout=60) for _ in workers)
    for w in workers:
        w.join()
    assert counts == [(0, 1), (0, 1), (1, 0)]  # (processed, from the cache) in each process
    assert not list(cache.root.rglob("*.lock"))
