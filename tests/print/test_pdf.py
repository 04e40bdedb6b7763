"""The fixture issue's real PDFs, checked with pypdf: pages, boxes, PDF/X-4, tags, fonts, text."""

from __future__ import annotations

import os
import re

import pytest
from pypdf import PdfReader
from pypdf.generic import IndirectObject

from tests.conftest import REPO
from tests.print.conftest import AZ_SENTENCE, RU_SENTENCE

MM = 72 / 25.4
A3 = (297 * MM, 420 * MM)


def reader(editions, lang, kind) -> PdfReader:
    return PdfReader(str(editions[lang].files[kind]))


@pytest.mark.parametrize("kind", ["print", "screen"])
@pytest.mark.parametrize("lang", ["az", "ru"])
def test_page_count(editions, lang, kind):
    assert len(reader(editions, lang, kind).pages) == 4


def test_print_trim_and_bleed(editions):
    for page in reader(editions, "az", "print").pages:
        trim = [float(v) for v in page.trimbox]
        bleed = [float(v) for v in page.bleedbox]
        assert trim[2] - trim[0] == pytest.approx(A3[0], abs=0.05)
        assert trim[3] - trim[1] == pytest.approx(A3[1], abs=0.05)
        for i, sign in enumerate((-1, -1, 1, 1)):
            assert bleed[i] - trim[i] == pytest.approx(sign * 3 * MM, abs=0.05)
        media = [float(v) for v in page.mediabox]
        for i, sign in enumerate((-1, -1, 1, 1)):  # room for the crop marks outside the bleed
            assert media[i] - trim[i] == pytest.approx(sign * 12 * MM, abs=0.05)


def test_print_is_pdf_x4_with_output_intent(editions):
    pdf = reader(editions, "ru", "print")
    root = pdf.trailer["/Root"]
    intents = root["/OutputIntents"]
    assert intents[0]["/S"] == "/GTS_PDFX"
    profile = intents[0]["/DestOutputProfile"].get_object()
    assert profile["/N"] == 4  # CMYK
    xmp = root["/Metadata"].get_object().get_data().decode("utf-8", "replace")
    assert "GTS_PDFXVersion" in xmp and "PDF/X-4" in xmp
    assert pdf.metadata.title and "№ 5" in pdf.metadata.title


def test_screen_is_tagged_pdf_ua(editions):
    pdf = reader(editions, "az", "screen")
    root = pdf.trailer["/Root"]
    assert "/StructTreeRoot" in root
    assert root["/MarkInfo"]["/Marked"]
    assert root["/Lang"] == "az"
    xmp = root["/Metadata"].get_object().get_data().decode("utf-8", "replace")
    assert "pdfuaid" in xmp
    assert "/OutputIntents" not in root  # no print-only output intent, no bleed on screen
    assert [float(v) for v in pdf.pages[0].bleedbox] == [float(v) for v in pdf.pages[0].trimbox]
    tags = str(root["/StructTreeRoot"].get_object())
    assert "/K" in tags
    # images carry their alt text for screen readers
    def walk(node, out):
        node = node.get_object() if isinstance(node, IndirectObject) else node
        if isinstance(node, dict):
            if node.get("/S") == "/Figure":
                out.append(node.get("/Alt"))
            walk(node.get("/K"), out)
        elif isinstance(node, list):
            for k in node:
                walk(k, out)
        return out
    figures = walk(root["/StructTreeRoot"], [])
    assert figures and all(figures), figures


def _fonts(resources, seen):
    resources = resources.get_object() if resources is not None else {}
    for font in (resources.get("/Font") or {}).values():
        font = font.get_object()
        seen.append(font)
    for xobj in (resources.get("/XObject") or {}).values():
        xobj = xobj.get_object()
        if "/Resources" in xobj:
            _fonts(xobj["/Resources"], seen)
    return seen


@pytest.mark.parametrize("kind", ["print", "screen"])
def test_every_font_embedded(editions, kind):
    fonts = []
    for page in reader(editions, "az", kind).pages:
        _fonts(page.get("/Resources"), fonts)
    assert fonts
    for font in fonts:
        desc = font["/DescendantFonts"][0].get_object()["/FontDescriptor"] if "/DescendantFonts" in font \
            else font["/FontDescriptor"]
        desc = desc.get_object()
        assert any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3")), font.get("/BaseFont")
        # our shipped faces (CSS families "CP Serif", "CP Sans", "CP Display"), never a system fallback
        assert "+CP-" in str(font["/BaseFont"]), font["/BaseFont"]


