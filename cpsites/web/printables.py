"""The print/ page of a department, per language: every printable (business cards, posters) with
a cover thumbnail and its PDFs.

The print road (cpsites/print/catalogue.py, run by `cpsites build`) writes a manifest per
department, .cache/paper/products/<slug>.json; this module only reads it and copies the files it
names. It never imports the print road. Without a manifest (plain `mkdocs build`) there is no
print/ page.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from cpsites.content import Site
from cpsites.i18n import UI, t
from cpsites.project import cache_dir
from cpsites.web.generated import Generator
from cpsites.web.section import Section, Settings

NAV = [("print", "print/index.md", UI["nav_print"])]
TEMPLATE = "cpsites/printables.html"
GROUPS = (("card", "print_cards"), ("poster", "print_posters"), ("brochure", "print_brochures"))


def manifest(site: Site) -> dict[str, Any] | None:
    path = cache_dir(Path(site.root).resolve().parent.parent) / "paper" / "products" / f"{site.slug}.json"
    return json.loads(path.read_text("utf-8")) if path.is_file() else None


def generate(gen: Generator, site: Site, settings: Settings) -> None:
    found = manifest(site)
    if not found:
        return
    lang = gen.lang
    groups = []
    for kind, label in GROUPS:
        items = []
        for p in found["products"]:
            if p["kind"] != kind or p["lang"] != lang:
                continue
            files = {role: gen.cached(f"print/{Path(path).name if role != 'cover' else _cover_name(p)}", Path(path))
                     for role, path in p["files"].items()}
            first = {"card": t("print_card_pdf", lang), "poster": t("print_pdf", lang) + " A3",
                     "brochure": t("print_trifold", lang)}[kind]
            links = [(first, files["print"])]
            if "screen" in files:
                links.append((t("print_trifold_screen", lang), files["screen"]))
            for sheet, n in p["sheets"].items():
                links.append((t("print_sheet", lang, format=sheet, n=n), files[sheet]))
            if kind == "poster" and "A4" in files:
                links.append((t("print_pdf", lang) + " A4", files["A4"]))
            items.append({"title": p["title"], "cover": files["cover"],
                          "cover_alt": t("print_cover", lang, title=p["title"]), "links": links})
        if items:
            groups.append({"title": t(label, lang), "items": items})
    gen.page("print/index.md", t("print_page", lang), TEMPLATE, {"groups": groups, "intro": t("print_intro", lang)},
             description=t("print_intro", lang))


def _cover_name(p: dict[str, Any]) -> str:
    return f"{p['kind']}-{p['id']}-{p['lang']}-cover.jpg"


SECTION = Section("print", generate, nav=NAV)
