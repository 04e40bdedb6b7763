"""Pictures on a built site: private (no EXIF/GPS anywhere), responsive, cached.

One small department (Mingachevir's identity and home page, plus test posts whose photos carry
GPS, orientation tags, XMP and comments) is built twice with the real `cpsites build` into a
temporary project; the tests read the output like a visitor's browser would.
"""

from __future__ import annotations

import hashlib
import importlib.util
import io
import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from PIL import Image

REPO = Path(__file__).resolve().parents[2]
GPS_MARK = b"GPS 40."  # the JPEG comment make_sample_photos writes: must not survive


def _photos_module():
    spec = importlib.util.spec_from_file_location("make_sample_photos", REPO / "scripts" / "make_sample_photos.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def run_build(project: Path, out: Path, *extra: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(REPO)}
    env.pop("CPSITES_IMAGE_CACHE", None)  # the cache of the temporary project, not a shared one
    return subprocess.run([sys.executable, "-m", "cpsites.cli", "build", "--dept", "mingachevir", "--out", str(out),
                           *extra],
                          cwd=project, capture_output=True, text=True, env=env, timeout=600)


def images_processed(output: str) -> tuple[int, int]:
    m = re.search(r"[Ii]mages:? (\d+) processed,? (?:and )?(\d+) (?:taken )?from the cache", output)
    assert m, f"the build did not report its images:\n{output}"
    return int(m.group(1)), int(m.group(2))


POST = """---
title: "{title}"
date: 2026-01-10
summary: {summary}
tags: [community-policing]
image: images/news/lead-rotated.jpg
image_alt: "{lead_alt}"
---

{text}

![{body_alt}](../images/news/body-landscape.jpg)

![{logo_alt}](../images/news/small-logo.png)

[{link}](../images/news/body-landscape.jpg)
"""

TEXTS = {
    "az": dict(title="Sınaq xəbəri: şəkillər", summary="Şəkillərin emalı yoxlanılır.", lead_alt="Dik çəkilmiş foto",
               text="Bu xəbər yalnız sınaq üçündür.", body_alt="Küçədə patrul maşını", logo_alt="Kiçik nişan",
               link="Şəklin böyük ölçüsü"),
    "ru": dict(title="Тестовая новость: фотографии", summary="Проверка обработки фотографий.",
               lead_alt="Вертикальная фотография", text="Эта новость только для теста.",
               body_alt="Патрульная машина на улице", logo_alt="Маленький значок", link="Фото в большом размере"),
    "en": dict(title="Test post: photos", summary="Checking how photos are processed.", lead_alt="A portrait photo",
               text="This post exists for the tests only.", body_alt="A patrol car in the street",
               logo_alt="A small badge", link="The photo at full size"),
}


def make_fixture_project(root: Path) -> tuple[Path, dict[str, Path]]:
    """The portal and a one-post Mingachevir with GPS-tagged photos; returns (project, sources)."""
    photos = _photos_module()
    root.mkdir(parents=True)
    shutil.copy2(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "overrides", root / "overrides")
    shutil.copytree(REPO / "docs", root / "docs")  # the portal links to its handbook
    dept = root / "sites" / "mingachevir"
    (dept / "docs" / "news").mkdir(parents=True)
    for name in ("department.yml", "mkdocs.yml"):
        shutil.copy2(REPO / "sites" / "mingachevir" / name, dept / name)
    for lang in ("az", "ru", "en"):
        (dept / "docs" / f"index.{lang}.md").write_text(
            f"---\ntitle: Test\n---\n\n# Test {lang}\n\nA home page for the image tests.\n", "utf-8")
        (dept / "docs" / "news" / f"2026-01-10-photos.{lang}.md").write_text(POST.format(**TEXTS[lang]), "utf-8")
    img = dept / "docs" / "images" / "news"
    # upright 1800 x 2400 portrait with a red band on top, stored sideways (orientation 6)
    upright = photos.scene("patrol_car", (1800, 2400))
    upright.paste((220, 20, 20), (0, 0, 1800, 200))
    sources = {
        "lead-rotated": photos.save_phone_jpeg(upright, img / "lead-rotated.jpg", orientation=6),
        "body-landscape": photos.save_phone_jpeg(photos.scene("crossing", (2400, 1600)), img / "body-landscape.jpg",
                                                 orientation=1),
        "unreferenced": photos.save_phone_jpeg(photos.scene("books", (2000, 1500)), img / "unreferenced.jpg",
                                               orientation=3),
    }
    # a small PNG with transparency, EXIF with GPS and a text chunk
    from PIL import PngImagePlugin

    logo = Image.new("RGBA", (300, 200), (0, 0, 0, 0))
    logo.paste((30, 80, 160, 255), (50, 50, 250, 150))
    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (40.0, 46.0, 12.0), 3: "E", 4: (47.0, 3.0, 0.0)}
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", "GPS 40.77 47.05 secret place")
    logo.save(img / "small-logo.png", exif=exif.tobytes(), pnginfo=info)
    sources["small-logo"] = img / "small-logo.png"
    return root, sources


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """(project, site, sources, first build, second build)."""
    base = tmp_path_factory.mktemp("images-site")
    project, sources = make_fixture_project(base / "project")
    out = base / "site"
    first = run_build(project, out)
    assert first.returncode == 0, first.stdout + first.stderr
    second = run_build(project, out, "--full")  # built again (not reused as unchanged): the image cache at work
    assert second.returncode == 0, second.stdout + second.stderr
    return project, out, sources, first, second


class Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict, list[str]]] = []
        self.stack: list[str] = []

    def handle_starttag(self, tag, attrs):
        cls = dict(attrs).get("class") or ""
        self.tags.append((tag, dict(attrs), [*self.stack]))
        if tag not in ("img", "source", "meta", "link", "br", "hr", "input"):
            self.stack.append(f"{tag}.{cls}")

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i].split(".")[0] == tag:
                del self.stack[i:]
                break


def parse(path: Path) -> Tags:
    p = Tags()
    p.feed(path.read_text("utf-8"))
    return p


def published_images(site: Path) -> list[Path]:
    return [p for p in site.rglob("*") if p.suffix.lower() in (".jpg", ".jpeg", ".png", ".webp")]


def test_no_metadata_in_any_published_image(built):
    _, site, _, _, _ = built
    files = published_images(site / "mingachevir")
    assert len(files) > 20  # the photos' versions and the Open Graph cards really are there
    for path in published_images(site):
        raw = path.read_bytes()
        with Image.open(io.BytesIO(raw)) as im:
            assert not im.getexif(), f"{path} still has EXIF: {dict(im.getexif())}"
            leaked = {"exif", "xmp", "XML:com.adobe.xmp", "comment", "Comment", "photoshop"} & set(im.info)
            assert not leaked, f"{path} still carries {leaked}"
        assert b"Exif\x00\x00" not in raw, path
        assert b"xmpmeta" not in raw and b"ns.adobe.com/xap" not in raw, path
        assert GPS_MARK not in raw and b"secret place" not in raw, path


def test_originals_are_never_copied_raw(built):
    _, site, sources, _, _ = built
    originals = {hashlib.sha256(p.read_bytes()).hexdigest(): p for p in sources.values()}
    for path in site.rglob("*"):
        if path.is_file():
            assert hashlib.sha256(path.read_bytes()).hexdigest() not in originals, \
                f"{path} is a raw copy of {originals.get(hashlib.sha256(path.read_bytes()).hexdigest())}"


def test_every_content_img_is_responsive_with_alt(built):
    _, site, _, _, _ = built
    pages = [site / "mingachevir" / lang / "news" / "2026-01-10-photos" / "index.html" for lang in ("", "ru", "en")]
    seen = 0
    for page in pages:
        tags = parse(page)
        for tag, attrs, parents in tags.tags:
            if tag != "img" or not any(p.startswith("article.cp-post") for p in parents):
                continue
            seen += 1
            for attr in ("width", "height", "alt", "srcset", "sizes"):
                assert attrs.get(attr), f"{page}: <img> without {attr}: {attrs}"
            assert attrs.get("decoding") == "async"
            assert attrs.get("loading") in ("lazy", "eager")
            assert int(attrs["width"]) > 0 and int(attrs["height"]) > 0
            assert any(p.startswith("picture.") for p in parents), f"{page}: <img> outside <picture>"
            # every candidate exists, and its real size matches its w descriptor
            for cand in attrs["srcset"].split(","):
                url, w = cand.split()
                f = (page.parent / url).resolve()
                assert f.is_file(), f"{page}: {url} missing"
                with Image.open(f) as im:
                    assert im.width == int(w[:-1])
        sources = [a for t, a, _ in tags.tags if t == "source"]
        assert sources and all(s.get("type") == "image/webp" for s in sources)
    assert seen == 3 * 3  # lead photo + two pictures in the text, in three languages
    alts = [a["alt"] for t, a, _ in parse(pages[2]).tags if t == "img" and a.get("alt")]
    assert "A portrait photo" in alts and "A patrol car in the street" in alts