def _text(pdf: PdfReader) -> str:
    text = "\n".join(p.extract_text() for p in pdf.pages)
    text = re.sub(r"[\u2010\u00ad-]\n", "", text)  # words hyphenated at a line end
    return re.sub(r"\s+", " ", text)


@pytest.mark.parametrize("kind", ["print", "screen"])
def test_text_has_exact_sentences(editions, kind):
    assert AZ_SENTENCE in _text(reader(editions, "az", kind))
    assert RU_SENTENCE in _text(reader(editions, "ru", kind))


def test_localized_page_numbers_and_masthead(editions):
    az = _text(reader(editions, "az", "screen"))
    ru = _text(reader(editions, "ru", "screen"))
    assert "səh. 2 / 4" in az and "стр. 3 из 4" in ru
    assert "İcma Polisi Xəbərləri" in az and "PULSUZ" in az
    assert "Вести общественной полиции" in ru


def test_print_text_is_black_only(editions):
    """Body text is set in K only (no rich black on newsprint); no RGB colour operators at all."""
    pdf = reader(editions, "az", "print")
    assert "0 0 0 1 scn" in pdf.pages[1].get_contents().get_data().decode("latin-1")
    for number, page in enumerate(pdf.pages, 1):  # house ads with the QR code included
        content = page.get_contents().get_data().decode("latin-1")
        assert not re.search(r"\b(rg|RG)\n", content), f"RGB colour on page {number}"
        for values in re.findall(r"((?:[\d.]+ ){4})scn", content):  # ink limit on newsprint
            assert sum(float(v) for v in values.split()) <= 2.4


def test_cover_and_cache(editions, paper_project):
    from PIL import Image

    from cpsites.content import load_site
    from cpsites.content.newspaper import load_issues
    from cpsites.print.build import ensure_edition

    with Image.open(editions["az"].files["cover"]) as im:
        assert im.width == 480 and im.height > 600
    site = load_site(paper_project / "sites" / "mingachevir")
    issue = next(i for i in load_issues(site.root, site.news) if i.id == "t1")
    # the cache the fixture rendered into: <cache>/paper/editions/<key>/<file>
    cache = editions["az"].files["cover"].parents[3]
    old, os.environ["CPSITES_CACHE"] = os.environ.get("CPSITES_CACHE"), str(cache)
    try:
        again = ensure_edition(site, issue, "az", paper_project)
    finally:
        os.environ["CPSITES_CACHE"] = old
    assert again.cached and again.files == editions["az"].files


def _image_spaces(pdf) -> set[str]:
    spaces: set[str] = set()

    def walk(obj):
        if obj.get("/Subtype") == "/Image":
            spaces.add(str(obj.get("/ColorSpace")))
        resources = obj.get("/Resources")
        if resources and "/XObject" in resources:
            for child in resources["/XObject"].values():
                walk(child.get_object())

    for page in pdf.pages:
        for child in (page["/Resources"].get("/XObject") or {}).values():
            walk(child.get_object())
    return spaces


def test_print_photos_are_separated_for_the_press(editions):
    """PDF/X-4 with a CMYK output intent: photos in DeviceCMYK, the QR code in DeviceGray, no
    device RGB anywhere; the screen edition keeps RGB photos."""
    spaces = _image_spaces(reader(editions, "az", "print"))
    assert "/DeviceCMYK" in spaces and "/DeviceGray" in spaces
    assert "/DeviceRGB" not in spaces
    assert "/DeviceRGB" in _image_spaces(reader(editions, "az", "screen"))


def test_residents_boxes_print_priorities_and_a_poll_in_inks(editions):
    """The `priorities` and `poll` boxes: the open priorities and the newest poll's first question
    with its computed percentages (the RGB and ink checks above cover these pages too)."""
    from cpsites.content import load_site
    from cpsites.content.polls import percentages

    site = load_site(REPO / "sites" / "mingachevir")
    az = " ".join(_text(reader(editions, "az", "print")).split())
    assert "ÜZƏRİNDƏ İŞLƏDİYİMİZ MƏSƏLƏLƏR" in az.upper() or "Üzərində işlədiyimiz məsələlər" in az
    current = [p for p in site.priorities if p.current]
    assert " ".join(current[0].data.issue.az.split())[:40] in az
    poll = site.polls[0]
    q = poll.data.questions[0]
    assert " ".join(q.text.az.split()) in az
    for share in percentages([a.count for a in q.answers]):
        assert f"{share:.1f}".replace(".", ",") + " %" in az
