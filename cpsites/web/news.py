"""News listings for one language: paginated index, per-year archives, tag pages, RSS feed."""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from typing import Any

from feedgen.feed import FeedGenerator

from cpsites import clock

from cpsites.content import Site
from cpsites.content.news import NewsPost
from cpsites.content.tags import tag_label
from cpsites.i18n import UI, TZ, format_date, prefix, t
from cpsites.web.generated import Generator
from cpsites.web.section import Section, Settings

PAGE_SIZE = 10  # the default of `news_page_size` (Settings)
NAV = [("news", "news/index.md", UI["news"])]
LIST_TEMPLATE = "cpsites/news-list.html"


def card(post: NewsPost, lang: str) -> dict[str, Any]:
    """What a listing or the home page shows of a post in `lang`."""
    v = post.variant(lang)
    return {
        "url": prefix(lang) + post.url(),
        "title": v.meta.title,
        "summary": v.meta.summary,
        "date": format_date(post.date, lang),
        "iso_date": post.date.isoformat(),
        "image": v.meta.image,
        "image_alt": v.meta.image_alt,
        "lang": v.lang,
        "fallback": v.lang != lang,
        "tags": [{"key": k, "label": tag_label(k, lang), "url": f"{prefix(lang)}news/tags/{k}/"} for k in post.tags],
    }


def generate(gen: Generator, site: Site, settings: Settings) -> None:
    site_url = settings.site_url
    lang = gen.lang
    posts = site.news
    cards = [card(p, lang) for p in posts]
    years = sorted({p.date.year for p in posts}, reverse=True)
    tags = sorted({k for p in posts for k in p.tags}, key=lambda k: tag_label(k, lang))
    common = {
        "years": [{"year": y, "url": f"{prefix(lang)}news/archive/{y}/"} for y in years],
        "all_tags": [{"key": k, "label": tag_label(k, lang), "url": f"{prefix(lang)}news/tags/{k}/"} for k in tags],
        "feed_url": f"{prefix(lang)}news/rss.xml",
    }

    size = settings.news_page_size
    pages = max(1, math.ceil(len(cards) / size))
    urls = ["news/index.md"] + [f"news/page/{n}.md" for n in range(2, pages + 1)]
    page_urls = [f"{prefix(lang)}news/"] + [f"{prefix(lang)}news/page/{n}/" for n in range(2, pages + 1)]
    for i, src in enumerate(urls):
        title = t("news", lang) if i == 0 else f"{t('news', lang)}: {t('page_n', lang, n=i + 1)}"
        gen.page(src, title, LIST_TEMPLATE, {
            **common,
            "kind": "index",
            "entries": cards[i * size:(i + 1) * size],
            "pagination": {
                "current": i + 1,
                "pages": [{"n": n + 1, "url": u} for n, u in enumerate(page_urls)],
                "newer": page_urls[i - 1] if i > 0 else None,
                "older": page_urls[i + 1] if i + 1 < pages else None,
            },
        })

    by_year: dict[int, list] = defaultdict(list)
    by_tag: dict[str, list] = defaultdict(list)
    for post, c in zip(posts, cards):
        by_year[post.date.year].append(c)
        for k in post.tags:
            by_tag[k].append(c)
    for year, items in by_year.items():
        gen.page(f"news/archive/{year}.md", t("news_archive_year", lang, year=year), LIST_TEMPLATE,
                 {**common, "kind": "year", "year": year, "entries": items})
    for key, items in by_tag.items():
        gen.page(f"news/tags/{key}.md", t("tag_title", lang, tag=tag_label(key, lang)), LIST_TEMPLATE,
                 {**common, "kind": "tag", "tag": key, "entries": items})

    gen.asset("news/rss.xml", feed(site, lang, site_url))


def feed(site: Site, lang: str, site_url: str) -> bytes:
    """RSS 2.0 of the 20 newest posts in `lang` (default-language text where untranslated)."""
    d = site.department
    base = site_url.rstrip("/") + "/" + prefix(lang)
    fg = FeedGenerator()
    fg.title(f"{d.short_name.get(lang)}: {t('news', lang)}")
    fg.link(href=base + "news/", rel="alternate")
    fg.description(f"{t('site_of', lang)}: {d.name.get(lang)}")
    fg.language(lang)
    fg.generator("cpsites")
    fg.lastBuildDate(clock.build_time(site.root))  # feedgen would write the wall clock
    for post in reversed(site.news[:20]):  # feedgen lists entries last-added first
        v = post.variant(lang)
        fe = fg.add_entry()
        fe.id(base + post.url())
        fe.title(v.meta.title)
        fe.link(href=base + post.url())
        fe.description(v.meta.summary)
        fe.published(dt.datetime.combine(post.date, dt.time(9, 0), TZ))
        for k in post.tags:
            fe.category(term=tag_label(k, lang))
    return fg.rss_str(pretty=True)


SECTION = Section("news", generate, nav=NAV)
