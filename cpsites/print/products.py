"""What the small print products (cards, posters, tri-folds) share, on the newspaper's print road.

Templates go through the newspaper's Jinja environment, colours through its K-only / ink-limited
CMYK scheme, QR codes through its gray-PNG maker, layouts through render.layout_html (the
project-only fetcher) and files through render.write_pdf (never half-written).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from markupsafe import Markup

from cpsites.clock import build_time
from cpsites.errors import ContentError, Problem, display_path
from cpsites.i18n import t
from cpsites.print import fonts
from cpsites import project
from cpsites.print.newspaper import ICC_PROFILE, _colors, _qr, html_for
from cpsites.print.render import _bleed_box, layout_html, write_pdf

def site_url(site) -> str:
    """The department's address as its mkdocs.yml gives it (what the web road publishes under)."""
    return project.site_url(site.root, site.slug)


def page_url(site, lang: str, path: str) -> str:
    """Absolute address of a page of the site in `lang` (az at the root, ru/ and en/ below)."""
    return site_url(site) + ("" if lang == "az" else f"{lang}/") + path


def base_context(site, lang: str, edition: str = "print") -> dict[str, Any]:
    dept = site.department
    return {
        "lang": lang,
        "edition": edition,
        "dept": dept,
        "dept_name": dept.name.get(lang),
        "address": dept.address.get(lang),
        "t": lambda key, **kw: t(key, lang, **kw),
        "fonts": Markup(fonts.font_face_css()),
        "icc": ICC_PROFILE.as_uri() if edition == "print" else None,
        "colors": _colors(dept.accent, edition, False),
        "bleed": 3,
    }


def qr(url: str, edition: str = "print") -> Markup:
    return _qr(url, edition)


def check_glyphs(where: Path, line: int, label: str, texts) -> None:
    """Every character must be in the shipped fonts (ə, İ, ı, Cyrillic): no silent substitute."""
    chars = fonts.missing_characters("".join(str(x) for x in texts if x))
    if chars:
        raise ContentError(Problem(display_path(where), line, f"{label} uses characters the print fonts cannot "
                                                              f"print: {fonts.describe(chars)}; replace them"))


def render(template: str, context: dict[str, Any], target: Path, where: Path, what: str, roots: list[Path]) -> list[str]:
    """Lay out `template` with `context` and write one PDF: PDF/X-4 with the BleedBox 3 mm around
    the trim for print, tagged PDF/UA-1 for screen. Returns WeasyPrint's warnings."""
    html = html_for(context, template)
    doc, warnings = layout_html(html, where.parent, [*roots, fonts.FONT_DIR], display_path(where), what)
    # dated with the content's last commit (cpsites.clock.build_time), never the wall clock
    date = build_time(where.parent)
    if context["edition"] == "print":
        write_pdf(doc, target, "pdf/x-4", target.stem, _bleed_box, date=date)
    else:
        write_pdf(doc, target, "pdf/ua-1", target.stem, date=date)
    return warnings
