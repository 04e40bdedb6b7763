"""Issue 7 (and issue 2's search requirement), typed into Material's search box in Chromium:
Azerbaijani queries with ə, ı and İ find Azerbaijani pages (typing `icma` finds "İcma"), and a
search on a Russian page finds Russian pages only.

The query words come from the built news posts, so new sample content does not break the test.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from e2e_pages import DEPT, PREFIX, az_fold, words

JS_RESULTS = """
() => [...document.querySelectorAll('.md-search-result__item > .md-search-result__link')].map(a => a.href)
"""
JS_META_CHANGED = """
(placeholder) => {
  const meta = document.querySelector('.md-search-result__meta');
  return meta && meta.textContent.trim() !== placeholder;
}
"""


def search(page, query: str) -> list[str]:
    """Type `query` into the search box like a visitor and return the result links (paths)."""
    placeholder = page.evaluate(
        "JSON.parse(document.getElementById('__config').textContent).translations['search.result.placeholder']")
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("")
    page.wait_for_function(JS_META_CHANGED.replace("!==", "==="), arg=placeholder)
    page.keyboard.type(query, delay=15)
    # Material reads the box on keyup; Playwright inserts letters missing from a US keyboard
    # (Cyrillic) without key events, which a real keyboard always sends
    page.keyboard.press("End")
    page.wait_for_function(JS_META_CHANGED, arg=placeholder)
    page.wait_for_timeout(150)  # the list renders right after the count
    return [urlsplit(u).path.lstrip("/") for u in page.evaluate(JS_RESULTS)]


def post_titles(site_root: Path, lang: str) -> dict[str, str]:
    """URL path of each built news post of the language -> its <h1>."""
    base = site_root / DEPT / PREFIX[lang] / "news"
    titles = {}
    for index in sorted(base.glob("*/index.html")):
        m = re.search(r"<h1[^>]*>(.*?)</h1>", index.read_text("utf-8"), re.S)
        if m:
            titles[f"{DEPT}/{PREFIX[lang]}news/{index.parent.name}/"] = html.unescape(re.sub(r"<[^>]+>", "", m.group(1))).strip()
    return titles


def pick(titles: dict[str, str], test) -> tuple[str, str]:
    for path, title in titles.items():
        for word in words(title):
            if test(word):
                return word, path
    pytest.fail("no news title has a word for this check; the sample content changed", pytrace=False)


def is_lang(path: str, lang: str) -> bool:
    rest = path[len(DEPT) + 1:]
    if lang == "az":
        return not rest.startswith(("ru/", "en/"))
    return rest.startswith(PREFIX[lang])


@pytest.fixture(scope="module")
def az_page(visitor):
    return visitor.open(f"{DEPT}/", "desktop")


def test_typing_icma_finds_pages_that_write_Icma(az_page, site_root):
    found = search(az_page, "icma")
    assert found, "`icma` found nothing on the Azerbaijani site"
    assert all(is_lang(p, "az") for p in found), f"non-az results: {found}"
    with_capital = [p for p in found if "İcma" in (site_root / p.split("?")[0] / "index.html").read_text("utf-8")]
    assert with_capital, f"none of the results writes 'İcma': {found}"


@pytest.mark.parametrize("letter", ["ə", "ı", "İ"])
def test_azerbaijani_words_with_special_letters_find_their_page(letter, az_page, site_root):
    titles = post_titles(site_root, "az")
    if letter == "İ":
        word, path = pick(titles, lambda w: w.startswith("İ") and len(w) >= 5)
    else:
        word, path = pick(titles, lambda w: letter in w and len(w) >= 5)
    found = search(az_page, word)
    assert path in found, f"typing {word!r} did not find {path}: {found}"
    assert all(is_lang(p, "az") for p in found), f"non-az results for {word!r}: {found}"
    # typed in capitals the Azerbaijani way, the same page is found
    loud = word.replace("i", "İ").replace("ı", "I").upper()
    assert path in search(az_page, loud), f"typing {loud!r} did not find {path}"


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_search_on_a_ru_or_en_page_finds_only_pages_of_that_language(lang, visitor, site_root):
    page = visitor.open(f"{DEPT}/{PREFIX[lang]}", "desktop")
    titles = post_titles(site_root, lang)
    alphabet = r"[а-яё]" if lang == "ru" else r"[a-z]"
    word, path = pick(titles, lambda w: len(w) >= 6 and re.match(alphabet, w.lower()) is not None)
    found = search(page, word)
    assert path in found, f"typing {word!r} on the {lang} site did not find {path}: {found}"
    assert all(is_lang(p, lang) for p in found), f"results in another language: {found}"
    # words every language shares (the city's name) still find only this language's pages
    shared = [p for p in search(page, "Mingachevir Mingəçevir Мингечевир") if p]
    assert shared and all(is_lang(p, lang) for p in shared), f"{lang}: {shared}"


def test_az_fold_helper():
    assert az_fold("İCMA Işıq") == "icma ışıq"
