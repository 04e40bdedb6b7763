"""Issue 3 on a real build: officers and their vCards, the street index, TV episodes, events with
their .ics feeds and JSON-LD, community groups, brochures, complaints, the home page block.

Uses the session build of the shipped sample content (tests/conftest.py `built_site`).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import icalendar
import pytest
import vobject

from cpsites import clock
from cpsites.content import load_site
from cpsites.content.events import split_by_time as split_events
from cpsites.content.officers import group_areas
from cpsites.content.tv import split_by_time as split_episodes
from cpsites.i18n import LANGS, prefix

REPO = Path(__file__).resolve().parents[2]
DEPT = "mingachevir"
BASE = "https://icma-polisi.example/mingachevir/"


class Html(HTMLParser):
    """Tags with their attributes, JSON-LD blocks and text, in document order."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.jsonld: list[str] = []
        self.text_parts: list[str] = []
        self._in_ld = False
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a))
        self._in_ld = tag == "script" and a.get("type") == "application/ld+json"
        if self._in_ld:
            self.jsonld.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_ld = False

    def handle_data(self, data):
        if self._in_ld:
            self.jsonld[-1] += data
        else:
            self.text_parts.append(data)

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.text_parts).split())

    def find(self, tag: str, **attrs) -> list[dict]:
        return [a for t, a in self.tags if t == tag and all(
            (a.get(k.replace("_", "-")) or "") == v if v is not True else k.replace("_", "-") in a
            for k, v in attrs.items())]

    def has_class(self, cls: str) -> list[dict]:
        return [a for _, a in self.tags if cls in (a.get("class") or "").split()]


@pytest.fixture(scope="session")
def site(built_site: Path) -> Path:
    return built_site / DEPT


@pytest.fixture(scope="session")
def content():
    return load_site(REPO / "sites" / DEPT)


def page(site: Path, rel: str) -> Html:
    return Html((site / rel / "index.html").read_text("utf-8"))


# -- officers ------------------------------------------------------------------------------------

def test_every_officer_has_a_page_and_a_vcard_in_every_language(site, content):
    for lang in LANGS:
        for o in content.officers:
            p = page(site, f"{prefix(lang)}officers/{o.id}")
            assert o.name.get(lang) in p.text
            tels = [a["href"] for a in p.find("a") if a.get("href", "").startswith("tel:")]
            assert "tel:" + o.phone.replace(" ", "") in tels
            if o.email:
                assert f"mailto:{o.email}" in [a.get("href") for a in p.find("a")]
            vcf_link = [a for a in p.find("a") if (a.get("href") or "").endswith(f"{o.id}.vcf")]
            assert vcf_link, "the page links to its vCard"
            card = vobject.readOne((site / f"{prefix(lang)}officers/{o.id}.vcf").read_text("utf-8"))
            assert card.version.value in ("3.0", "4.0")
            assert card.fn.value == o.name.get(lang)
            assert card.n.value.family == o.name.get(lang).split()[-1]
            assert [t.value for t in card.contents["tel"]][0] == o.phone
            if o.email:
                assert card.email.value == o.email
            assert card.url.value == f"{BASE}{prefix(lang)}officers/{o.id}/"
            assert o.rank.get(lang) in card.title.value
            assert card.org.value == [content.department.name.get(lang)]


def test_officers_page_groups_the_team_by_area(site, content):
    p = page(site, "officers")
    areas = group_areas(content.officers)
    sections = [a["id"] for a in p.find("section") if (a.get("id") or "").startswith("area-")]
    assert sections == [f"area-{g.number}" for g in areas]
    html = (site / "officers/index.html").read_text("utf-8")
    # every officer appears under each of their areas, in the area's order
    for g in areas:
        chunk = html.split(f'id="area-{g.number}"', 1)[1].split('class="cp-area"', 1)[0]
        positions = [chunk.index(f'href="{o.id}/"') for o in g.officers]
        assert positions == sorted(positions)
        for s in g.streets:
            assert s.az in chunk
    assert p.find("input", id="cp-street"), "the find-my-officer box"
    assert p.find("section", data_index="streets.json") or p.has_class("cp-finder")


def test_street_index_holds_every_street_with_its_officers(site, content):
    for lang in LANGS:
        index = json.loads((site / f"{prefix(lang)}officers/streets.json").read_text("utf-8"))
        assert index["lang"] == lang
        names = [o["name"] for o in index["officers"]]
        assert names == [o.name.get(lang) for o in content.officers]
        expected = {(s.get(lang), s.houses and tuple(s.house_range)): {o.name.get(lang) for o in g.officers}
                    for g in group_areas(content.officers) for s in g.streets}
        got = {(s["name"], s["houses"] and tuple(s["houses"])): {names[i] for i in s["officers"]}
               for s in index["streets"]}
        assert got == expected
        for s in index["streets"]:
            assert s["keys"] and all(k == k.lower() for k in s["keys"])
        # officer links are relative to the officers page and lead to real pages
        for o in index["officers"]:
            assert (site / f"{prefix(lang)}officers" / o["url"] / "index.html").is_file()


