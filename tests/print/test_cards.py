"""Officers' business cards, opened as a print shop would: boxes, sheets, duplex, fonts, colours,
and every QR code read back from a rendered picture (zxing-cpp)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.generic import ContentStream, DecodedStreamObject

from tests.conftest import REPO, copy_project, run_cpsites

MM = 72 / 25.4
OFFICER = "rauf-hasanov"
NAMES = {"az": "Rauf Həsənov", "ru": "Рауф Гасанов", "en": "Rauf Hasanov"}


def url(lang: str) -> str:
    return f"https://icma-polisi.example/mingachevir/{'' if lang == 'az' else lang + '/'}officers/{OFFICER}/"


@pytest.fixture(scope="session")
def cards(tmp_path_factory) -> Path:
    """One officer's cards in three languages, made by the real command."""
    out = tmp_path_factory.mktemp("cards")
    run_cpsites("cards", "--dept", "mingachevir", "--officer", OFFICER, "--out", str(out), check=True)
    return out


def mm(box) -> tuple[float, float, float, float]:
    return tuple(round(float(v) / MM, 1) for v in (box.left, box.bottom, box.right, box.top))


def placements(page, reader) -> list[tuple[float, float]]:
    """Lower-left corners (mm) of the cards stepped onto a sheet: the translation in front of
    each drawing of the card's form XObject."""
    spots, depth = [], 0
    for operands, op in ContentStream(page.get_contents(), reader).operations:
        if op == b"q":
            depth += 1
        elif op == b"Q":
            depth -= 1
        elif op == b"cm" and depth == 1:
            a, b, c, d, e, f = (float(x) for x in operands)
            if (a, b, c, d) == (1, 0, 0, 1):  # the step: a translation only
                spots.append((round(e / MM, 2), round(f / MM, 2)))
    return spots


def test_single_card_boxes_and_pdfx(cards):
    for lang in ("az", "ru", "en"):
        reader = PdfReader(cards / f"card-{OFFICER}-{lang}.pdf")
        assert len(reader.pages) == 2  # front, back
        for page in reader.pages:
            trim, bleed, media = mm(page.trimbox), mm(page.bleedbox), mm(page.mediabox)
            assert (trim[2] - trim[0], trim[3] - trim[1]) == (90.0, 50.0)  # card_format default
            assert bleed == (trim[0] - 3, trim[1] - 3, trim[2] + 3, trim[3] + 3)
            assert media == bleed
        assert b"GTS_PDFXVersion" in reader.xmp_metadata.stream.get_data() or reader.xmp_metadata
        intents = reader.trailer["/Root"]["/OutputIntents"]
        assert intents[0]["/S"] == "/GTS_PDFX" and "/DestOutputProfile" in intents[0]
        assert NAMES[lang] in reader.pages[0].extract_text()


def _streams(reader):
    """Every content stream: pages and the form XObjects they draw (imposed cards)."""
    for page in reader.pages:
        yield page.get_contents().get_data(), page["/Resources"]
        for xo in (page["/Resources"].get("/XObject") or {}).values():
            xo = xo.get_object()
            if xo.get("/Subtype") == "/Form":
                yield xo.get_data(), xo["/Resources"]


def _no_rgb(reader) -> None:
    for data, resources in _streams(reader):
        assert not re.search(rb"\b(rg|RG)\b|/DeviceRGB", data), "device RGB colour in a print file"
        for xo in (resources.get("/XObject") or {}).values():
            xo = xo.get_object()
            if xo.get("/Subtype") == "/Image":
                assert xo["/ColorSpace"] in ("/DeviceGray", "/DeviceCMYK"), xo["/ColorSpace"]


def _text_is_k_only(reader) -> None:
    """Every piece of text is filled with black ink only (CMYK 0 0 0 1), the q/Q stack followed."""
    for data, _resources in _streams(reader):
        stack, fill = [], None
        for operands, op in ContentStream(DecodedStreamObject.initialize_from_dictionary({"__streamdata__": data}), reader).operations:
            if op == b"q":
                stack.append(fill)
            elif op == b"Q":
                fill = stack.pop() if stack else None
            elif op in (b"k", b"scn", b"sc"):
                fill = tuple(float(x) for x in operands)
            elif op in (b"Tj", b"TJ", b"'", b'"'):
                assert fill == (0, 0, 0, 1), f"text in {fill}"


