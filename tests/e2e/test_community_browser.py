"""Issue 3 in the Debian Chromium: "find my officer" answers from the JSON index in the browser,
and an external video makes no request to its host until the visitor clicks play.

Uses the session build, its local server and the browser from tests/e2e/conftest.py.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest

from cpsites.content import load_site

REPO = Path(__file__).resolve().parents[2]
DEPT = "mingachevir"

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def content():
    return load_site(REPO / "sites" / DEPT)


def open_page(chromium, url: str, width: int = 390):
    context = chromium.new_context(viewport={"width": width, "height": 900}, service_workers="block")
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(url, wait_until="networkidle")
    return context, page, requests, errors


def finder_results(page, query: str) -> list[dict]:
    page.fill("#cp-street", query)
    page.wait_for_timeout(50)
    return page.eval_on_selector_all(".cp-finder__item", """items => items.map(i => ({
        street: i.querySelector('.cp-finder__street').textContent,
        officers: [...i.querySelectorAll('.cp-finder__name')].map(a => a.textContent),
        links: [...i.querySelectorAll('.cp-finder__name')].map(a => a.href),
        phones: [...i.querySelectorAll('.cp-tel')].map(a => a.getAttribute('href')),
    }))""")


def test_find_my_officer_in_the_browser(chromium, server, content):
    context, page, requests, errors = open_page(chromium, server.url + f"{DEPT}/officers/")
    try:
        page.wait_for_selector("#cp-street", state="visible")
        # a street of area 1, typed without Azerbaijani letters and in capitals
        got = finder_results(page, "SƏMƏD vurgun")
        assert [r["street"] for r in got] == ["Səməd Vurğun küçəsi"]
        assert got[0]["officers"] == ["Rauf Həsənov", "Leyla Əliyeva"]
        assert got[0]["phones"][0] == "tel:+994242750311"
        # the officer link leads to the officer's page
        assert got[0]["links"][0] == server.url + f"{DEPT}/officers/rauf-hasanov/"
        # a street split between two areas: the house number decides
        assert finder_results(page, "Heydər Əliyev 75")[0]["officers"] == ["Elnur Quliyev"]
        assert finder_results(page, "heyder eliyev 12")[0]["officers"] == ["Rauf Həsənov", "Leyla Əliyeva"]
        both = finder_results(page, "Heydər Əliyev")
        assert [r["officers"][0] for r in both] == ["Rauf Həsənov", "Elnur Quliyev"]
        # an unknown street: a clear answer with the duty desk's number
        assert finder_results(page, "Qeyri-mövcud") == []
        none = page.text_content(".cp-finder__none")
        assert content.department.phones.duty in none
        assert not errors
        assert {urlsplit(u).hostname for u in requests} == {"127.0.0.1"}
    finally:
        context.close()


def test_find_my_officer_on_the_russian_page_with_russian_names(chromium, server):
    context, page, _requests, errors = open_page(chromium, server.url + f"{DEPT}/ru/officers/")
    try:
        page.wait_for_selector("#cp-street", state="visible")
        got = finder_results(page, "низами")
        assert [r["street"] for r in got] == ["улица Низами"]
        assert got[0]["officers"] == ["Рауф Гасанов", "Лейла Алиева"]
        assert got[0]["links"][0] == server.url + f"{DEPT}/ru/officers/rauf-hasanov/"
        # the Azerbaijani name works on the Russian page too
        assert finder_results(page, "Neftçilər")[0]["officers"] == ["Эльнур Гулиев"]
        assert not errors
    finally:
        context.close()


def test_external_video_requests_nothing_from_its_host_before_the_click(chromium, server, content):
    ep = next(e for e in content.episodes if e.external)
    host = ep.external.host
    context = chromium.new_context(viewport={"width": 390, "height": 900}, service_workers="block")
    third_party: list[str] = []

    def guard(route):
        # nothing may leave the machine; remember what would have
        if urlsplit(route.request.url).hostname != "127.0.0.1":
            third_party.append(route.request.url)
            route.abort()
        else:
            route.continue_()

    context.route("**/*", guard)
    page = context.new_page()
    try:
        page.goto(server.url + f"{DEPT}/tv/{ep.id}/", wait_until="networkidle")
        page.wait_for_timeout(300)
        assert third_party == [], f"requests before the click: {third_party}"
        assert page.locator("iframe").count() == 0
        page.click(".cp-video__play")
        page.wait_for_selector("iframe.cp-video__frame")
        page.wait_for_timeout(300)
        assert page.get_attribute("iframe.cp-video__frame", "src") == ep.external.embed_url
        assert any(urlsplit(u).hostname == host for u in third_party), "the click loads the player"
    finally:
        context.close()


def test_events_that_ended_after_the_build_disappear_from_upcoming_lists(chromium, server, content):
    """The site is static: a visitor days after the build must not see ended events as coming."""
    from cpsites import clock
    from cpsites.content.events import split_by_time

    upcoming, _ = split_by_time(content.events, clock.now())
    if len(upcoming) < 2:
        pytest.skip("the sample has fewer than two upcoming events at this date")
    first = upcoming[0]
    context = chromium.new_context(viewport={"width": 390, "height": 900}, service_workers="block")
    page = context.new_page()
    try:
        # the visitor comes back one minute after the first upcoming event ended
        page.clock.install(time=first.end.timestamp() + 60)
        page.goto(server.url + f"{DEPT}/events/", wait_until="networkidle")
        visible = page.eval_on_selector_all(
            "[data-cp-upcoming] .cp-event-card",
            "cards => cards.filter(c => c.offsetParent !== null).map(c => c.querySelector('a').getAttribute('href'))")
        assert f"{first.id}/" not in visible
        assert f"{upcoming[1].id}/" in visible
    finally:
        context.close()
