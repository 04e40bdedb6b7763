"""Web, print and Open Graph versions: sizes, crops around a focus point, the cache."""

from __future__ import annotations

import io

import pytest
from imagetools import is_blue, is_red, marked
from PIL import Image, ImageDraw

from cpsites.errors import ContentError
from cpsites.images import stats
from cpsites.images import og, web
from cpsites.images import print as for_print_module
from cpsites.images.geometry import crop_box


def test_responsive_widths_webp_and_jpeg_never_upscaled(tmp_path, photos, cache):
    big = photos.save_phone_jpeg(photos.scene("football", (2400, 1350)), tmp_path / "big.jpg", 1)
    small = photos.save_phone_jpeg(photos.scene("football", (1100, 619)), tmp_path / "small.jpg", 1)
    r = web.responsive(big, cache=cache)
    assert [(v.width, v.height) for v in r.variants] == [(480, 270), (960, 540), (1600, 900)]
    for name, path in r.outputs():
        with Image.open(path) as im:
            assert im.format == ("WEBP" if name.endswith(".webp") else "JPEG")
            assert im.width == int(name.rsplit("-", 1)[1].split(".")[0])
    assert [v.width for v in web.responsive(small, cache=cache).variants] == [480, 960, 1100]


def test_second_request_comes_from_the_cache(tmp_path, photos, cache):
    path = photos.save_phone_jpeg(photos.scene("studio", (1600, 900)), tmp_path / "s.jpg", 1)
    first = web.responsive(path, cache=cache)
    assert stats() == (1, 0)
    mtimes = {p: p.stat().st_mtime_ns for _, p in first.outputs()}
    from cpsites.images import reset_stats

    reset_stats()
    second = web.responsive(path, cache=cache)
    assert stats() == (0, 1)
    assert second.outputs() == first.outputs()
    assert all(p.stat().st_mtime_ns == t for p, t in mtimes.items())
    # a changed photo gets new files
    photos.save_phone_jpeg(photos.scene("studio", (1600, 900), seed=2), path, 1)
    third = web.responsive(path, cache=cache)
    assert third.tag != first.tag and stats()[0] == 1


def test_crop_box_places_the_focus_and_stays_inside():
    assert crop_box(4000, 3000, 1.0) == (500.0, 0.0, 3500.0, 3000.0)
    assert crop_box(4000, 3000, 1.0, focus=(0.9, 0.5)) == (1000.0, 0.0, 4000.0, 3000.0)  # pushed back inside
    left, top, right, bottom = crop_box(3000, 4000, 4 / 5, focus=(0.5, 0.3), anchor=(0.5, 0.4))
    assert round((right - left) / (bottom - top), 3) == 0.8
    assert abs((0.3 * 4000 - top) / (bottom - top) - 0.4) < 0.01 or top == 0
    assert crop_box(1000, 1000, None, zoom=2) == (250.0, 250.0, 750.0, 750.0)


def _has_red(im: Image.Image) -> bool:
    small = im.convert("RGB").resize((64, 64))
    return any(is_red(small.getpixel((x, y))) for x in range(64) for y in range(64))