# -- TV ------------------------------------------------------------------------------------------

def test_tv_page_lists_coming_broadcasts_first_then_episodes_newest_first(site, content):
    coming, aired = split_episodes(content.episodes, clock.now())
    html = (site / "tv/index.html").read_text("utf-8")
    order = [m for m in re.findall(r'href="(\d{4}-\d{2}-\d{2}-\d+)/"', html)]
    seen = list(dict.fromkeys(order))
    assert seen == [e.id for e in coming] + [e.id for e in aired]
    if coming and aired:
        assert html.index("cp-coming") < html.index(f'href="{aired[0].id}/"')


def test_episode_pages_carry_tvepisode_json_ld(site, content):
    for lang in LANGS:
        for ep in content.episodes:
            p = page(site, f"{prefix(lang)}tv/{ep.id}")
            blocks = [json.loads(b) for b in p.jsonld]
            eps = [b for b in blocks if b.get("@type") == "TVEpisode"]
            assert len(eps) == 1
            data = eps[0]
            assert data["episodeNumber"] == ep.number
            assert data["name"] == ep.title.get(lang)
            assert data["partOfSeries"]["@type"] == "TVSeries"
            start = dt.datetime.fromisoformat(data["publication"]["startDate"])
            assert start == ep.air and start.utcoffset() == dt.timedelta(hours=4)
            assert data["url"] == f"{BASE}{prefix(lang)}tv/{ep.id}/"
            if ep.video:
                assert data["video"]["@type"] == "VideoObject"


def test_external_video_is_a_placeholder_without_third_party_urls(site, content):
    external = [ep for ep in content.episodes if ep.external]
    local = [ep for ep in content.episodes if ep.video and ep.video.file]
    assert external and local, "the sample shows both kinds of video"
    for ep in external:
        html = (site / f"tv/{ep.id}/index.html").read_text("utf-8")
        p = Html(html)
        assert not p.find("iframe"), "no player before the click"
        boxes = p.find("div", data_cp_video=True)
        assert boxes and boxes[0]["data-embed"] == ep.external.embed_url
        for _tag, a in p.tags:
            for key in ("src", "href", "poster", "srcset", "action"):
                value = a.get(key) or ""
                assert ep.external.host not in value and "youtube.com" not in value and "vimeo.com" not in value, (key, value)
        poster = p.find("button", **{"class": "cp-video__play"})
        assert poster
    for ep in local:
        p = page(site, f"tv/{ep.id}")
        video = p.find("video")
        assert video and video[0].get("preload") == "none" and video[0].get("poster")
        src = p.find("source")[0]["src"]
        assert (site / "tv" / ep.id / src).resolve().is_file()


# -- events --------------------------------------------------------------------------------------

def test_events_page_upcoming_soonest_first_then_past(site, content):
    upcoming, past = split_events(content.events, clock.now())
    html = (site / "events/index.html").read_text("utf-8")
    seen = list(dict.fromkeys(re.findall(r'href="(\d{4}-\d{2}-\d{2}-[a-z0-9-]+)/"', html)))
    assert seen == [e.id for e in upcoming] + [e.id for e in past]


def test_calendar_feed_per_language_holds_every_event_in_baku_time(site, content):
    for lang in LANGS:
        cal = icalendar.Calendar.from_ical((site / f"{prefix(lang)}events/calendar.ics").read_bytes())
        assert str(cal["version"]) == "2.0"
        tz = [c for c in cal.walk("VTIMEZONE")]
        assert tz and str(tz[0]["tzid"]) == "Asia/Baku"
        events = {str(e["uid"]): e for e in cal.walk("VEVENT")}
        assert len(events) == len(content.events)
        for ev in content.events:
            v = events[f"{DEPT}-{ev.id}@icma-polisi.example"]
            start, end = v.decoded("dtstart"), v.decoded("dtend")
            assert start == ev.start and end == ev.end
            assert start.utcoffset() == dt.timedelta(hours=4)
            assert v["dtstart"].params.get("TZID") == "Asia/Baku"
            assert str(v["summary"]) == ev.title.get(lang)
            assert str(v["url"]) == f"{BASE}{prefix(lang)}events/{ev.id}/"
            assert ev.place.get(lang) in str(v["location"])


