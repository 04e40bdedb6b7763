"""Events for one language: upcoming and past listings, a page per event with schema.org Event
JSON-LD and an .ics to add it, the department's calendar feed (events/calendar.ics) and the next
three events on the home page."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any
from urllib.parse import urlparse

from functools import lru_cache

from icalendar import Calendar
from icalendar import Event as VEvent
from icalendar import Timezone, vGeo
from markupsafe import Markup

from cpsites import clock
from cpsites.content import Site
from cpsites.content.events import Event, split_by_time
from cpsites.i18n import UI, format_date, format_time, prefix, t
from cpsites.web import i18n_plugin
from cpsites.web.generated import Generator
from cpsites.web.section import Section, Settings
from cpsites.web.texts import e, jsonld, loc, md, plain

NAV = [("events", "events/index.md", UI["nav_events"])]
HOME_BLOCKS = ["cpsites/home-events.html"]
HOME_COUNT = 3


def when(ev: Event, lang: str) -> Markup:
    """'14 noyabr 2026, 10:00–15:00' or, over several days, both dates with their times."""
    start, end = ev.start, ev.end
    if start.date() == end.date():
        return e(f"{format_date(start.date(), lang)}, {format_time(start, lang)}–{format_time(end, lang)}")
    return e(f"{format_date(start.date(), lang)}, {format_time(start, lang)} – "
             f"{format_date(end.date(), lang)}, {format_time(end, lang)}")


def card(ev: Event, lang: str, site: Site) -> dict[str, Any]:
    group = next((g for g in site.groups if g.id == ev.group), None)
    return {
        "id": ev.id,
        "url": prefix(lang) + ev.url(),
        "ics": prefix(lang) + f"events/{ev.id}.ics",
        "title": loc(ev.title, lang),
        "kind": e(ev.kind_label(lang)),
        "kind_key": ev.kind,
        "when": when(ev, lang),
        "start_iso": ev.start.isoformat(),
        "end_iso": ev.end.isoformat(),
        "day": e(str(ev.start.day)),
        "month": e(format_date(ev.start.date(), lang, "MMM")),
        "place": loc(ev.place, lang),
        "address": loc(ev.address, lang),
        "geo": f"geo:{ev.coordinates.lat},{ev.coordinates.lon}" if ev.coordinates else None,
        "description": md(ev.description, lang),
        "image": ev.image,
        "image_alt": loc(ev.image_alt, lang),
        "group": {"name": loc(group.name, lang), "url": prefix(lang) + group.url()} if group else None,
        "fallback": not (ev.title.has(lang) and ev.description.has(lang)),
    }


def schema(ev: Event, site: Site, lang: str, site_url: str) -> dict[str, Any]:
    """schema.org Event: what search engines and calendar apps read from the page."""
    d = site.department
    place: dict[str, Any] = {"@type": "Place", "name": plain(ev.place, lang),
                             "address": {"@type": "PostalAddress", "addressLocality": d.short_name.get(lang),
                                         "addressCountry": "AZ"}}
    if ev.address:
        place["address"]["streetAddress"] = plain(ev.address, lang)
    if ev.coordinates:
        place["geo"] = {"@type": "GeoCoordinates", "latitude": ev.coordinates.lat, "longitude": ev.coordinates.lon}
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": plain(ev.title, lang),
        "startDate": ev.start.isoformat(),
        "endDate": ev.end.isoformat(),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "location": place,
        "description": plain_markdown(plain(ev.description, lang)),
        "organizer": {"@type": "GovernmentOrganization", "name": d.name.get(lang), "url": site_url + prefix(lang)},
        "isAccessibleForFree": True,
        "inLanguage": lang if ev.title.has(lang) else "az",
        "url": site_url + prefix(lang) + ev.url(),
    }
    if ev.image:
        data["image"] = site_url + ev.image
    return data


def plain_markdown(text: str) -> str:
    """Markdown to one line of plain text, for JSON-LD and calendar descriptions."""
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"[*_`#>]+", "", text)
    return " ".join(text.split())


def vevent(ev: Event, site: Site, lang: str, site_url: str, stamp: dt.datetime) -> VEvent:
    host = urlparse(site_url).hostname or "icma-polisi.example"
    v = VEvent()
    v.add("uid", f"{site.slug}-{ev.id}@{host}")  # the same in every language: one event, one UID
    v.add("dtstamp", stamp)
    v.add("dtstart", ev.start)
    v.add("dtend", ev.end)
    v.add("summary", plain(ev.title, lang))
    where = plain(ev.place, lang) + (f", {plain(ev.address, lang)}" if ev.address else "")
    v.add("location", f"{where}, {site.department.short_name.get(lang)}")
    v.add("description", plain_markdown(plain(ev.description, lang)))
    v.add("url", site_url + prefix(lang) + ev.url())
    v.add("categories", [ev.kind_label(lang)])
    v.add("status", "CONFIRMED")
    if ev.coordinates:
        v.add("geo", vGeo((ev.coordinates.lat, ev.coordinates.lon)))
    return v


def calendar(events: list[Event], site: Site, lang: str, site_url: str, name: str) -> bytes:
    cal = Calendar()
    cal.add("prodid", "-//cpsites//Community policing events//AZ")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", "Asia/Baku")
    cal.add("x-published-ttl", "PT12H")  # how often subscribed phones look for new events
    stamp = clock.build_time(site.root).replace(microsecond=0)  # not the wall clock: reproducible
    cal.add_component(baku_timezone())
    for ev in events:
        cal.add_component(vevent(ev, site, lang, site_url, stamp))
    return cal.to_ical()


@lru_cache(maxsize=1)
def baku_timezone() -> Timezone:
    # VTIMEZONE for Asia/Baku, computed once (it is slow); UTC+4 all year since DST ended in 2016
    return Timezone.from_tzid("Asia/Baku", first_date=dt.date(2016, 1, 1), last_date=dt.date(2040, 1, 1))


def home_cards(site: Site, lang: str) -> list[dict[str, Any]]:
    upcoming, _ = split_by_time(site.events, clock.now())
    return [card(ev, lang, site) for ev in upcoming[:HOME_COUNT]]


def context(site: Site, lang: str, page) -> dict[str, Any]:
    """Data for the home page block: the next three events."""
    if not site.events or page is None or i18n_plugin.source_path(page.file) != "index.md":
        return {}
    return {"next_events": home_cards(site, lang), "events_url": prefix(lang) + "events/"}


def generate(gen: Generator, site: Site, settings: Settings) -> None:
    site_url = settings.site_url
    lang = gen.lang
    if not site.events:
        return
    d = site.department
    upcoming, past = split_by_time(site.events, clock.now())
    cal_name = f"{d.short_name.get(lang)}: {t('events', lang)}"
    cal_url = prefix(lang) + "events/calendar.ics"
    webcal = "webcal://" + (site_url + cal_url).split("://", 1)[1]
    gen.page("events/index.md", t("events", lang), "cpsites/events.html", {
        "heading": e(t("events", lang)),
        "upcoming": [card(ev, lang, site) for ev in upcoming],
        "past": [card(ev, lang, site) for ev in past],
        "calendar_url": cal_url,
        "webcal": webcal,
    }, description=t("events_intro", lang, dept=d.short_name.get(lang)))
    gen.asset("events/calendar.ics", calendar(site.events, site, lang, site_url, cal_name))
    for ev in site.events:
        c = card(ev, lang, site)
        words = [plain(ev.title, lang), ev.kind_label(lang), plain(ev.place, lang), plain(ev.description, lang)]
        gen.page(f"events/{ev.id}.md", plain(ev.title, lang), "cpsites/event.html", {
            "event": c,
            "jsonld": jsonld(schema(ev, site, lang, site_url)),
            "upcoming": ev.end > clock.now(),
            "fallback": c["fallback"],
            "webcal": webcal,
        }, body=str(e("\n\n".join(words))), searchable=not c["fallback"],
            description=f"{format_date(ev.start.date(), lang)}: {plain(ev.title, lang)}")
        gen.asset(f"events/{ev.id}.ics", calendar([ev], site, lang, site_url, plain(ev.title, lang)))


SECTION = Section("events", generate, nav=NAV, home_blocks=HOME_BLOCKS, context=context)
