"""Pages our plugin generates for the language being built (listings, officer pages, feeds...).

mkdocs-static-i18n rebuilds the whole site once per language; each pass we add this language's
pages to the Files it handed us, with the language prefix in dest_uri (az at the root).
"""

from __future__ import annotations

from typing import Any

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from cpsites.i18n import prefix
from cpsites.web.theme_files import cached_file

_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


PLUGIN = "cpsites"  # our plugin's name (pyproject's entry point): MkDocs stamps the files we generate with it


def is_generated(page) -> bool:
    """A page this plugin generated (listings, officer pages...), told by MkDocs' own `generated_by`
    (File.generated records the plugin that was running), not by a mark in the page's front matter."""
    return page is not None and getattr(page.file, "generated_by", None) == PLUGIN


class Generator:
    """Adds generated pages and files for one language pass and remembers their template data."""

    def __init__(self, config: MkDocsConfig, files: Files, lang: str):
        self.config, self.files, self.lang = config, files, lang
        self.data: dict[str, dict[str, Any]] = {}  # page url -> data for its template
        self.added: list[File] = []

    def page(self, src_uri: str, title: str, template: str, data: dict | None = None,
             body: str = "", searchable: bool = False, description: str | None = None) -> str:
        """A Markdown page at src_uri (e.g. 'news/page/2.md'); returns its site-relative URL."""
        meta: dict[str, Any] = {"title": title, "template": template}
        if not searchable:
            meta["search"] = {"exclude": True}
        if description:
            meta["description"] = description
        # libyaml's emitter where installed: the pure-Python one was 2 % of a department's build
        text = "---\n" + yaml.dump(meta, Dumper=_DUMPER, allow_unicode=True) + "---\n\n" + body
        f = self._add(src_uri, text)
        self.data[f.url] = data or {}
        return f.url

    def asset(self, src_uri: str, content: str | bytes) -> str:
        """A non-page file (feed, JSON, .ics, .vcf) at the language prefix; returns its URL."""
        return self._add(src_uri, content).url

    def _add(self, src_uri: str, content: str | bytes) -> File:
        existing = self.files.get_file_from_path(src_uri)
        if existing is not None:
            self.files.remove(existing)
        f = File.generated(self.config, src_uri, content=content)
        f.dest_uri = prefix(self.lang) + f.dest_uri
        self.files.append(f)
        self.added.append(f)
        return f

    def cached(self, dest: str, path) -> str:
        """A file a cache made (a newspaper or print PDF, a cover), shared by every language (no
        language prefix), published once at `dest` as a link to the cache's file; returns `dest`."""
        if self.files.get_file_from_path(dest) is None:
            self.files.append(cached_file(self.config, dest, path))
        return dest

    def url(self, src_uri_or_path: str) -> str:
        """URL of a page of this language given its language-free path ('news/x/' -> 'ru/news/x/')."""
        return prefix(self.lang) + src_uri_or_path
