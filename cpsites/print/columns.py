"""Fixed-height newspaper columns, laid out once.

The copy-fit pass (render.py) computes the height at which every flow's columns end level, and
the templates give each flow that height with `column-fill: auto`. WeasyPrint 70 still lays such
a box out twice: a trial pass at the full remaining page height, then the real one. For our flows
the trial can only confirm what the copy-fit already knows, and it costs 40% of the final layout.

`install()` wraps WeasyPrint's multi-column layout: boxes of class "flow" with a fixed height,
`column-fill: auto`, no spanning children, that fit on the page, get one pass filling column after
column; everything else goes to WeasyPrint's own code.

A fenced patch: it uses WeasyPrint internals (`columns_layout`, the private `_create_column_box`,
`block_box_layout`), so it installs only on the WeasyPrint versions it was tested with and only
when those functions still have the parameters it calls them with (`compatible()`); otherwise
layouts keep WeasyPrint's own code and are only slower. pyproject.toml pins WeasyPrint to the
tested series; tests/print/test_columns_patch.py checks the signatures and that pages laid out
with the patch equal WeasyPrint's own layout of the same flows. To drop the patch: delete this
module and its call in render.py (the PDFs stay the same, about 40% slower to lay out); to move
to a new WeasyPrint: run that test, then add the version to TESTED_WEASYPRINT.
"""

from __future__ import annotations

import inspect
from importlib.metadata import version

TESTED_WEASYPRINT = ("70.0",)
# the parameters of the internals this module calls or replaces
SIGNATURES = {
    "weasyprint.layout.column.columns_layout": (
        "context", "box", "bottom_space", "skip_stack", "containing_block", "page_is_empty", "absolute_boxes",
        "fixed_boxes", "adjoining_margins", "first_letter_style", "first_line_style"),
    "weasyprint.layout.column._create_column_box": ("box", "containing_block", "children", "width", "position_y"),
    "weasyprint.layout.block.block_box_layout": (
        "context", "box", "bottom_space", "skip_stack", "containing_block", "page_is_empty", "absolute_boxes",
        "fixed_boxes", "adjoining_margins", "first_letter_style", "first_line_style", "discard", "max_lines"),
    "weasyprint.layout.block.block_level_width": ("box", "containing_block", "with_min_max"),
}

_installed = False
_original = None


def compatible() -> str | None:
    """Why the patch cannot be installed on this WeasyPrint, or None when it can."""
    import importlib

    found = version("weasyprint")
    if found not in TESTED_WEASYPRINT:
        return f"WeasyPrint {found} is not one of the tested versions {', '.join(TESTED_WEASYPRINT)}"
    for dotted, params in SIGNATURES.items():
        module, _, name = dotted.rpartition(".")
        func = getattr(importlib.import_module(module), name, None)
        if func is None:
            return f"{dotted} does not exist"
        if tuple(inspect.signature(func).parameters) != params:
            return f"{dotted} takes {tuple(inspect.signature(func).parameters)}, not {params}"
    return None


def uninstall() -> None:
    """WeasyPrint's own multi-column layout again (tests compare the two)."""
    global _installed
    if _original is not None:
        from weasyprint.layout import block

        block.columns_layout = _original
    _installed = False


def install() -> None:
    global _installed, _original
    if _installed:
        return
    if compatible() is not None:
        _installed = True  # another WeasyPrint: keep its own layout (slower, same pages)
        return
    try:
        from weasyprint.layout import block, column
        from weasyprint.layout.block import block_box_layout, block_level_width
        from weasyprint.layout.column import _create_column_box
        from weasyprint.layout.percent import percentage
        from weasyprint.layout.block import collapse_margin
    except ImportError:  # pragma: no cover - another WeasyPrint: keep its own layout
        _installed = True
        return
    original = _original = column.columns_layout

    def columns_layout(context, box, bottom_space, skip_stack, containing_block, page_is_empty,
                       absolute_boxes, fixed_boxes, adjoining_margins, first_letter_style, first_line_style):
        style = box.style
        height = style["height"]
        element = getattr(box, "element", None)
        ours = (element is not None and "flow" in (element.get("class") or "").split()
                and style["column_fill"] == "auto" and height != "auto" and height.unit == "px"
                and style["column_count"] != "auto" and style["column_width"] == "auto"
                and style["position"] == "static" and not skip_stack
                and all(child.style["column_span"] != "all" for child in box.children))
        if ours:
            top = box.position_y + collapse_margin(adjoining_margins) + box.border_top_width + box.padding_top
            ours = top + height.value <= context.page_bottom - bottom_space
        if not ours:
            return original(context, box, bottom_space, skip_stack, containing_block, page_is_empty,
                            absolute_boxes, fixed_boxes, adjoining_margins, first_letter_style,
                            first_line_style)

        context.in_column = True
        box = box.copy_with_children(box.children)
        box.position_y += collapse_margin(adjoining_margins)
        block_level_width(box, containing_block)
        gap = style["font_size"] if style["column_gap"] == "normal" else percentage(
            style["column_gap"], box.style, box.width)
        count = style["column_count"]
        width = max(0, box.width - (count - 1) * gap) / count
        children = [child.copy() for child in box.children]
        y = box.content_box_y()
        column_bottom = max(bottom_space, context.page_bottom - y - height.value)
        columns, resume_at, next_page = [], None, {"break": "any", "page": None}
        # more than `count` columns only when the text is longer than the copy-fit said: like
        # WeasyPrint, keep going to the side, where render.py notices and corrects the height
        for i in range(count * 4):
            column_box = _create_column_box(box, containing_block, children, width, y)
            column_box.position_x += i * (width + gap)
            new_child, resume_at, next_page, _, _, _ = block_box_layout(
                context, column_box, column_bottom, resume_at, containing_block, page_is_empty,
                absolute_boxes, fixed_boxes, None, first_letter_style, first_line_style, discard=False,
                max_lines=None)
            if new_child is None:
                break
            columns.append(new_child)
            if resume_at is None:
                break
        for col in columns:
            col.height = height.value
        box.children = columns
        box.height = height.value
        box.cpsites_text_left = resume_at is not None  # text that found no column: render.py refuses
        context.in_column = False
        return box, None, next_page, [], False

    block.columns_layout = columns_layout
    _installed = True
