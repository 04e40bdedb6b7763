"""Residents' local priorities for one language: the list by area with status and dates, the open
ones on the home page ("What we are working on"), each area's beside its officers."""

from __future__ import annotations

from typing import Any

from cpsites.content import Site
from cpsites.content.priorities import Priority
from cpsites.i18n import UI, format_date, prefix, t
from cpsites.web import i18n_plugin
from cpsites.web.generated import Generator
from cpsites.web.section import Section, Settings
from cpsites.web.texts import e, loc

NAV = [("priorities", "priorities/index.md", UI["nav_priorities"])]
HOME_BLOCKS = ["cpsites/home-priorities.html"]
HOME_COUNT = 3


def _area_name(site: Site, area, lang: str):
    if area == "city":
        return e(t("whole_city", lang))
    name = site.areas.get(area)
    return e(f"{t('area_n', lang)} {area}") + (e(" — ") + loc(name, lang) if name else "")


def card(p: Priority, site: Site, lang: str) -> dict[str, Any]:
    officers = {o.id: o for o in site.officers}
    groups = {g.id: g for g in site.groups}
    events = {ev.id: ev for ev in site.events}
    group = groups.get(p.data.group) if p.data.group else None
    event = events.get(p.data.event) if p.data.event else None
    actions = []
    for a in sorted(p.data.actions, key=lambda a: a.date):
        o = officers.get(a.officer) if a.officer else None
        actions.append({"date": e(format_date(a.date, lang)), "iso": a.date.isoformat(), "text": loc(a.text, lang),
                        "officer": loc(o.data.name, lang) if o else None,
                        "officer_url": prefix(lang) + f"officers/{o.id}/" if o else None})
    return {
        "id": p.id,
        "anchor": f"p-{p.id}",
        "issue": loc(p.data.issue, lang),
        "area": _area_name(site, p.data.area, lang),
        "area_key": str(p.data.area),
        "status": e(p.status_label(lang)),
        "status_key": p.data.status,
        "raised": e(format_date(p.data.raised_on, lang)),
        "raised_iso": p.data.raised_on.isoformat(),
        "source": e(p.source_label(lang)),
        "group": loc(group.data.name, lang) if group else None,
        "group_url": prefix(lang) + group.url() if group else None,
        "event_url": prefix(lang) + event.url() if event else None,
        "reviewed": e(format_date(p.data.reviewed_on, lang)),
        "reviewed_iso": p.data.reviewed_on.isoformat(),
        "actions": actions,
    }


def by_area(site: Site, lang: str, items: list[Priority]) -> list[dict[str, Any]]:
    areas: dict[str, dict[str, Any]] = {}
    order = sorted({p.data.area for p in items}, key=lambda a: (a != "city", a if a != "city" else 0))
    for a in order:
        areas[str(a)] = {"key": str(a), "anchor": f"area-{a}", "name": _area_name(site, a, lang), "entries": []}
    for p in items:
        areas[str(p.data.area)]["entries"].append(card(p, site, lang))
    return list(areas.values())


def context(site: Site, lang: str, page) -> dict[str, Any]:
    """The home page's open priorities; the officers page's current priorities per area."""
    if not site.priorities or page is None:
        return {}
    src = i18n_plugin.source_path(page.file)
    current = [p for p in site.priorities if p.current]
    if src == "index.md":
        return {"home_priorities": [card(p, site, lang) for p in current[:HOME_COUNT]],
                "priorities_url": prefix(lang) + "priorities/"}
    if src == "officers/index.md":
        per_area: dict[str, list] = {}
        for p in current:
            per_area.setdefault(str(p.data.area), []).append(card(p, site, lang))
        return {"area_priorities": per_area, "priorities_url": prefix(lang) + "priorities/"}
    return {}


def generate(gen: Generator, site: Site, settings: Settings) -> None:
    lang = gen.lang
    if not site.priorities:
        return
    current = [p for p in site.priorities if p.current]
    done = [p for p in site.priorities if not p.current]
    words = [str(loc(p.data.issue, lang)) for p in site.priorities]
    gen.page("priorities/index.md", t("priorities", lang), "cpsites/priorities.html", {
        "heading": e(t("priorities", lang)),
        "current": by_area(site, lang, current),
        "done": [card(p, site, lang) for p in sorted(done, key=lambda p: p.data.reviewed_on, reverse=True)],
        "counts": {"current": len(current), "done": len(done)},
    }, body=str(e("\n\n".join(words))), searchable=True, description=t("priorities_intro", lang))


SECTION = Section("priorities", generate, nav=NAV, home_blocks=HOME_BLOCKS, context=context)