def test_print_files_have_no_device_rgb_and_k_only_text(cards):
    for name in (f"card-{OFFICER}-az.pdf", f"card-{OFFICER}-az-A4.pdf", f"card-{OFFICER}-ru-SRA3.pdf"):
        reader = PdfReader(cards / name)
        _no_rgb(reader)
        _text_is_k_only(reader)
        assert "/OutputIntents" in reader.trailer["/Root"]


def test_fonts_embedded_and_only_ours(cards):
    for lang in ("az", "ru", "en"):
        reader = PdfReader(cards / f"card-{OFFICER}-{lang}.pdf")
        for page in reader.pages:
            for font in page["/Resources"]["/Font"].values():
                font = font.get_object()
                desc = (font.get("/FontDescriptor") or font["/DescendantFonts"][0].get_object()["/FontDescriptor"]).get_object()
                assert any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3")), font["/BaseFont"]
                assert "+CP-" in font["/BaseFont"], font["/BaseFont"]  # our shipped faces, no system fallback


@pytest.mark.parametrize("sheet,size,count", [("A4", (210, 297), 10), ("SRA3", (320, 450), 21)])
def test_sheets_duplex_aligned(cards, sheet, size, count):
    reader = PdfReader(cards / f"card-{OFFICER}-az-{sheet}.pdf")
    assert len(reader.pages) == 2  # fronts, backs
    fronts, backs = (placements(p, reader) for p in reader.pages)
    for page in reader.pages:
        media = mm(page.mediabox)
        assert (round(media[2] - media[0]), round(media[3] - media[1])) in (size, size[::-1])
    width = mm(reader.pages[0].mediabox)[2]
    assert len(fronts) == len(backs) == count
    # a long-edge flip turns x into width - x - 90: every back sits behind its own front
    for (fx, fy), (bx, by) in zip(fronts, backs):
        assert abs((width - fx - 90) - bx) < 0.01 and abs(fy - by) < 0.01
    # cards stay on the sheet with their bleed, and do not overlap
    for x, y in fronts:
        assert x - 3 >= 0 and y - 3 >= 0 and x + 93 <= width
    assert len(set(fronts)) == count


def test_crop_marks_outside_the_cards(cards):
    data = PdfReader(cards / f"card-{OFFICER}-az-A4.pdf").pages[0].get_contents().get_data()
    assert data.count(b" l S") >= 2 * (2 * 2 + 5 * 2)  # every trim edge, both ends


def _decode(pdf: Path, page: int) -> list[str]:
    import pypdfium2 as pdfium
    import zxingcpp

    doc = pdfium.PdfDocument(str(pdf))
    try:
        image = doc[page].render(scale=300 / 72).to_pil()
    finally:
        doc.close()
    return [r.text for r in zxingcpp.read_barcodes(image)]


def test_qr_codes_decode_to_the_officer_page(cards):
    for lang in ("az", "ru", "en"):
        assert _decode(cards / f"card-{OFFICER}-{lang}.pdf", 1) == [url(lang)]
    # on the imposed backs too: every card's code
    assert _decode(cards / f"card-{OFFICER}-en-A4.pdf", 1) == [url("en")] * 10


def test_qr_target_exists_on_the_site(built_site):
    for lang in ("az", "ru", "en"):
        page = built_site / "mingachevir" / ("" if lang == "az" else lang) / "officers" / OFFICER / "index.html"
        assert page.is_file()


def test_unchanged_cards_are_not_rendered_again(tmp_path):
    import os

    from cpsites.print.catalogue import make_all

    os.environ["CPSITES_CACHE"], old = str(tmp_path / "cache"), os.environ["CPSITES_CACHE"]
    try:
        first = make_all(REPO, ["mingachevir"], jobs=1, officer=OFFICER, langs=["az"], write_manifest=False)
        again = make_all(REPO, ["mingachevir"], jobs=1, officer=OFFICER, langs=["az"], write_manifest=False)
    finally:
        os.environ["CPSITES_CACHE"] = old
    assert [p.cached for p in first] == [False] and [p.cached for p in again] == [True]
    assert first[0].files == again[0].files


