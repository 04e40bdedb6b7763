"""One search index per language.

Material writes a single search/search_index.json with every language in it and a lunr setup
that drops Azerbaijani words. We split it after the last language pass: search/ (az, lunr 'tr'
which keeps ə, ş, ğ words), ru/search/, en/search/. Each language's pages point at their own
index through the `base` of Material's __config block (see overrides/main.html).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from cpsites.i18n import DEFAULT_LANG, LANGS, LANGUAGES

LUNR_LANG = {language.code: list(language.lunr) for language in LANGUAGES}
# lunr loads the whole index file when a visitor first searches: keep it small as news piles up
# over the years. The newest posts keep their whole text; older ones keep their title and first
# words (their sections are dropped). 100 x 3 languages: ~11-14 KB gzip per language; at 1,000
# posts a full-text index would be ~110-140 KB gzip, trimmed ~45 KB (scripts/bench.py reports it).
FULL_TEXT_POSTS = 100
TRIMMED_CHARS = 300
_POST = re.compile(r"^news/(\d{4}-\d{2}-\d{2})-[^/#]+/(#.*)?$")
SEPARATOR = r"[\s\-,:!=\[\]()\"/.«»„“”]+"


def az_fold_capitals(text: str) -> str:
    # The search worker lowercases with toLowerCase(): "İ" becomes "i̇" (i + combining dot) and
    # "I" becomes "i", both wrong for Azerbaijani. Folding these two letters in the index (and in
    # the query, see cpsites.js) makes "icma" find "İcma" and "ışıq" find "Işıq".
    return text.replace("İ", "i").replace("I", "ı")


def split_index(site_dir: Path, index: dict | None = None) -> dict[str, int]:
    """Rewrite site_dir/search/search_index.json (or `index`, every language's entries) into one
    index per language; returns doc counts."""
    if index is None:
        src = site_dir / "search" / "search_index.json"
        if not src.is_file():
            return {}
        index = json.loads(src.read_text("utf-8"))
    per_lang: dict[str, list[dict]] = {lang: [] for lang in LANGS}
    for doc in index.get("docs", []):
        loc = doc.get("location", "")
        lang = next((lg for lg in LANGS if lg != DEFAULT_LANG and (loc == lg + "/" or loc.startswith(lg + "/"))),
                    DEFAULT_LANG)
        if lang != DEFAULT_LANG:
            doc = {**doc, "location": loc[len(lang) + 1:]}
        if lang == "az":
            doc = {**doc, "title": az_fold_capitals(doc.get("title", "")),
                   "text": az_fold_capitals(doc.get("text", ""))}
        doc["text"] = re.sub(r"\s+", " ", doc.get("text", "")).strip()
        per_lang[lang].append(doc)
    counts = {}
    for lang in per_lang:
        per_lang[lang] = trim_old_posts(per_lang[lang])
    for lang, docs in per_lang.items():
        out_dir = site_dir / ("search" if lang == DEFAULT_LANG else f"{lang}/search")
        out_dir.mkdir(parents=True, exist_ok=True)
        # keep Material's other settings (its worker needs `fields`, or search never starts)
        config = {**index.get("config", {}), "lang": LUNR_LANG[lang], "separator": SEPARATOR,
                  "pipeline": ["stopWordFilter"]}
        (out_dir / "search_index.json").write_text(
            json.dumps({"config": config, "docs": docs}, ensure_ascii=False, separators=(",", ":")), "utf-8")
        counts[lang] = len(docs)
    return counts


def trim_old_posts(docs: list[dict]) -> list[dict]:
    """The newest FULL_TEXT_POSTS posts as they are; older posts' text cut to their first words
    and their section entries dropped. Everything else (pages, officers, events ...) untouched."""
    posts = sorted({m.group(0).split("#")[0] for d in docs if (m := _POST.match(d.get("location", "")))},
                   reverse=True)  # newest first: the address starts with the date
    old = set(posts[FULL_TEXT_POSTS:])
    out = []
    for doc in docs:
        loc = doc.get("location", "")
        page = loc.split("#")[0]
        if page in old and _POST.match(loc):
            if "#" in loc:
                continue
            text = doc.get("text", "")
            if len(text) > TRIMMED_CHARS:
                text = text[:TRIMMED_CHARS].rsplit(" ", 1)[0] + " …"
            doc = {**doc, "text": text}
        out.append(doc)
    return out
