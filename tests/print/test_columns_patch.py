"""The fenced WeasyPrint patch (cpsites/print/columns.py): the internals it relies on still look the
way it expects, and pages laid out with it equal WeasyPrint's own layout of the same flows."""

from __future__ import annotations

import pytest
from weasyprint import HTML

from cpsites.print import columns

WORDS = ("Sahə polis inspektoru məhəllə sakinləri ilə görüşdü və təhlükəsizlik qaydalarını izah etdi. "
         "Участковый инспектор встретился с жителями квартала. The officer answered every question. ")


def _document(paragraphs: int, height_mm: int) -> str:
    text = "".join(f"<p>{WORDS * (1 + n % 3)}</p>" for n in range(paragraphs))
    return f"""<html lang="az"><style>
      @page {{ size: 297mm 420mm; margin: 15mm }}
      body {{ font-family: DejaVu Serif; font-size: 9.6pt; line-height: 1.3 }}
      .flow {{ column-count: 4; column-gap: 4mm; column-fill: auto; height: {height_mm}mm }}
      p {{ margin: 0 0 2mm; orphans: 2; widows: 2 }}
    </style><body><h1>Xəbərlər</h1><div class="flow">{text}</div><p>Son.</p></body></html>"""


def _boxes(html: str) -> tuple[list[tuple], bool]:
    """Every piece of text on every page, with its position (rounded to 1/100 pt), and whether
    the patch laid out a flow (it marks the boxes it made)."""
    doc = HTML(string=html).render()
    out = []
    ours = []

    def walk(box, page):
        if hasattr(box, "cpsites_text_left"):
            ours.append(box)
        text = getattr(box, "text", None)
        if text:
            out.append((page, round(box.position_x, 2), round(box.position_y, 2), text))
        for child in getattr(box, "children", []) or []:
            walk(child, page)

    for n, page in enumerate(doc.pages):
        walk(page._page_box, n)
    return out, bool(ours)


def test_the_internals_are_those_the_patch_was_written_for():
    reason = columns.compatible()
    assert reason is None, f"columns.py would not install: {reason}; see its docstring before upgrading WeasyPrint"


@pytest.mark.parametrize("paragraphs, height", [(24, 120), (40, 200), (6, 60)])
def test_pages_with_the_patch_equal_weasyprints_own_layout(paragraphs, height):
    html = _document(paragraphs, height)
    columns.uninstall()
    try:
        own, used = _boxes(html)
    finally:
        columns.install()
    assert own and not used
    patched, used = _boxes(html)
    assert used, "the patch did not lay out the flow: the comparison would prove nothing"
    assert patched == own
