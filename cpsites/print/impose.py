"""Step-and-repeat imposition of a two-page card (front, back) on A4 or SRA3, with pypdf.

Every card keeps its own 3 mm bleed (no common cuts); crop marks stand in the sheet margin in
line with every trim edge. The backs sheet mirrors the fronts across the vertical axis, so after
a long-edge duplex flip each back lands exactly behind its front.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

MM = 72 / 25.4
SHEETS = {"A4": (210.0, 297.0), "SRA3": (320.0, 450.0)}
MIN_MARGIN = 6.0  # mm of sheet around the cards' bleed: room for the crop marks
MARK = 4.0  # mm, length of a crop mark
MARK_GAP = 1.0  # mm between the bleed edge and a mark


@dataclass(frozen=True)
class Grid:
    sheet: tuple[float, float]  # mm, as placed (portrait or landscape)
    card: tuple[float, float]  # trim size, mm
    bleed: float
    cols: int
    rows: int

    @property
    def count(self) -> int:
        return self.cols * self.rows

    @property
    def origin(self) -> tuple[float, float]:
        """Lower-left corner of the first card's trim (the grid is centred on the sheet)."""
        cw, ch = self.card[0] + 2 * self.bleed, self.card[1] + 2 * self.bleed
        return ((self.sheet[0] - self.cols * cw) / 2 + self.bleed, (self.sheet[1] - self.rows * ch) / 2 + self.bleed)

    def trims(self, back: bool = False) -> list[tuple[float, float]]:
        """Lower-left trim corners (mm), row by row from the top; backs mirrored left to right."""
        ox, oy = self.origin
        pitch_x, pitch_y = self.card[0] + 2 * self.bleed, self.card[1] + 2 * self.bleed
        spots = []
        for r in range(self.rows):
            for c in range(self.cols):
                x = ox + c * pitch_x
                if back:
                    x = self.sheet[0] - x - self.card[0]
                spots.append((x, oy + (self.rows - 1 - r) * pitch_y))
        return spots


def grid_for(sheet: str, card: tuple[float, float], bleed: float = 3.0) -> Grid:
    """As many cards as fit, the sheet upright or across (upright wins a tie)."""
    w, h = SHEETS[sheet]
    best = None
    for size in ((w, h), (h, w)):
        cols = int((size[0] - 2 * MIN_MARGIN) // (card[0] + 2 * bleed))
        rows = int((size[1] - 2 * MIN_MARGIN) // (card[1] + 2 * bleed))
        g = Grid(size, card, bleed, cols, rows)
        if best is None or g.count > best.count:
            best = g
    return best


def _marks(grid: Grid) -> bytes:
    """Crop marks in black ink only (K), in the margin, in line with every trim edge."""
    ox, oy = grid.origin
    cw, ch, b = grid.card[0], grid.card[1], grid.bleed
    xs = sorted({round(ox + c * (cw + 2 * b) + dx, 3) for c in range(grid.cols) for dx in (0, cw)})
    ys = sorted({round(oy + r * (ch + 2 * b) + dy, 3) for r in range(grid.rows) for dy in (0, ch)})
    top = oy + grid.rows * (ch + 2 * b) - b  # outer bleed edges
    bottom, left, right = oy - b, ox - b, ox + grid.cols * (cw + 2 * b) - b
    ops = ["q 0 0 0 1 K 0.25 w"]
    for x in xs:
        for y0, y1 in ((top + MARK_GAP, top + MARK_GAP + MARK), (bottom - MARK_GAP, bottom - MARK_GAP - MARK)):
            ops.append(f"{x * MM:.3f} {y0 * MM:.3f} m {x * MM:.3f} {y1 * MM:.3f} l S")
    for y in ys:
        for x0, x1 in ((left - MARK_GAP, left - MARK_GAP - MARK), (right + MARK_GAP, right + MARK_GAP + MARK)):
            ops.append(f"{x0 * MM:.3f} {y * MM:.3f} m {x1 * MM:.3f} {y * MM:.3f} l S")
    ops.append("Q")
    return "\n".join(ops).encode()


def impose(card_pdf: Path, target: Path, sheet: str, card: tuple[float, float], bleed: float = 3.0) -> Grid:
    """Write a two-page sheet PDF (fronts, then backs) from a single-card PDF; returns the grid.

    Each side of the card becomes one form XObject, drawn at every spot with a translation only:
    one copy of the card in the file, and a flat content stream (no deep q/Q nesting for the RIP)."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import (ArrayObject, DecodedStreamObject, DictionaryObject, FloatObject, NameObject,
                               RectangleObject)

    grid = grid_for(sheet, card, bleed)
    reader = PdfReader(card_pdf)
    writer = PdfWriter()
    for side, card_page in enumerate(reader.pages[:2]):
        form = DecodedStreamObject()
        form.set_data(card_page.get_contents().get_data())
        box = card_page.mediabox
        form.update({
            NameObject("/Type"): NameObject("/XObject"),
            NameObject("/Subtype"): NameObject("/Form"),
            NameObject("/BBox"): ArrayObject(FloatObject(float(v)) for v in (box.left, box.bottom, box.right, box.top)),
            NameObject("/Resources"): card_page["/Resources"].clone(writer),
        })
        if "/Group" in card_page:  # WeasyPrint's transparency group travels with the drawing
            form[NameObject("/Group")] = card_page["/Group"].clone(writer)
        page = writer.add_blank_page(grid.sheet[0] * MM, grid.sheet[1] * MM)
        page[NameObject("/Resources")] = DictionaryObject({NameObject("/XObject"): DictionaryObject(
            {NameObject("/Card"): writer._add_object(form)})})
        # where the card's trim starts inside its own page (WeasyPrint puts the bleed first)
        tx0, ty0 = float(card_page.trimbox.left), float(card_page.trimbox.bottom)
        ops = [f"q 1 0 0 1 {x * MM - tx0:.4f} {y * MM - ty0:.4f} cm /Card Do Q"
               for x, y in grid.trims(back=side == 1)]
        content = DecodedStreamObject()
        content.set_data("\n".join(ops).encode() + b"\n" + _marks(grid))
        page[NameObject("/Contents")] = writer._add_object(content)
        page.trimbox = RectangleObject(page.mediabox)
    root = reader.trailer["/Root"]
    if "/OutputIntents" in root:  # the same CMYK output intent as the card
        writer._root_object[NameObject("/OutputIntents")] = root["/OutputIntents"].clone(writer)
    part = target.with_name(target.name + ".part")
    try:
        with open(part, "wb") as fh:
            writer.write(fh)
        os.replace(part, target)
    finally:
        part.unlink(missing_ok=True)
    return grid