def _broken(tmp_path, edit) -> tuple:
    project = copy_project(tmp_path / "project")
    path = project / "sites" / "mingachevir" / "officers" / f"{OFFICER}.yml"
    path.write_text(edit(path.read_text("utf-8")), "utf-8")
    out = tmp_path / "out"
    proc = run_cpsites("cards", "--dept", "mingachevir", "--officer", OFFICER, "--out", str(out), cwd=project)
    return proc, out


def test_officer_without_phone_is_refused(tmp_path):
    proc, out = _broken(tmp_path, lambda s: re.sub(r"(?m)^phone:.*\n", "", s))
    assert proc.returncode == 2, proc.stderr
    assert f"officers/{OFFICER}.yml" in proc.stderr and "phone" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert not out.exists() or not list(out.glob("*.pdf*"))


def test_character_the_fonts_lack_is_refused(tmp_path):
    proc, out = _broken(tmp_path, lambda s: s.replace("az: Rauf Həsənov", "az: Rauf Həsənov ☎", 1))
    assert proc.returncode == 2, proc.stderr
    assert f"officers/{OFFICER}.yml" in proc.stderr and "U+260E" in proc.stderr
    assert not out.exists() or not list(out.glob("*.pdf*"))


def test_print_page_lists_cards_and_posters_with_covers(built_site):
    """`cpsites build` publishes every printable on print/ in each language; posters' QR codes
    lead to pages that exist."""
    dept = built_site / "mingachevir"
    for lang in ("az", "ru", "en"):
        html = (dept / ("" if lang == "az" else lang) / "print" / "index.html").read_text("utf-8")
        assert f"card-{OFFICER}-{lang}.pdf" in html and f"card-{OFFICER}-{lang}-A4.pdf" in html
        assert f"poster-area-1-{lang}-A3.pdf" in html and f"poster-area-1-{lang}-A4.pdf" in html
        assert f"card-{OFFICER}-{lang}-cover.jpg" in html
        assert f"poster-road-safety-{lang}-A3.pdf" in html and f"poster-advisory-group-{lang}-A4.pdf" in html
    poster = dept / "print" / "poster-2026-11-14-open-day-en-A4.pdf"
    reader = PdfReader(poster)
    assert [round(v) for v in mm(reader.pages[0].trimbox)[2:]] == [210, 297]
    _no_rgb(reader)
    _text_is_k_only(reader)
    target = "https://icma-polisi.example/mingachevir/en/events/2026-11-14-open-day/"
    assert _decode(poster, 0) == [target]
    assert (dept / "en" / "events" / "2026-11-14-open-day" / "index.html").is_file()
    area = dept / "print" / "poster-area-1-ru-A3.pdf"
    assert _decode(area, 0) == ["https://icma-polisi.example/mingachevir/ru/officers/"]


@pytest.mark.parametrize("card,a4,sra3", [((90.0, 50.0), 10, 21), ((85.0, 55.0), 9, 21)])
def test_sheet_grids_for_both_card_formats(card, a4, sra3):
    """`card_format: 85x55` (the EU size) turns A4 across: 3 x 3 with a bleed round every card."""
    from cpsites.print.impose import MIN_MARGIN, grid_for

    for sheet, count in (("A4", a4), ("SRA3", sra3)):
        grid = grid_for(sheet, card)
        assert grid.count == count
        w, h = grid.sheet
        for (x, y), (bx, by) in zip(grid.trims(), grid.trims(back=True)):
            assert x - 3 >= MIN_MARGIN - 0.01 and x + card[0] + 3 <= w - MIN_MARGIN + 0.01
            assert y - 3 >= MIN_MARGIN - 0.01 and y + card[1] + 3 <= h - MIN_MARGIN + 0.01
            assert abs(bx - (w - x - card[0])) < 1e-9 and by == y
