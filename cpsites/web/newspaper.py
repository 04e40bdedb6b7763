"""The newspaper archive page of a department, per language, with the PDFs and cover thumbnails.

The print road renders every edition before the sites are built and records them in a manifest
(cpsites/editions.py); here the manifest is only read and the files added to the site:
newspaper/<issue>-<lang>-screen.pdf, -print.pdf and -cover.jpg, shared by the three language
versions of the archive page. The web road never imports the print road.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from cpsites.content import Site
from cpsites.editions import published_editions
from cpsites.i18n import UI, LANG_NAMES, format_date, t
from cpsites.web.generated import Generator
from cpsites.web.section import Section, Settings

NAV = [("newspaper", "newspaper/index.md", UI["nav_newspaper"])]
TEMPLATE = "cpsites/newspaper.html"


def generate(gen: Generator, site: Site, settings: Settings) -> None:
    issues = site.issues
    if not issues:
        return
    published = published_editions(site)
    lang = gen.lang
    entries: list[dict[str, Any]] = []
    for issue in issues:  # newest first
        editions = []
        # the reader's language first, then the others
        for ed_lang in sorted(issue.languages, key=lambda lg: (lg != lang, lg)):
            files = published[(issue.id, ed_lang)]
            urls = {kind: gen.cached(f"newspaper/{path.name}", path) for kind, path in files.items()}
            editions.append({
                "lang": ed_lang,
                "lang_name": LANG_NAMES[ed_lang],
                "screen": urls["screen"], "print": urls["print"], "cover": urls["cover"],
                "screen_size": _size(files["screen"]),
                "print_size": _size(files["print"]),
            })
        title = site.department.newspaper.get(lang)
        entries.append({
            "id": issue.id,
            "number": issue.number,
            "date": format_date(issue.date, lang),
            "iso_date": issue.date.isoformat(),
            "label": t("paper_issue", lang, number=issue.number, date=format_date(issue.date, lang)),
            "pages": issue.data.pages,
            "cover_alt": t("paper_cover", lang, title=title, number=issue.number),
            "editions": editions,
        })
    gen.page("newspaper/index.md", site.department.newspaper.get(lang), TEMPLATE, {
        "issues": entries,
        "intro": t("paper_archive_intro", lang),
    }, description=t("paper_archive_intro", lang))


def _size(path: Path) -> str:
    size = path.stat().st_size
    return f"{size / 1e6:.1f} MB" if size >= 1e6 else f"{max(1, round(size / 1e3))} KB"


SECTION = Section("newspaper", generate, nav=NAV)
