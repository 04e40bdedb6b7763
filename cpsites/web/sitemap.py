"""The sitemap: every page once per language it is really written in, with hreflang alternates.

Pages showing the Azerbaijani text in place of a missing translation (fallback pages) are left out
and are no one's alternate. Written once after all languages are built, from what each language's
pass recorded (its pages, its fallback pages): it needs every language, and a department's
languages may be built in separate processes (cpsites/build.py). Replaces mkdocs-static-i18n's
sitemap, which lists fallback pages as duplicates; overrides/sitemap.xml is empty so MkDocs
writes none of its own.
"""

from __future__ import annotations

from pathlib import Path

from markupsafe import escape

from cpsites.i18n import DEFAULT_LANG, LANGS


def render(site_url: str, pages: dict[str, list[str]], fallback: set[str]) -> str:
    """`pages`: each language's page addresses as MkDocs writes them ('ru/news/', './' for home),
    in the order of the languages' passes."""
    out = ['<?xml version="1.0" encoding="UTF-8"?>'
           '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">']
    for lang, urls in pages.items():
        for url in urls:
            if url in fallback:
                continue
            path = url if lang == DEFAULT_LANG else url[len(lang) + 1:]
            path = "" if path == "./" else path
            out.append(f"\n  <url>\n    <loc>{escape(site_url + url if url != './' else site_url)}</loc>")
            for alt_lang in LANGS:
                alt = (f"{alt_lang}/" if alt_lang != DEFAULT_LANG else "") + path
                if alt not in fallback:
                    out.append(f'\n    <xhtml:link rel="alternate" hreflang="{alt_lang}" '
                               f'href="{escape(site_url + alt)}"/>')
            out.append("\n  </url>")
    out.append("\n</urlset>")
    return "".join(out)


def write(site_dir: Path, site_url: str, pages: dict[str, list[str]], fallback: set[str]) -> None:
    """site_dir/sitemap.xml, and a copy in each other language's folder: Material reads the
    sitemap beside its search `base`, which is per language (ru/, en/)."""
    text = render(site_url, pages, fallback).encode("utf-8")
    (site_dir / "sitemap.xml").write_bytes(text)
    for lang in LANGS:
        if lang != DEFAULT_LANG and (site_dir / lang).is_dir():
            (site_dir / lang / "sitemap.xml").write_bytes(text)
