"""What a site needs once all its languages are built: the work that spans languages.

mkdocs-static-i18n builds a site once per language, one pass after another in one process. Each
pass leaves a `LanguagePass` record; after the last one `finish` writes what needs them all: the
root 404 page (every pass writes one there, the default language's is kept), one search index per
language, and the sitemap. A department's languages can also be built in processes side by side
(cpsites/build.py, after a small edit: two cores for one department): `merge` then gathers the
other languages' output folders into the default language's, and the same `finish` runs on the
records the processes sent back, so both ways write the same bytes (tests/web/test_languages.py).
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from cpsites.i18n import DEFAULT_LANG, LANGS
from cpsites.web import i18n_plugin, search, sitemap


@dataclass
class LanguagePass:
    """What one language's pass leaves for `finish` (picklable: it crosses processes)."""

    lang: str
    site_url: str = ""
    pages: list[str] = field(default_factory=list)        # page addresses, for the sitemap
    fallback: set[str] = field(default_factory=set)       # pages showing the default language's text
    not_found: bytes | None = None                        # this language's 404 page


def finish(site_dir: Path, passes: list[LanguagePass], search_index: dict | None = None) -> None:
    """`search_index`: every language's entries in one index (else read from search/, where
    mkdocs-static-i18n leaves it after its last pass)."""
    by_lang = {p.lang: p for p in passes}
    default = by_lang.get(DEFAULT_LANG)
    if default is not None and default.not_found is not None:
        (site_dir / "404.html").write_bytes(default.not_found)
    search.split_index(site_dir, search_index)
    fallback = set().union(*(p.fallback for p in passes)) if passes else set()
    site_url = passes[0].site_url if passes else ""
    sitemap.write(site_dir, site_url, {p.lang: p.pages for p in passes}, fallback)


def merge(site_dir: Path, parts: dict[str, Path]) -> dict | None:
    """Move the other languages' output folders (`parts`: language -> folder) into the default
    language's `site_dir`; returns the search index of all languages (default first, as
    mkdocs-static-i18n stacks them). A file both have (Material's assets, a shared picture) is the
    same in both and kept from `site_dir`; the parts' own search index and 404 are theirs only."""
    own = _read_index(site_dir)
    docs = list(own.get("docs", []))
    for lang in LANGS:
        if lang in parts:
            docs += _read_index(parts[lang]).get("docs", [])
    i18n_plugin.drop_search_duplicates(docs, list(LANGS))
    for part in parts.values():
        _move_missing(part, site_dir)
        shutil.rmtree(part, ignore_errors=True)
    return {**own, "docs": docs} if own else None


def _read_index(folder: Path) -> dict:
    try:
        return json.loads((folder / "search" / "search_index.json").read_bytes())
    except FileNotFoundError:
        return {}


def _move_missing(src: Path, dest: Path) -> None:
    """Everything under `src` that `dest` lacks, moved (whole folders in one rename)."""
    with os.scandir(src) as entries:
        for entry in entries:
            target = dest / entry.name
            if not os.path.lexists(target):
                os.replace(entry.path, target)
            elif entry.is_dir(follow_symlinks=False) and target.is_dir():
                _move_missing(Path(entry.path), target)