def test_each_event_has_its_own_ics_and_event_json_ld(site, content):
    for lang in LANGS:
        for ev in content.events:
            one = icalendar.Calendar.from_ical((site / f"{prefix(lang)}events/{ev.id}.ics").read_bytes())
            [v] = one.walk("VEVENT")
            assert v.decoded("dtstart") == ev.start
            p = page(site, f"{prefix(lang)}events/{ev.id}")
            [data] = [json.loads(b) for b in p.jsonld]
            assert data["@context"] == "https://schema.org" and data["@type"] == "Event"
            assert data["name"] == ev.title.get(lang)
            assert dt.datetime.fromisoformat(data["startDate"]) == ev.start
            assert dt.datetime.fromisoformat(data["endDate"]) == ev.end
            assert data["location"]["@type"] == "Place" and data["location"]["name"] == ev.place.get(lang)
            assert data["startDate"].endswith("+04:00")


def test_events_page_offers_the_calendar_subscription(site):
    p = page(site, "ru/events")
    hrefs = [a.get("href") for a in p.find("a")]
    assert "webcal://icma-polisi.example/mingachevir/ru/events/calendar.ics" in hrefs
    assert any(h and h.endswith("calendar.ics") and not h.startswith("webcal") for h in hrefs)
    assert [ln for ln in p.find("link") if ln.get("type") == "text/calendar"]


def test_home_page_shows_the_next_three_events(site, content):
    upcoming, _ = split_events(content.events, clock.now())
    for lang in LANGS:
        html = (site / prefix(lang) / "index.html").read_text("utf-8")
        block = html.split('class="cp-home-events"', 1)[1].split("</section>", 1)[0]
        links = re.findall(r'href="(?:\.\./)*(?:[a-z]{2}/)?events/([a-z0-9-]+)/"', block)
        assert links == [e.id for e in upcoming[:3]]
        for e in upcoming[:3]:
            assert e.title.get(lang) in Html(block).text


# -- groups, brochures, complaints ---------------------------------------------------------------

def test_group_pages_link_their_meetings_to_events(site, content):
    upcoming, _ = split_events(content.events, clock.now())
    for g in content.groups:
        p = page(site, f"groups/{g.id}")
        text = p.text
        assert g.name.az in text and g.schedule.az in text
        for m in g.members:
            assert m.name.az in text and m.role.az in text
        html = (site / f"groups/{g.id}/index.html").read_text("utf-8")
        for ev in (e for e in upcoming if e.group == g.id):
            assert f"events/{ev.id}/" in html
        for m in g.meetings:
            assert m.date.isoformat() in html
    # an event of a group links back to it
    ev = next(e for e in content.events if e.group)
    assert f"groups/{ev.group}/" in (site / f"events/{ev.id}/index.html").read_text("utf-8")


def test_brochures_are_listed_and_print_on_a4(site, content, built_site):
    listing = (site / "brochures/index.html").read_text("utf-8")
    for b in content.brochures:
        assert f'href="{b.slug}/"' in listing
        for lang in LANGS:
            p = page(site, f"{prefix(lang)}brochures/{b.slug}")
            assert p.has_class("cp-brochure") and p.find("button", data_cp_print=True)
            assert p.has_class("cp-brochure__contacts") and "102" in p.text
    css = next(built_site.rglob("cpsites.css")).read_text("utf-8")
    assert re.search(r"@page\s*{[^}]*size:\s*A4", css)


def test_complaints_page_lists_boxes_handling_and_numbers(site, content):
    for lang in LANGS:
        p = page(site, f"{prefix(lang)}complaints")
        for box in content.complaints.boxes:
            assert box.address.get(lang) in p.text
        for step in content.complaints.data.handling:
            assert step.get(lang).split()[0] in p.text
        tels = {a.get("href") for a in p.find("a")}
        assert {"tel:102", "tel:112", "tel:" + content.department.phones.duty.replace(" ", "")} <= tels
        assert content.department.address.get(lang) in p.text
        geos = [a for a in p.find("a") if (a.get("href") or "").startswith("geo:")]
        assert len(geos) == sum(1 for b in content.complaints.boxes if b.coordinates)


def test_sections_are_in_the_menu_of_every_language(site):
    for lang in LANGS:
        html = (site / prefix(lang) / "index.html").read_text("utf-8")
        tabs = re.findall(r'class="md-tabs__link[^"]*"[^>]*href="([^"]+)"|href="([^"]+)"[^>]*class="md-tabs__link', html)
        hrefs = {a or b for a, b in tabs}
        for section in ("officers/", "events/", "tv/", "groups/", "brochures/", "complaints/"):
            assert any(h.endswith(section) for h in hrefs), (lang, section, hrefs)


def test_every_json_ld_block_is_valid_json(site):
    count = 0
    for path in site.rglob("*.html"):
        for block in Html(path.read_text("utf-8")).jsonld:
            data = json.loads(block)
            assert data["@context"] == "https://schema.org" and data["@type"]
            count += 1
    assert count >= 3 * 12