@pytest.mark.parametrize("shape, ratio", [("portrait", 4 / 5), ("square", 1.0)])
def test_portrait_crops_around_the_face(tmp_path, cache, shape, ratio):
    im = Image.new("RGB", (3000, 2000), (90, 140, 90))
    ImageDraw.Draw(im).ellipse((2600, 400, 2800, 600), fill=(220, 20, 20))  # the "face" at (0.9, 0.25)
    im.save(tmp_path / "officer.jpg", quality=92)
    r = web.portrait(tmp_path / "officer.jpg", shape=shape, focus=(0.9, 0.25), cache=cache)
    assert [v.width for v in r.variants] == [320, 640, 960]
    assert all(abs(v.width / v.height - ratio) < 0.01 for v in r.variants)
    with Image.open(r.largest()[1]) as out:
        assert _has_red(out)
    # without a focus the upper middle of the photo is used: the face is cut off
    with Image.open(web.portrait(tmp_path / "officer.jpg", shape=shape, cache=cache).largest()[1]) as out:
        assert not _has_red(out)
    # zoomed in, the face lands in the middle, 40% from the top
    tight = web.portrait(tmp_path / "officer.jpg", shape=shape, focus=(0.9, 0.25), zoom=2.5, cache=cache)
    with Image.open(tight.largest()[1]) as out:
        assert is_red(out.getpixel((out.width // 2, int(out.height * 0.4))))


def test_card_thumbnail_is_16_9(tmp_path, photos, cache):
    path = photos.save_phone_jpeg(marked((1500, 2000)), tmp_path / "tall.jpg", 6)
    r = web.card_thumbnail(path, cache=cache)
    assert [(v.width, v.height) for v in r.variants] == [(480, 270), (960, 540)]


def test_transparent_png_gets_png_fallback_and_webp(tmp_path, cache):
    im = Image.new("RGBA", (640, 480), (0, 0, 0, 0))
    im.paste((10, 90, 200, 255), (100, 100, 300, 300))
    im.save(tmp_path / "logo.png")
    r = web.responsive(tmp_path / "logo.png", cache=cache)
    assert r.fallback_type == "image/png"
    with Image.open(r.largest()[1]) as out:
        assert out.mode == "RGBA" and out.getpixel((0, 0))[3] == 0


def test_picture_markup(tmp_path, photos, cache):
    path = photos.save_phone_jpeg(photos.scene("building", (2000, 1500)), tmp_path / "b.jpg", 1)
    r = web.responsive(path, cache=cache)
    html = web.picture_html(r, 'The "new" building', lambda n: "img/" + n)
    assert html.startswith('<picture><source type="image/webp" srcset="img/b-480.')
    assert 'width="1600" height="1200"' in html and 'alt="The &quot;new&quot; building"' in html
    assert 'loading="lazy"' in html and 'decoding="async"' in html and "sizes=" in html
    with pytest.raises(ContentError, match="b.jpg.*alternative text"):
        web.picture_html(r, "  ", lambda n: n)
    assert 'alt=""' in web.picture_html(r, "", lambda n: n, decorative=True)


def test_portrait_photo_sizes_follow_the_capped_height(tmp_path, photos, cache):
    tall = web.responsive(photos.save_phone_jpeg(marked((1500, 2000)), tmp_path / "t.jpg", 1), cache=cache)
    assert web.content_sizes(tall) == "(min-width: 572px) 540px, calc(100vw - 32px)"
    wide = web.responsive(photos.save_phone_jpeg(marked((2000, 1000)), tmp_path / "w.jpg", 1), cache=cache)
    assert web.content_sizes(wide) == web.SIZES_CONTENT


def test_print_version_at_300_dpi(tmp_path, photos, cache):
    path = photos.save_phone_jpeg(marked((3000, 4000)), tmp_path / "p.jpg", 6)
    p = for_print_module.for_print(path, 80, cache=cache)
    assert (p.width_px, p.height_px) == (945, 1260) and p.effective_dpi >= 300
    with Image.open(p.path) as im:
        assert im.size == (945, 1260) and im.info["dpi"][0] == pytest.approx(300, abs=1)
        assert not im.getexif() and "xmp" not in im.info
        assert is_red(im.getpixel((470, 10))) and is_blue(im.getpixel((470, 1250)))
    cropped = for_print_module.for_print(path, 120, 60, grayscale=True, cache=cache)
    assert (cropped.width_px, cropped.height_px) == (1418, 709)
    with Image.open(cropped.path) as im:
        assert im.mode == "L"


def test_print_never_upscales_and_says_so(tmp_path, photos, cache):
    path = photos.save_phone_jpeg(marked((600, 400)), tmp_path / "small.jpg", 1)
    p = for_print_module.for_print(path, 200, cache=cache)
    assert p.width_px == 600 and p.effective_dpi == pytest.approx(76.2, abs=0.1) and not p.sharp_enough


def test_open_graph_card(tmp_path, photos, cache):
    path = photos.save_phone_jpeg(photos.scene("building", (1600, 2000)), tmp_path / "b.jpg", 8)
    card = og.og_card("Polisdə Açıq Qapı Günü — День открытых дверей", path, "Mingəçevir Şəhər Polis İdarəsi",
                      "#1f6f43", cache=cache)
    with Image.open(card.path) as im:
        assert im.size == (1200, 630) and im.format == "JPEG" and not im.getexif()
    again = og.og_card("Polisdə Açıq Qapı Günü — День открытых дверей", path, "Mingəçevir Şəhər Polis İdarəsi",
                       "#1f6f43", cache=cache)
    assert again.path == card.path
    plain = og.og_card("Xəbər şəkilsiz", None, "Mingəçevir", "#8a1c1c", cache=cache)
    with Image.open(plain.path) as im:
        assert im.size == (1200, 630)
        assert im.getpixel((600, 625))[:3] == pytest.approx((138, 28, 28), abs=12)  # the accent bar


def test_font_for_cards_has_azerbaijani_and_cyrillic():
    from fontTools.ttLib import TTFont

    cmap = TTFont(str(og.find_font())).getBestCmap()
    assert all(ord(ch) in cmap for ch in "əƏİığşçöüЖжЁё")


def test_encode_outputs_are_valid_images(tmp_path, photos, cache):
    r = web.responsive(photos.save_phone_jpeg(photos.scene("hall", (1000, 667)), tmp_path / "h.jpg", 1), cache=cache)
    for _, path in r.outputs():
        with Image.open(io.BytesIO(path.read_bytes())) as im:
            im.load()
