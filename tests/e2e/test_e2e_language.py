"""Issue 7: the language switcher leads to the same page in the other language, in the browser,
and no English interface text shows on Azerbaijani or Russian pages."""

from __future__ import annotations

import re
from pathlib import Path

import material
import pytest

from cpsites.i18n import LANG_NAMES, UI
from e2e_pages import LANGS, by_lang

MATERIAL_EN = Path(material.__file__).parent / "templates" / "partials" / "languages" / "en.html"

JS_SWITCHER = """
() => [...document.querySelectorAll('.md-select__link[hreflang]')].map(a => [a.getAttribute('hreflang'), a.href])
"""

# Every interface string a page carries: labels for screen readers, tooltips, placeholders, every
# text node (shown or not yet shown), and the strings Material's JavaScript will show.
JS_UI_STRINGS = """
() => {
  const out = new Set();
  for (const el of document.querySelectorAll('[aria-label], [title], [placeholder], [alt]'))
    for (const a of ['aria-label', 'title', 'placeholder', 'alt'])
      if (el.getAttribute(a)) out.add(el.getAttribute(a).trim());
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode())
    if (n.textContent.trim() && !n.parentElement.closest('script, style')) out.add(n.textContent.trim());
  const config = document.getElementById('__config');
  if (config) Object.values(JSON.parse(config.textContent).translations || {}).forEach(v => out.add(String(v).trim()));
  return [...out];
}
"""


def english_ui_strings() -> set[str]:
    """Material's English strings and our own, minus those that are the same in az or ru."""
    material_en = set(re.findall(r'^\s*"[a-z.]+": "([^"]+)"', MATERIAL_EN.read_text("utf-8"), re.M))
    ours = {v["en"] for v in UI.values() if "en" in v and v["en"] != v.get("az") and v["en"] != v.get("ru")}
    strings = {s.replace("#", "").strip() for s in material_en | ours if "{" not in s}
    # language names are written in their own language on purpose; codes and short tokens are not text
    return {s for s in strings if len(s) >= 4 and s not in LANG_NAMES.values() and not re.fullmatch(r"[a-z]{2}|ltr|rtl|RSS.*", s)}


def expected_switch(visitor, sample, lang: str) -> str:
    return visitor.url(sample.in_lang(lang))


@pytest.mark.parametrize("lang", LANGS)
def test_switcher_points_at_the_same_page_in_each_other_language(lang, samples, visitor, site_root):
    problems = []
    for sample in by_lang(samples, lang):
        if sample.status == 404:
            continue  # an unknown address has no counterpart; its switcher leads to the home pages
        page = visitor.open(sample.path, "phone")
        links = dict(page.evaluate(JS_SWITCHER))
        for other in LANGS:
            want = expected_switch(visitor, sample, other)
            if links.get(other) != want:
                problems.append(f"{sample.path}: switcher to {other} is {links.get(other)}, expected {want}")
                continue
            target = site_root / sample.in_lang(other) / "index.html"
            if not target.is_file():
                problems.append(f"{sample.path}: switcher target {sample.in_lang(other)} does not exist")
            elif f'<html lang="{other}"' not in target.read_text("utf-8")[:2000]:
                problems.append(f"{sample.in_lang(other)}: not marked lang={other}")
    if problems:
        pytest.fail("language switcher:\n  " + "\n  ".join(problems), pytrace=False)


@pytest.mark.parametrize("start,target,viewport", [("az", "ru", "phone"), ("ru", "en", "desktop"), ("en", "az", "phone")])
def test_choosing_a_language_in_the_menu_opens_the_same_page(start, target, viewport, samples, visitor):
    """A visitor opens the language menu and picks a language: the same post, in that language."""
    sample = next(s for s in by_lang(samples, start) if s.kind == "news/*")
    page = visitor.open(sample.path, viewport)
    page.click(".md-select > button")  # opens on click (and on hover or keyboard focus)
    link = page.locator(f'.md-select__link[hreflang="{target}"]')
    link.wait_for(state="visible")
    link.click()
    page.wait_for_load_state("load")
    assert page.url == expected_switch(visitor, sample, target)
    assert page.evaluate("document.documentElement.lang") == target


@pytest.mark.parametrize("lang", ["az", "ru"])
def test_no_english_interface_text_on_azerbaijani_and_russian_pages(lang, samples, visitor):
    english = english_ui_strings()
    problems = []
    for sample in by_lang(samples, lang):
        page = visitor.open(sample.path, "phone")
        found = sorted(english & set(page.evaluate(JS_UI_STRINGS)))
        problems += [f"{sample.path}: {s!r}" for s in found]
    if problems:
        pytest.fail("English interface text:\n  " + "\n  ".join(problems), pytrace=False)


def test_the_english_string_list_is_real():
    """Guard against a check that cannot fail: the list holds Material's everyday strings."""
    english = english_ui_strings()
    assert {"Skip to content", "Search", "Back to top", "Select language"} <= english
