"""A section of a department site: the one shape every content type's web pages take.

Each section module (news.py, officers.py, ...) ends with `SECTION = Section(...)`; the plugin
lists them in SECTIONS and calls them only through this class. Add a content type by writing such
a module and listing its SECTION there.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from cpsites.content import Site
from cpsites.web.generated import Generator

# (key, source path of the page the entry opens, {"az": title, "ru": ..., "en": ...})
NavEntry = tuple[str, str, Mapping[str, str]]


@dataclass(frozen=True)
class Settings:
    """What a build tells every section, from the department's mkdocs.yml (no module globals)."""

    site_url: str                # the department's address, ending in a slash
    news_page_size: int = 10     # posts per news list page (`news_page_size` of the cpsites plugin)


@dataclass(frozen=True)
class Section:
    name: str
    # the section's pages (and files) for gen.lang, added to the build
    generate: Callable[[Generator, Site, Settings], None]
    # menu entries, in order; an entry shows only where its page exists
    nav: Sequence[NavEntry] = ()
    # templates of blocks on the department's home page
    home_blocks: Sequence[str] = ()
    # folder -> template for pages press officers write in that folder
    page_templates: Mapping[str, str] = field(default_factory=dict)
    # more template data for a page (`cp.<key>`): (site, lang, page) -> dict
    context: Callable[[Site, str, Any], dict] | None = None
