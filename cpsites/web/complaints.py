"""Complaints and contact for one language: where the complaint boxes stand, how a complaint is
handled, the duty and emergency numbers, the department's address and opening hours."""

from __future__ import annotations

from cpsites.content import Site
from cpsites.i18n import UI, prefix, t
from cpsites.web.generated import Generator
from cpsites.web.section import Section, Settings
from cpsites.web.texts import e, loc, md

NAV = [("complaints", "complaints/index.md", UI["nav_complaints"])]


def generate(gen: Generator, site: Site, settings: Settings) -> None:
    lang = gen.lang
    c = site.complaints
    data = {
        "intro": md(c.data.intro, lang) if c else None,
        "boxes": [{"address": loc(b.address, lang), "landmark": loc(b.landmark, lang), "note": loc(b.note, lang),
                   "geo": f"geo:{b.coordinates.lat},{b.coordinates.lon}" if b.coordinates else None}
                  for b in (c.boxes if c else [])],
        "opened": loc(c.data.opened, lang) if c else None,
        "handling": [md(step, lang) for step in (c.data.handling if c else [])],
        "officers_url": prefix(lang) + "officers/" if site.officers else None,
        "heading": e(t("complaints", lang)),
    }
    gen.page("complaints/index.md", t("complaints", lang), "cpsites/complaints.html", data,
             description=t("complaints_intro", lang))


SECTION = Section("complaints", generate, nav=NAV)
