"""Tri-fold brochures: each brochure page (docs/brochures/<name>.<lang>.md) as an A4 landscape
sheet folded twice, printed both sides.

Outside (page 1), left to right: the fold-in flap (97 mm: the department's neighbourhood officers),
the back panel (100 mm: contacts and a QR code to the brochure's web page), the cover (100 mm:
title, department, summary). Inside (page 2): the text in three panels, 100 / 100 / 97 mm.

The three inside panels are one fixed-height, three-column flow (cpsites/print/columns.py lays it
out in one pass, as for the newspaper); the newspaper's copy-fit measure (copyfit.overflowing_flows)
tells how much text ran beyond the third panel, which is an error naming the brochure.
Print edition: PDF/X-4, 3 mm bleed, crop and fold marks outside the trim. Screen: tagged PDF/UA-1.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from cpsites.content.source import split_front_matter
from cpsites.errors import ContentError, Problem, display_path
from cpsites.i18n import t
from cpsites.print import columns as fixed_columns
from cpsites.print import hyphenation, products
from cpsites.print.copyfit import overflowing_flows
from cpsites.print.newspaper import MARKS_AREA_MM, STORY_TAGS, story_html

TRIM = (297.0, 210.0)
PANELS_OUTSIDE = (97.0, 100.0, 100.0)  # flap, back, cover
PANELS_INSIDE = (100.0, 100.0, 97.0)
GAP = 14.0  # between the text columns; its middle is on the fold
COLUMN = 100.0 - GAP  # every text column has the same width, as CSS columns need
MARGIN_Y = 11.0
LINE_MM = 4.6  # one line of body text, for "about N lines"
OFFICERS_ON_FLAP = 8


def brochure_url(site, brochure, lang: str) -> str:
    return products.page_url(site, lang, f"brochures/{brochure.slug}/")


def context(site, brochure, lang: str, edition: str) -> dict[str, Any]:
    path = brochure.paths[lang]
    meta = brochure.meta(lang)
    _meta, body, _line, _text = split_front_matter(path)
    # the page's own "# Title" is the cover's title
    lines = body.strip().splitlines()
    if lines and lines[0].startswith("# "):
        body = "\n".join(lines[1:])
    url = brochure_url(site, brochure, lang)
    d = site.department
    officers = [{"name": o.data.name.get(lang), "phone": str(o.data.phone),
                 "areas": ", ".join(t("area_n", lang, n=a.number) for a in o.data.areas)}
                for o in site.officers[:OFFICERS_ON_FLAP]]
    ctx = products.base_context(site, lang, edition)
    ctx.update({
        "trim": TRIM, "outside": PANELS_OUTSIDE, "inside": PANELS_INSIDE, "gap": GAP, "column": COLUMN,
        "margin_y": MARGIN_Y, "flow_height": TRIM[1] - 2 * MARGIN_Y, "marks_area": MARKS_AREA_MM,
        "title": meta.title, "summary": meta.summary,
        "body": story_html(body, extensions=("admonition",), tags=STORY_TAGS | {"h2"}),
        "officers": officers, "more_officers": len(site.officers) > OFFICERS_ON_FLAP,
        "officers_url": products.page_url(site, lang, "officers/").split("://", 1)[-1],
        "url": url, "qr": products.qr(url, edition), "short_url": url.split("://", 1)[-1],
        "phones": [(t("police", lang), d.phones.police), (t("single_emergency", lang), d.phones.emergency),
                   (t("duty", lang), d.phones.duty)] + ([(t("trust", lang), d.phones.helpline)] if d.phones.helpline else []),
        "email": d.email, "hours": d.opening_hours.get(lang),
    })
    products.check_glyphs(path, 1, f"the {lang} tri-fold", [meta.title, meta.summary, body, ctx["dept_name"],
                                                            ctx["address"], ctx["hours"]]
                          + [v for o in officers for v in o.values()])
    return ctx


def render_trifold(site, brochure, lang: str, out_dir: Path, roots: list[Path]) -> dict[str, Path]:
    """Print and screen PDFs of one language; raises ContentError when the text does not fit."""
    from cpsites.print.newspaper import html_for
    from cpsites.print.render import _bleed_box, layout_html, write_pdf
    from cpsites.clock import build_time
    from cpsites.print import fonts

    hyphenation.install()
    fixed_columns.install()
    path = brochure.paths[lang]
    where = display_path(path)
    out_dir.mkdir(parents=True, exist_ok=True)
    files = {}
    date = build_time(path.parent)  # the content's last commit, never the wall clock
    for edition in ("screen", "print"):
        ctx = context(site, brochure, lang, edition)
        doc, _warnings = layout_html(html_for(ctx, "trifold"), path.parent, [*roots, fonts.FONT_DIR], where,
                                     f"{lang} tri-fold")
        over = overflowing_flows(doc, 3).get("f-trifold", 0.0)
        if over > 0.5 or len(doc.pages) != 2:
            raise ContentError(Problem(where, 0, f"the text does not fit the three inside panels of the {lang} "
                                                 f"tri-fold: {over:.0f} mm over (about {max(1, round(over / LINE_MM))} "
                                                 "lines); shorten it, or split it into two brochures"))
        target = out_dir / f"trifold-{brochure.slug}-{lang}-{edition}.pdf"
        if edition == "print":
            write_pdf(doc, target, "pdf/x-4", target.stem, _bleed_box, date=date)
        else:
            write_pdf(doc, target, "pdf/ua-1", target.stem, date=date)
        files[edition] = target
    return files
