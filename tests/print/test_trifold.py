"""Tri-fold brochures from the brochure pages: A4 landscape, six panels, fold marks outside the
trim, print (PDF/X-4) and screen (PDF/UA-1) editions, linked from the brochure page; a text too
long for the panels is refused with how much is over."""

from __future__ import annotations

from pypdf import PdfReader

from tests.conftest import copy_project, run_cpsites
from tests.print.test_cards import _decode, _no_rgb, _text_is_k_only, mm

SLUG = "road-safety"


def test_trifold_print_edition(built_site):
    pdf = built_site / "mingachevir" / "print" / f"trifold-{SLUG}-ru-print.pdf"
    reader = PdfReader(pdf)
    assert len(reader.pages) == 2  # outside, inside
    for page in reader.pages:
        trim, bleed = mm(page.trimbox), mm(page.bleedbox)
        assert (round(trim[2] - trim[0]), round(trim[3] - trim[1])) == (297, 210)
        assert bleed == (round(trim[0] - 3, 1), round(trim[1] - 3, 1), round(trim[2] + 3, 1), round(trim[3] + 3, 1))
    assert "/OutputIntents" in reader.trailer["/Root"]
    _no_rgb(reader)
    _text_is_k_only(reader)
    outside, inside = (p.extract_text() for p in reader.pages)
    assert "Безопасность детей на дороге" in outside.replace("\n", " ")
    assert "МИНГЕЧЕВИРСКОЕ ГОРОДСКОЕ УПРАВЛЕНИЕ" in outside.replace("\n", " ")  # cover and back panel
    assert "102" in outside and "Дорога в школу" in inside


def _dark(image, x_mm: float, y0_mm: float, y1_mm: float, scale: float) -> bool:
    px = round(x_mm * scale)
    return any(image.getpixel((dx, round(y * scale)))[0] < 200
               for dx in (px - 1, px, px + 1) for y in [y0_mm + i * 0.25 for i in range(int((y1_mm - y0_mm) * 4))])


def test_fold_marks_outside_the_trim(built_site):
    import pypdfium2 as pdfium

    pdf = built_site / "mingachevir" / "print" / f"trifold-{SLUG}-az-print.pdf"
    doc = pdfium.PdfDocument(str(pdf))
    scale = 200 / 25.4  # px per mm at 200 dpi
    try:
        for index, folds in ((0, (97, 197)), (1, (100, 200))):
            image = doc[index].render(scale=200 / 72).to_pil().convert("RGB")
            trim_left = float(PdfReader(pdf).pages[index].trimbox.left - PdfReader(pdf).pages[index].mediabox.left) / 72 * 25.4
            for fold in folds:
                x = trim_left + fold
                assert _dark(image, x, 1, trim_left - 3, scale), f"no fold mark at {fold} mm above the trim"
            # nowhere else in the top margin between the crop marks
            assert not _dark(image, trim_left + 50, 1, trim_left - 3, scale)
    finally:
        doc.close()


def test_trifold_screen_edition_is_tagged_and_linked(built_site):
    dept = built_site / "mingachevir"
    reader = PdfReader(dept / "print" / f"trifold-{SLUG}-en-screen.pdf")
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"] and root["/Lang"] == "en"
    assert b"pdfuaid" in reader.xmp_metadata.stream.get_data()
    url = f"https://icma-polisi.example/mingachevir/en/brochures/{SLUG}/"
    assert _decode(dept / "print" / f"trifold-{SLUG}-en-print.pdf", 0) == [url]
    page = (dept / "en" / "brochures" / SLUG / "index.html").read_text("utf-8")
    assert f"print/trifold-{SLUG}-en-print.pdf" in page and "Download to print" in page
    assert f"print/trifold-{SLUG}-en-screen.pdf" in page
    listing = (dept / "en" / "print" / "index.html").read_text("utf-8")
    assert f"trifold-{SLUG}-en-print.pdf" in listing and "trifold-brochure" not in listing


def test_too_long_brochure_is_refused(tmp_path):
    project = copy_project(tmp_path / "project")
    path = project / "sites" / "mingachevir" / "docs" / "brochures" / f"{SLUG}.az.md"
    text = path.read_text("utf-8")
    extra = "\n\n".join(["Uşaqlar böyüklərdən fərqli görür və eşidir: sürəti və məsafəni düzgün qiymətləndirə "
                         "bilmirlər. Yol qaydalarını onlara hər gün öz nümunənizlə öyrədin."] * 40)
    path.write_text(text + "\n\n" + extra + "\n", "utf-8")
    out = tmp_path / "site"
    proc = run_cpsites("build", "--dept", "mingachevir", "--out", str(out), "--quiet", cwd=project)
    assert proc.returncode == 2, proc.stderr
    assert f"brochures/{SLUG}.az.md" in proc.stderr and "mm over" in proc.stderr and "lines" in proc.stderr
    assert "Traceback" not in proc.stderr and not out.exists()
