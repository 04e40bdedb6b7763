"""Issue 7, keyboard only: the skip link, the menu, the language switcher and search are reached
with Tab and visible when focused; nothing takes focus where a sighted user cannot see it."""

from __future__ import annotations

import pytest

from e2e_pages import DEPT, JS_FOCUS, NO_MOTION_CSS, PREFIX

MAX_STOPS = 200


def tab_through(page) -> list[dict]:
    """Press Tab from the top of the page until focus comes back round; every stop, in order."""
    page.add_style_tag(content=NO_MOTION_CSS)  # states, not animations: focus shows at once
    page.evaluate("window.scrollTo(0, 0); document.activeElement && document.activeElement.blur()")
    stops = []
    for _ in range(MAX_STOPS):
        page.keyboard.press("Tab")
        stop = page.evaluate(JS_FOCUS)
        if stop is None:
            continue  # the browser's own UI between two rounds
        if stops and stop == stops[0]:
            break
        stops.append(stop)
    return stops


def describe(stop: dict) -> str:
    return f"<{stop['tag']} class={stop['cls']!r} href={stop['href']!r} text={stop['text']!r} rect={stop['rect']}>"


CASES = [(lang, kind, viewport) for lang in ("az", "ru", "en") for kind, viewport in
         (("home", "phone"), ("news/*", "desktop"))] + [("az", "news/*", "phone"), ("ru", "home", "desktop")]


@pytest.mark.parametrize("lang,kind,viewport", CASES)
def test_keyboard_reaches_skip_link_menu_language_and_search_and_sees_focus(lang, kind, viewport, samples, visitor):
    sample = next(s for s in samples if s.site == DEPT and s.lang == lang and s.kind == kind)
    page = visitor.open(sample.path, viewport)
    stops = tab_through(page)
    assert stops, "Tab reached nothing"
    problems = [f"focus not visible on {describe(s)}" for s in stops if not s["visible"]]
    problems += [f"no focus ring on {describe(s)}" for s in stops if s["visible"] and not s["ring"]]

    first = stops[0]
    if "cp-skip" not in first["cls"]:
        problems.append(f"the first Tab stop is not the skip link but {describe(first)}")
    if viewport == "phone":
        menu = [s for s in stops if s["for"] == "__drawer" and s["role"] == "button"]
    else:
        menu = [s for s in stops if "md-tabs__link" in s["cls"]]
    if not menu:
        problems.append("the menu is not reachable with Tab")
    switcher = {s["hreflang"] for s in stops if "md-select__link" in s["cls"]}
    if switcher != {"az", "ru", "en"}:
        problems.append(f"language switcher links reached: {sorted(switcher)}")
    if not any(s["name"] == "query" for s in stops):
        problems.append("the search box is not reachable with Tab")
    if problems:
        pytest.fail(f"{sample.path} at {viewport} width:\n  " + "\n  ".join(problems), pytrace=False)


def focus_on(page, predicate_js: str, limit: int = 60) -> bool:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(predicate_js):
            return True
    return False


def test_skip_link_moves_focus_to_the_content(visitor):
    page = visitor.open(f"{DEPT}/news/", "phone")
    page.add_style_tag(content=NO_MOTION_CSS)
    page.keyboard.press("Tab")
    assert "cp-skip" in page.evaluate("document.activeElement.className")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "cp-main"
    assert page.evaluate("location.hash") == "#cp-main"


def test_phone_menu_opens_with_enter_and_closes_with_escape(visitor):
    page = visitor.open(f"{DEPT}/ru/", "phone")
    page.add_style_tag(content=NO_MOTION_CSS)
    assert focus_on(page, "document.activeElement.getAttribute('for') === '__drawer'"), "menu button not reached"
    assert page.evaluate("document.activeElement.getAttribute('aria-label')"), "the menu button has no name"
    page.keyboard.press("Enter")
    assert page.evaluate("document.getElementById('__drawer').checked"), "Enter did not open the menu"
    # focus moves on the next animation frame (cpsites.js): wait for it rather than race it
    # (polled from here: wait_for_function evaluates a string in the page, which the pages' CSP forbids)
    for _ in range(60):
        if page.evaluate("document.activeElement.closest('.md-sidebar--primary') !== null"):
            break
        page.wait_for_timeout(50)
    else:
        pytest.fail("focus did not enter the menu", pytrace=False)
    # the menu's links are now reachable and visible
    page.keyboard.press("Tab")
    assert page.evaluate(JS_FOCUS)["visible"]
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('__drawer').checked"), "Escape did not close the menu"
    assert page.evaluate("document.activeElement.getAttribute('for')") == "__drawer"


def test_language_switcher_works_from_the_keyboard(visitor):
    page = visitor.open(f"{DEPT}/{PREFIX['en']}about/", "phone")
    page.add_style_tag(content=NO_MOTION_CSS)
    assert focus_on(page, "document.activeElement.getAttribute('hreflang') === 'az'"), "switcher not reached"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == visitor.url(f"{DEPT}/about/")
    assert page.evaluate("document.documentElement.lang") == "az"