def test_orientation_applied_and_never_upscaled(built):
    _, site, _, _, _ = built
    page = site / "mingachevir" / "en" / "news" / "2026-01-10-photos" / "index.html"
    imgs = {a["alt"]: a for t, a, _ in parse(page).tags if t == "img" and a.get("alt")}
    lead = imgs["A portrait photo"]
    assert (int(lead["width"]), int(lead["height"])) == (1600, 2133)  # upright 1800 x 2400
    widths = [int(c.split()[1][:-1]) for c in lead["srcset"].split(",")]
    assert widths == [480, 960, 1600]
    biggest = (page.parent / lead["srcset"].split(",")[-1].split()[0]).resolve()
    with Image.open(biggest) as im:
        assert im.width < im.height  # turned upright
        r, g, b = im.convert("RGB").getpixel((im.width // 2, 10))
        assert r > 150 and g < 90 and b < 90  # the red band is at the top
    logo = imgs["A small badge"]
    assert (logo["width"], logo["height"]) == ("300", "200")
    assert [c.split()[1] for c in logo["srcset"].split(",")] == ["300w"]  # a 300-px picture stays 300 px
    assert logo["src"].endswith(".png")  # transparency kept: PNG fallback


def test_links_to_photos_point_to_processed_versions(built):
    _, site, _, _, _ = built
    page = site / "mingachevir" / "en" / "news" / "2026-01-10-photos" / "index.html"
    hrefs = [a["href"] for t, a, _ in parse(page).tags if t == "a" and "body-landscape" in a.get("href", "")]
    assert hrefs and all(re.search(r"body-landscape-1600\.[0-9a-f]{10}\.jpg$", h) for h in hrefs), hrefs
    assert all((page.parent / h).resolve().is_file() for h in hrefs)


def test_news_cards_use_cropped_thumbnails(built):
    _, site, _, _, _ = built
    for page in (site / "mingachevir" / "index.html", site / "mingachevir" / "news" / "index.html"):
        cards = [a for t, a, parents in parse(page).tags
                 if t == "img" and any(p.startswith("a.cp-card__media") for p in parents)]
        assert cards, page
        for a in cards:
            assert "-card-" in a["src"] and a["srcset"] and a["sizes"] and a["width"] and a["height"]
            assert round(int(a["width"]) / int(a["height"]), 2) == round(16 / 9, 2)
            assert "alt" in a  # decorative: the card's title link says the same


def test_open_graph_card_per_post_and_language(built):
    _, site, _, _, _ = built
    for lang, title in (("", "Sınaq xəbəri: şəkillər"), ("ru", "Тестовая новость: фотографии"), ("en", "Test post: photos")):
        page = site / "mingachevir" / lang / "news" / "2026-01-10-photos" / "index.html"
        metas = {a.get("property") or a.get("name"): a.get("content") for t, a, _ in parse(page).tags if t == "meta"}
        assert metas["og:title"] == title and metas["twitter:card"] == "summary_large_image"
        url = metas["og:image"]
        assert url.startswith("https://icma-polisi.example/mingachevir/images/og/") and url == metas["twitter:image"]
        f = site / "mingachevir" / url.removeprefix("https://icma-polisi.example/mingachevir/")
        with Image.open(f) as im:
            assert im.size == (1200, 630) and im.format == "JPEG"
        assert (metas["og:image:width"], metas["og:image:height"]) == ("1200", "630")
        assert metas["og:image:alt"]


def test_build_reports_images_and_second_build_processes_none(built):
    _, _, _, first, second = built
    processed, cached = images_processed(first.stdout + first.stderr)
    assert processed >= 4 and cached == 0  # lead, body photo, logo, the unreferenced photo
    processed2, cached2 = images_processed(second.stdout + second.stderr)
    assert processed2 == 0 and cached2 == processed


def test_cache_lives_outside_site(built):
    project, site, _, _, _ = built
    cache = project / ".cache" / "images"
    assert cache.is_dir() and any(cache.rglob("*.webp"))
    assert not any(p.name == "images" and p.parent.name == ".cache" for p in site.rglob("*"))


def test_a_pictures_addresses_from_a_page_are_its_folders_address_and_the_name():
    # Picture.html keeps markup per address prefix: prefix + name must be MkDocs' own answer
    from mkdocs.utils import get_relative_url

    from cpsites.web.images import _relative_prefix

    folders = ["images/", "images/news/", "news/", "assets/images/officers/", "a/b/c/", "index/"]
    pages = ["", "index.html", "404.html", "news/", "news/page/2/", "news/2026-01-01-open-day/",
             "images/", "images/news/", "images/news/x/", "ru/news/", "en/", "a/", "a/b/", "a/b/c/d/",
             "index/", "officers/rauf-hasanov/", "ru/404.html", "feed.xml"]
    names = ["photo-480.webp", "photo-960.jpg", "x", "news", "page", "c", "d", "index.html"]
    promised = 0
    for folder in folders:
        for page in pages:
            prefix = _relative_prefix(folder, page)
            for name in names:
                if prefix is not None:
                    assert prefix + name == get_relative_url(folder + name, page), (folder, page, name)
                    promised += 1
    assert promised > 500
    assert _relative_prefix("images/news/", "images/news/x/") is None  # a page inside the folder
