"""Neighbourhood officers for one language: the team by area, a page and a vCard per officer, and
the street index behind "find my officer" (officers/streets.json, searched in the browser)."""

from __future__ import annotations

import json
from typing import Any

from markupsafe import Markup

from cpsites.content import Site
from cpsites.content.officers import AreaGroup, Officer, fold, group_areas
from cpsites.i18n import UI, LANGS, prefix, t
from cpsites.web.generated import Generator
from cpsites.web.section import Section, Settings
from cpsites.web.texts import e, loc, md, plain
from cpsites.web.vcard import vcard

NAV = [("officers", "officers/index.md", UI["nav_officers"])]


def tel(number: str) -> str:
    return "tel:" + number.replace(" ", "")


def area_anchor(number: int) -> str:
    return f"area-{number}"


def card(o: Officer, lang: str) -> dict[str, Any]:
    """What listings and the officer page show of an officer in `lang`."""
    base = prefix(lang) + "officers/"
    return {
        "id": o.id,
        "url": base + f"{o.id}/",
        "vcf": base + f"{o.id}.vcf",
        "list_url": base,
        "name": loc(o.name, lang),
        "rank": loc(o.rank, lang),
        "role": loc(o.role, lang),
        "photo": o.photo,
        "photo_alt": e(o.name.get(lang)),
        "phone": e(o.phone),
        "tel": tel(o.phone),
        "mobile": e(o.mobile) if o.mobile else None,
        "mobile_tel": tel(o.mobile) if o.mobile else None,
        "email": e(o.email) if o.email else None,
        "reception_hours": loc(o.reception.hours, lang),
        "reception_place": loc(o.reception.place, lang),
        "reception_geo": (f"geo:{o.reception.coordinates.lat},{o.reception.coordinates.lon}"
                          if o.reception.coordinates else None),
        "about": md(o.about, lang),
        "areas": [{"number": a.number, "name": loc(a.name, lang),
                   "url": base + f"#{area_anchor(a.number)}",
                   "streets": [street_label(s, lang) for s in a.streets]} for a in o.areas],
    }


def street_label(street, lang: str) -> Markup:
    label = e(street.get(lang))
    if street.houses:
        label += Markup(" <span class=\"cp-houses\">(") + e(t("houses", lang, range="–".join(map(str, street.house_range)))) + Markup(")</span>")
    if not street.has(lang):
        label = Markup('<span lang="az">') + label + Markup("</span>")
    return label


def area_block(g: AreaGroup, lang: str) -> dict[str, Any]:
    return {
        "number": g.number,
        "anchor": area_anchor(g.number),
        "title": e(t("area_n", lang, n=g.number)),
        "name": loc(g.name, lang),
        "officers": [card(o, lang) for o in g.officers],
        "streets": [street_label(s, lang) for s in sorted(g.streets, key=lambda s: fold(s.get(lang)))],
    }


def street_index(site: Site, lang: str) -> dict[str, Any]:
    """The JSON the browser searches: folded names in every language, the officers by index.

    URLs are relative to the officers page that loads the file.
    """
    officers = site.officers
    pos = {o.id: i for i, o in enumerate(officers)}
    streets = []
    for g in group_areas(officers):
        for s in g.streets:
            keys = sorted({fold(v) for v in (s.get(lg) for lg in LANGS) if v})
            streets.append({
                "name": s.get(lang),
                "houses": list(s.house_range) if s.house_range else None,
                "keys": keys,
                "area": g.number,
                "officers": [pos[o.id] for o in g.officers],
            })
    streets.sort(key=lambda s: (fold(s["name"]), s["houses"] or [0, 0]))
    return {
        "lang": lang,
        "areas": {str(g.number): f"{t('area_n', lang, n=g.number)} — {g.name.get(lang)}" for g in group_areas(officers)},
        "officers": [{"name": o.name.get(lang), "title": f"{o.role.get(lang)}, {o.rank.get(lang)}",
                      "url": f"{o.id}/", "phone": o.phone, "tel": tel(o.phone)} for o in officers],
        "streets": streets,
    }


def officer_vcard(o: Officer, site: Site, lang: str, site_url: str) -> str:
    d = site.department
    name = o.name.get(lang)
    given, _, family = name.rpartition(" ")
    areas = "; ".join(f"{t('area_n', lang, n=a.number)} — {a.name.get(lang)}" for a in o.areas)
    note = (f"{t('covers_areas', lang)}: {areas}. {t('reception', lang)}: {plain(o.reception.hours, lang)}, "
            f"{plain(o.reception.place, lang)}.")
    phones = [("WORK,VOICE", o.phone)] + ([("CELL,VOICE", o.mobile)] if o.mobile else [])
    return vcard(full_name=name, given=given or name, family=family if given else "",
                 org=d.name.get(lang), title=f"{o.role.get(lang)}, {o.rank.get(lang)}", role=o.role.get(lang),
                 phones=phones, email=o.email, url=site_url + prefix(lang) + o.url(), note=note,
                 address=plain(o.reception.place, lang))


def generate(gen: Generator, site: Site, settings: Settings) -> None:
    site_url = settings.site_url
    if not site.officers:
        return
    lang = gen.lang
    areas = [area_block(g, lang) for g in group_areas(site.officers)]
    gen.page("officers/index.md", t("officers", lang), "cpsites/officers.html", {
        "heading": e(t("officers", lang)),
        "areas": areas,
        "index_url": prefix(lang) + "officers/streets.json",
        "duty": e(site.department.phones.duty),
        "duty_tel": tel(site.department.phones.duty),
    }, description=t("officers_intro", lang))
    for o in site.officers:
        c = card(o, lang)
        words = [o.name.get(lang), o.rank.get(lang), o.role.get(lang)]
        words += [f"{a.name.get(lang)}: " + ", ".join(s.get(lang) for s in a.streets) for a in o.areas]
        gen.page(f"officers/{o.id}.md", f"{o.name.get(lang)}", "cpsites/officer.html",
                 {"officer": c, "fallback": False}, body=str(e("\n\n".join(words))), searchable=True,
                 description=f"{o.role.get(lang)}, {o.rank.get(lang)}: {', '.join(a.name.get(lang) for a in o.areas)}")
        gen.asset(f"officers/{o.id}.vcf", officer_vcard(o, site, lang, site_url))
    gen.asset("officers/streets.json", json.dumps(street_index(site, lang), ensure_ascii=False, separators=(",", ":")))


SECTION = Section("officers", generate, nav=NAV)
