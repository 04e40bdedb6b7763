"""Issue 7: sampled pages of every content type, in every language, as a visitor's browser sees
them: only our own host, no console errors, no serious axe violations, usable on a 360-px phone."""

from __future__ import annotations

import pytest

from e2e_pages import LANGS, by_lang

EXPECTED_KINDS = {"home", "about", "news", "news/*", "news/tags/*", "news/archive/*", "404"}


def _fail_if(problems: list[str], what: str) -> None:
    if problems:
        pytest.fail(f"{what}:\n  " + "\n  ".join(problems), pytrace=False)


def test_samples_cover_every_content_type_in_every_language(samples, site_root):
    dept = {lang: {s.kind for s in by_lang(samples, lang) if s.site != "portal"} for lang in LANGS}
    assert EXPECTED_KINDS <= dept["az"], f"missing from the sample: {EXPECTED_KINDS - dept['az']}"
    assert dept["az"] == dept["ru"] == dept["en"], f"languages differ in what they offer: {dept}"
    # every section folder of the department is visited (a new content type needs no test edit)
    sections = {p.name for p in (site_root / "mingachevir").iterdir()
                if (p / "index.html").is_file() and p.name not in ("ru", "en")}
    assert sections <= dept["az"], f"sections not sampled: {sections - dept['az']}"
    portal = {s.kind for s in samples if s.site == "portal"}
    assert {"home", "404"} <= portal


@pytest.mark.parametrize("lang", LANGS)
def test_only_our_own_host_is_contacted_and_the_console_stays_clean(lang, samples, visitor):
    problems = []
    for sample in by_lang(samples, lang):
        for viewport in ("phone", "desktop"):
            v = visitor.visit(sample, viewport)
            if v.status != sample.status:
                problems.append(f"{sample.path}: HTTP {v.status}, expected {sample.status}")
            problems += [f"{sample.path} [{viewport}]: request to another host: {u}" for u in v.foreign_requests]
            problems += [f"{sample.path} [{viewport}]: console: {e}" for e in v.console_errors]
            if v.html_lang != lang:
                problems.append(f"{sample.path}: <html lang={v.html_lang!r}>, expected {lang!r}")
    _fail_if(problems, "pages that leak requests or log errors")


@pytest.mark.parametrize("lang", LANGS)
def test_axe_finds_no_serious_or_critical_violation(lang, samples, visitor):
    problems = []
    for sample in by_lang(samples, lang):
        for viewport in ("phone", "desktop"):
            for v in visitor.visit(sample, viewport).axe:
                if v["impact"] in ("serious", "critical"):
                    problems.append(f"{sample.path} [{viewport}]: {v['impact']} {v['id']}: {v['help']} at {v['nodes']}")
    _fail_if(problems, "axe-core violations")


@pytest.mark.parametrize("lang", LANGS)
def test_phone_360px_has_no_horizontal_scroll(lang, samples, visitor):
    problems = [f"{s.path}: {visitor.visit(s, 'phone').overflow_px} px wider than the screen"
                for s in by_lang(samples, lang) if visitor.visit(s, "phone").overflow_px > 0]
    _fail_if(problems, "pages that scroll sideways at 360 px")


@pytest.mark.parametrize("lang", LANGS)
def test_phone_360px_tap_targets_are_at_least_24px(lang, samples, visitor):
    problems = [f"{s.path}: {t}" for s in by_lang(samples, lang) for t in visitor.visit(s, "phone").small_targets]
    _fail_if(problems, "tap targets under 24x24 CSS px with a neighbour closer than 24 px (WCAG 2.5.8)")


@pytest.mark.parametrize("lang", LANGS)
def test_phone_360px_text_is_at_least_12px(lang, samples, visitor):
    problems = [f"{s.path}: {t}" for s in by_lang(samples, lang) for t in visitor.visit(s, "phone").small_text]
    _fail_if(problems, "visible text under 12 CSS px")
