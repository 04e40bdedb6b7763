"""Posters, A3 and A4, generated from content that already exists (no extra writing):

- "Know your neighbourhood officer", one per area: photo, name, rank, phone, reception hours of
  every officer who covers it, and a QR code to the site's officers page;
- an event poster from an events/<id>.yml file, with a QR code to the event's page.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from cpsites.errors import ContentError, Problem, display_path
from cpsites.i18n import format_date, t
from cpsites.images.cache import ImageCache
from cpsites.images.print import for_print
from cpsites.print import products
from cpsites.print.newspaper import ICC_PROFILE

FORMATS = {"A3": (297.0, 420.0), "A4": (210.0, 297.0)}
HEADLINE = {"az": "Sahə polis inspektorunuzu tanıyın", "ru": "Знайте своего участкового",
            "en": "Know your neighbourhood officer"}


def _photo(path: Path | None, where: Path, width_mm: float, height_mm: float, cache_dir: Path,
           warnings: list[str]) -> str | None:
    if path is None:
        return None
    if not path.is_file():
        raise ContentError(Problem(display_path(where), 0, f"the picture {display_path(path)} does not exist; "
                                                           "fix the file name or add the picture"))
    prepared = for_print(path, width_mm, height_mm, cache=ImageCache(cache_dir / "photos"), cmyk_profile=ICC_PROFILE)
    if not prepared.sharp_enough:
        warnings.append(f"{display_path(where)}: the picture {display_path(path)} prints at only "
                        f"{prepared.effective_dpi:.0f} dpi at {width_mm:.0f} x {height_mm:.0f} mm on the poster "
                        "(300 dpi is best); use a larger original")
    return prepared.path.as_uri()


def area_context(site, area, lang: str, fmt: str, cache_dir: Path, warnings: list[str]) -> dict[str, Any]:
    w, h = FORMATS[fmt]
    scale = w / 297.0
    officers = []
    photo_w = 62 * scale
    for o in area.officers:
        photo = site.docs_dir / o.data.photo if o.data.photo else None
        officers.append({
            "name": o.data.name.get(lang), "rank": o.data.rank.get(lang), "phone": str(o.data.phone),
            "reception": o.data.reception.hours.get(lang), "place": o.data.reception.place.get(lang),
            "photo": _photo(photo, o.path, photo_w, photo_w * 4 / 3, cache_dir, warnings),
        })
    url = products.page_url(site, lang, "officers/")
    ctx = products.base_context(site, lang)
    ctx.update({"w": w, "h": h, "s": scale, "photo_w": photo_w, "headline": HEADLINE[lang],
                "sub": f"{t('area_n', lang, n=area.number)} · {area.name.get(lang)}",
                "officers": officers, "text": None, "when": None, "url": url, "qr": products.qr(url),
                "short_url": url.split("://", 1)[-1], "police": site.department.phones.police,
                "emergency": site.department.phones.emergency})
    return ctx


def _when(event, lang: str) -> str:
    start, end = event.data.start, event.data.end
    return f"{format_date(start.date() if isinstance(start, dt.datetime) else start, lang)}, {start:%H:%M}–{end:%H:%M}"


def _where(event, lang: str) -> str:
    d = event.data
    return d.place.get(lang) + (f", {d.address.get(lang)}" if d.address else "")


def event_context(site, event, lang: str, fmt: str, cache_dir: Path, warnings: list[str]) -> dict[str, Any]:
    w, h = FORMATS[fmt]
    d = event.data
    url = products.page_url(site, lang, f"events/{event.id}/")
    ctx = products.base_context(site, lang)
    ctx.update({"w": w, "h": h, "s": w / 297.0, "photo_w": 0, "headline": d.title.get(lang),
                "sub": _where(event, lang), "officers": [], "text": d.description.get(lang).strip(),
                "when": _when(event, lang), "url": url,
                "qr": products.qr(url), "short_url": url.split("://", 1)[-1],
                "police": site.department.phones.police, "emergency": site.department.phones.emergency})
    return ctx


def md_context(site, poster, lang: str, fmt: str, cache_dir: Path, warnings: list[str]) -> dict[str, Any]:
    """A poster a press officer wrote (posters/<name>.<lang>.md): headline, picture, short text."""
    from cpsites.print.newspaper import story_html

    w, h = FORMATS[fmt]
    scale = w / 297.0
    text = poster.text(lang)
    url = products.page_url(site, lang, poster.qr_target(lang))
    image_w = w - 32 * scale
    image = None
    if text.meta.image:
        image = _photo(site.docs_dir / text.meta.image, text.path, image_w, image_w * 0.56, cache_dir, warnings)
    event = next((e for e in site.events if e.id == text.meta.event), None)
    ctx = products.base_context(site, lang)
    ctx.update({"w": w, "h": h, "s": scale, "photo_w": 0, "headline": text.meta.headline,
                "sub": _where(event, lang) if event else None, "when": _when(event, lang) if event else None,
                "officers": [], "text": None, "body": story_html(text.body),
                "image": image, "image_alt": text.meta.image_alt, "image_w": image_w,
                "url": url, "qr": products.qr(url), "short_url": url.split("://", 1)[-1],
                "police": site.department.phones.police, "emergency": site.department.phones.emergency})
    return ctx


def poster_id(kind: str, item) -> str:
    return {"area": lambda: f"area-{item.number}", "event": lambda: item.id, "md": lambda: item.name}[kind]()


def render_poster(site, kind: str, item, lang: str, out_dir: Path, roots: list[Path], cache_dir: Path):
    """A3 and A4 PDF/X-4 of one poster; returns ({role: path}, warnings)."""
    where = {"area": lambda: item.officers[0].path, "event": lambda: item.path,
             "md": lambda: item.text(lang).path}[kind]()
    stem = f"poster-{poster_id(kind, item)}-{lang}"
    out_dir.mkdir(parents=True, exist_ok=True)
    files, warnings = {}, []
    for fmt in ("A3", "A4"):
        make = {"area": area_context, "event": event_context, "md": md_context}[kind]
        ctx = make(site, item, lang, fmt, cache_dir, warnings)
        ctx.setdefault("body", None)
        ctx.setdefault("image", None)
        products.check_glyphs(where, 1, f"the {lang} poster",
                              [ctx["headline"], ctx["sub"], ctx["text"], ctx["when"], ctx["dept_name"], ctx["address"],
                               ctx["body"]]
                              + [v for o in ctx["officers"] for k, v in o.items() if k != "photo" and v])
        target = out_dir / f"{stem}-{fmt}.pdf"
        warnings += products.render("poster", ctx, target, where, f"{lang} {fmt} poster", roots)
        files[fmt] = target
    files["print"] = files["A3"]
    return files, list(dict.fromkeys(warnings))
