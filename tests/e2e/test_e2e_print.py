"""Issue 7: news posts and brochures print cleanly on A4: Chromium prints them to PDF (the
browser's own print path), and the PDF has A4 pages, the article, no site navigation, and the
addresses of its links written out."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from pypdf import PdfReader

from e2e_pages import DEPT, LANGS

A4_PT = (595.28, 841.89)
CHROME = [".md-header", ".md-tabs", ".md-sidebar--primary", ".md-footer", ".md-search", ".md-select", ".cp-skip"]

JS_PRINT_STATE = """
(chrome) => {
  const shown = sel => [...document.querySelectorAll(sel)].some(el => el.checkVisibility());
  const links = [...document.querySelectorAll('.md-content__inner :is(p, li, td, dd, blockquote, figcaption) > a[href]')]
    .filter(a => a.checkVisibility() && !/^#/.test(a.getAttribute('href')) && !/(^|\\s)(cp-|md-button)/.test(a.className));
  return {
    chrome: chrome.filter(shown),
    links: links.map(a => ({href: a.getAttribute('href'), absolute: a.href, after: getComputedStyle(a, '::after').content})),
    title: (document.querySelector('.md-content h1') || {}).textContent || '',
    overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
  };
}
"""


def print_samples(samples):
    return [s for s in samples if s.site == DEPT and (s.kind == "news/*" or s.kind.startswith("brochures/"))]


@pytest.fixture(scope="module")
def pdftotext():
    exe = shutil.which("pdftotext")
    if exe is None:
        pytest.skip("pdftotext (Debian poppler-utils) is missing: `make test` installs it")
    return exe


def test_there_is_something_to_print(samples):
    kinds = {s.kind for s in print_samples(samples)}
    assert "news/*" in kinds
    if any(s.kind.startswith("brochures") for s in samples):
        assert "brochures/*" in kinds


@pytest.mark.parametrize("lang", LANGS)
def test_news_and_brochures_print_on_a4_without_navigation_with_link_addresses(lang, samples, visitor, tmp_path, pdftotext):
    problems = []
    for sample in [s for s in print_samples(samples) if s.lang == lang]:
        page = visitor.open(sample.path, "desktop")
        page.emulate_media(media="print")
        try:
            state = page.evaluate(JS_PRINT_STATE, CHROME)
            pdf = tmp_path / (sample.kind.replace("/", "_").replace("*", "x") + ".pdf")
            page.pdf(path=str(pdf), prefer_css_page_size=True, print_background=True)
        finally:
            page.emulate_media(media="screen")
        where = f"{sample.path} (print)"
        problems += [f"{where}: site navigation printed: {sel}" for sel in state["chrome"]]
        for link in state["links"]:
            if link["absolute"] not in link["after"] and link["href"] not in link["after"]:
                problems.append(f"{where}: link {link['href']} prints without its address ({link['after']})")
        reader = PdfReader(str(pdf))
        for number, sheet in enumerate(reader.pages, 1):
            size = (float(sheet.mediabox.width), float(sheet.mediabox.height))
            if abs(size[0] - A4_PT[0]) > 2 or abs(size[1] - A4_PT[1]) > 2:
                problems.append(f"{where}: page {number} is {size} pt, not A4")
        text = subprocess.run([pdftotext, "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        flat = " ".join(text.split())
        title = " ".join(state["title"].split())
        if title and title not in flat:
            problems.append(f"{where}: the title {title!r} is not in the PDF")
        for name in ("Azərbaycanca", "Русский"):  # the language switcher lists all languages
            if name in flat and "English" in flat:
                problems.append(f"{where}: the language switcher was printed")
                break
        for link in state["links"]:
            if link["absolute"].startswith("http") and link["absolute"].split("//", 1)[1][:30] not in flat.replace(" ", ""):
                problems.append(f"{where}: the address {link['absolute']} is not written in the PDF")
        if state["overflow"] > 0:
            problems.append(f"{where}: printed layout wider than the paper by {state['overflow']} px")
    if problems:
        pytest.fail("print:\n  " + "\n  ".join(problems), pytrace=False)


def test_links_in_a_post_print_their_full_address(samples, visitor, tmp_path, pdftotext):
    """The sample posts have no links in their text, so one is added on the way to the browser:
    a relative link to another page, a web address, a phone number and an e-mail address."""
    sample = next(s for s in samples if s.site == DEPT and s.lang == "az" and s.kind == "news/*")
    url = visitor.url(sample.path)
    extra = ('<p id="cp-test-links">Ətraflı: <a href="../../about/">haqqımızda</a>, '
             '<a href="https://icma-polisi.example/mingachevir/">sayt</a>, '
             '<a href="tel:+994242750000">zəng edin</a>, <a href="mailto:icma@polis.example">yazın</a>.</p>')
    context, page = visitor.new_page({"width": 1280, "height": 900})
    try:
        def add_links(route):
            response = route.fetch()
            body = response.text().replace('<p class="cp-post__back">', extra + '<p class="cp-post__back">', 1)
            assert extra in body, "the post template changed: no .cp-post__back to put links before"
            route.fulfill(response=response, body=body)

        page.route(url, add_links)
        page.goto(url, wait_until="load")
        page.emulate_media(media="print")
        after = page.eval_on_selector_all("#cp-test-links a", "links => links.map(a => getComputedStyle(a, '::after').content)")
        pdf = tmp_path / "links.pdf"
        page.pdf(path=str(pdf), prefer_css_page_size=True)
    finally:
        context.close()
    about = visitor.url(f"{DEPT}/about/")
    assert about in after[0], after
    assert "https://icma-polisi.example/mingachevir/" in after[1] and "tel:+994242750000" in after[2] \
        and "mailto:icma@polis.example" in after[3], after
    text = "".join(subprocess.run([pdftotext, str(pdf), "-"], capture_output=True, text=True, check=True).stdout.split())
    for address in (about, "https://icma-polisi.example/mingachevir/", "tel:+994242750000", "mailto:icma@polis.example"):
        assert address in text, f"{address} is not written in the printed post"
