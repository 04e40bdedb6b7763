"""Community groups for one language: the CP Working Group and the Community Advisory Groups, each
with its purpose, members, schedule, next meetings (from events) and past meeting summaries."""

from __future__ import annotations

from typing import Any

from cpsites import clock
from cpsites.content import Site
from cpsites.content.groups import Group
from cpsites.i18n import UI, format_date, prefix, t
from cpsites.web.events import card as event_card
from cpsites.web.generated import Generator
from cpsites.web.section import Section, Settings
from cpsites.web.texts import e, loc, md, plain

NAV = [("groups", "groups/index.md", UI["nav_groups"])]


def card(g: Group, site: Site, lang: str) -> dict[str, Any]:
    now = clock.now()
    events = [ev for ev in site.events if ev.group == g.id]
    upcoming = [event_card(ev, lang, site) for ev in events if ev.end > now]
    by_date = {ev.start.date(): ev for ev in events}
    meetings = []
    for m in sorted(g.meetings, key=lambda m: m.date, reverse=True):
        ev = by_date.get(m.date)
        meetings.append({"date": e(format_date(m.date, lang)), "iso": m.date.isoformat(),
                         "summary": md(m.summary, lang),
                         "url": prefix(lang) + ev.url() if ev else None})
    return {
        "id": g.id,
        "url": prefix(lang) + g.url(),
        "kind": e(g.kind_label(lang)),
        "kind_key": g.kind,
        "name": loc(g.name, lang),
        "area": loc(g.area, lang),
        "purpose": md(g.purpose, lang),
        "schedule": loc(g.schedule, lang),
        "members": [{"name": loc(m.name, lang), "role": loc(m.role, lang)} for m in g.members],
        "upcoming": upcoming,
        "next": upcoming[0] if upcoming else None,
        "meetings": meetings,
        "phone": e(g.phone) if g.phone else None,
        "tel": "tel:" + g.phone.replace(" ", "") if g.phone else None,
        "email": e(g.email) if g.email else None,
        "fallback": not (g.name.has(lang) and g.purpose.has(lang)),
    }


def generate(gen: Generator, site: Site, settings: Settings) -> None:
    lang = gen.lang
    if not site.groups:
        return
    cards = [card(g, site, lang) for g in site.groups]
    gen.page("groups/index.md", t("groups", lang), "cpsites/groups.html", {"groups": cards, "heading": e(t("groups", lang))},
             description=t("groups_intro", lang))
    for g, c in zip(site.groups, cards):
        words = [plain(g.name, lang), g.kind_label(lang), plain(g.purpose, lang), plain(g.schedule, lang)]
        gen.page(f"groups/{g.id}.md", plain(g.name, lang), "cpsites/group.html", {"group": c, "fallback": c["fallback"]},
                 body=str(e("\n\n".join(words))), searchable=not c["fallback"],
                 description=f"{g.kind_label(lang)}: {plain(g.schedule, lang)}")


SECTION = Section("groups", generate, nav=NAV)
