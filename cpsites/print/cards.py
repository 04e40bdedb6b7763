"""Officers' business cards: one two-page card (front, back) per officer and language.

Front: the department, name, rank, role, areas, phone, e-mail, reception hours. Back: a QR code to
the officer's page on the site, 102 / 112 and the department's address. The QR code holds the
page address, not a vCard: a short address makes a small code (version 3-4) that phones read at
20 mm, and the page stays current and offers the vCard itself (officers/<id>.vcf).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from cpsites.errors import ContentError, Problem, display_path
from cpsites.i18n import t
from cpsites.print import products
from cpsites.print.impose import SHEETS, Grid, impose

FORMATS = {"90x50": (90.0, 50.0), "85x55": (85.0, 55.0)}


def card_size(site) -> tuple[float, float]:
    return FORMATS[site.department.card_format]


def officer_url(site, officer, lang: str) -> str:
    return products.page_url(site, lang, f"officers/{officer.id}/")


def _check(officer) -> None:
    """What a card cannot do without (the schema already asks for most of it)."""
    if not str(getattr(officer.data, "phone", "") or "").strip():
        raise ContentError(Problem(display_path(officer.path), 1, "the officer has no phone number; a business "
                                   'card needs one: add `phone: "+994 24 275 00 00"`'))


def context(site, officer, lang: str) -> dict[str, Any]:
    _check(officer)
    d = officer.data
    w, h = card_size(site)
    areas = [f"{t('area_n', lang, n=a.number)} · {a.name.get(lang)}" for a in d.areas]
    ctx = products.base_context(site, lang)
    url = officer_url(site, officer, lang)
    ctx.update({
        "w": w, "h": h,
        "name": d.name.get(lang), "rank": d.rank.get(lang), "role": d.role.get(lang),
        "areas": areas, "phone": str(d.phone), "mobile": str(d.mobile) if d.mobile else None,
        "email": str(d.email) if d.email else None,
        "reception": d.reception.hours.get(lang), "reception_place": d.reception.place.get(lang),
        "url": url, "qr": products.qr(url), "short_url": url.split("://", 1)[-1],
        "police": site.department.phones.police, "emergency": site.department.phones.emergency,
    })
    products.check_glyphs(officer.path, 1, f"the {lang} business card",
                          [ctx[k] for k in ("name", "rank", "role", "phone", "email", "reception", "reception_place",
                                            "dept_name", "address", "short_url")] + areas
                          + [t(k, lang) for k in ("reception", "card_scan", "card_emergency", "police", "single_emergency")])
    return ctx


def render_card(site, officer, lang: str, out_dir: Path, roots: list[Path]) -> dict[str, Path]:
    """The single-card PDF/X-4 (what print shops impose themselves) and A4 and SRA3 sheets."""
    stem = f"card-{officer.id}-{lang}"
    out_dir.mkdir(parents=True, exist_ok=True)
    card = out_dir / f"{stem}.pdf"
    products.render("card", context(site, officer, lang), card, officer.path, f"{lang} business card", roots)
    files = {"print": card}
    for sheet in SHEETS:
        target = out_dir / f"{stem}-{sheet}.pdf"
        impose(card, target, sheet, card_size(site))
        files[sheet] = target
    return files


def sheet_grid(site, sheet: str) -> Grid:
    from cpsites.print.impose import grid_for

    return grid_for(sheet, card_size(site))
