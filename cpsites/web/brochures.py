"""Brochures for one language: the list of brochures; each brochure is a Markdown page press
officers write (docs/brochures/<name>.<lang>.md), shown with cpsites/brochure.html, which prints
on A4 with the department's contacts at the foot."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from cpsites.content import Site
from cpsites.content.brochures import TOPICS, Brochure
from cpsites.content.schema import base_name
from cpsites.i18n import UI, prefix, t
from cpsites.web import i18n_plugin
from cpsites.web.generated import Generator, is_generated
from cpsites.web.section import Section, Settings
from cpsites.web.texts import e

NAV = [("brochures", "brochures/index.md", UI["nav_brochures"])]
# Pages press officers write in these folders get this template (see plugin.on_page_markdown).
PAGE_TEMPLATES = {"brochures/": "cpsites/brochure.html"}


def card(b: Brochure, lang: str) -> dict[str, Any]:
    meta = b.meta(lang)
    fallback = lang not in b.variants
    return {
        "url": prefix(lang) + b.url(),
        "title": e(meta.title),
        "summary": e(meta.summary),
        "topic": e(TOPICS[meta.topic][lang]),
        "topic_key": meta.topic,
        "lang": "az" if fallback else lang,
        "fallback": fallback,
    }


def context(site: Site, lang: str, page) -> dict[str, Any]:
    """On a brochure page: its topic; the template adds the department's contacts."""
    if page is None or is_generated(page):
        return {}
    src = i18n_plugin.source_path(page.file)
    if not src.startswith("brochures/"):
        return {}
    slug = base_name(Path(src))
    b = next((b for b in site.brochures if b.slug == slug), None)
    if not b:
        return {}
    return {"brochure": card(b, lang), "brochures_url": prefix(lang) + "brochures/", "trifold": trifold_links(site, b, lang)}


def trifold_links(site: Site, b: Brochure, lang: str) -> dict[str, str] | None:
    """The tri-fold PDFs of this brochure, when the print road made them (its manifest says so);
    the files are published under print/ by cpsites/web/printables.py."""
    from cpsites.web.printables import manifest

    made = {p["lang"]: p for p in (manifest(site) or {}).get("products", [])
            if p["kind"] == "brochure" and p["id"] == b.slug}
    found = made.get(lang) or made.get("az")
    if not found:
        return None
    return {role: f"print/{Path(path).name}" for role, path in found["files"].items() if role in ("print", "screen")}


def generate(gen: Generator, site: Site, settings: Settings) -> None:
    lang = gen.lang
    if not site.brochures:
        return
    gen.page("brochures/index.md", t("brochures", lang), "cpsites/brochures.html",
             {"brochures": [card(b, lang) for b in site.brochures], "heading": e(t("brochures", lang))}, description=t("brochures_intro", lang))


SECTION = Section("brochures", generate, nav=NAV, page_templates=PAGE_TEMPLATES, context=context)
