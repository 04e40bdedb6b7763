"""Everything cpsites knows about mkdocs-static-i18n's internals, in one place.

mkdocs-static-i18n builds the whole site once per language; our plugin must know which language a
pass builds, whether it is an inner pass, the language-free path of a file, and must refresh the
plugin's per-language page list after adding generated pages (else they miss the sitemap). None of
that is public API, so it is read here only, checked against the version it was tested with
(`compatible()`), and `tests/web/test_i18n_plugin.py` fails loudly when an update changes it.
To drop this module: a web road without mkdocs-static-i18n (see README, "Architecture").
"""

from __future__ import annotations

from importlib.metadata import version
from typing import Any

TESTED = "1.3"  # mkdocs-static-i18n minor version (pyproject pins >=1.3,<1.4)
ATTRIBUTES = ("current_language", "building", "i18n_files_per_language")
# the plugin's event priorities ours are ordered around (see cpsites/web/plugin.py)
PRIORITIES = {"on_config": -100, "on_files": -100, "on_page_context": 50, "on_post_build": -100}


def installed_version() -> str:
    return version("mkdocs-static-i18n")


def compatible() -> list[str]:
    """What differs from the tested plugin ([] when nothing): version, attributes, priorities."""
    from mkdocs_static_i18n.plugin import I18n

    problems = []
    if not installed_version().startswith(TESTED + "."):
        problems.append(f"mkdocs-static-i18n {installed_version()} installed, cpsites is tested with {TESTED}.x")
    probe = I18n()
    for name in ATTRIBUTES:
        if not hasattr(probe, name):
            problems.append(f"mkdocs-static-i18n has no `{name}` any more")
    for event, priority in PRIORITIES.items():
        method = getattr(I18n, event, None)
        found = getattr(method, "mkdocs_priority", None)
        if found != priority:
            problems.append(f"mkdocs-static-i18n's {event} runs at priority {found}, cpsites expects {priority}")
    return problems


def plugin(config) -> Any | None:
    return config.plugins.get("i18n")


def current_language(config, default: str) -> str:
    """The language this pass builds (the default language outside mkdocs-static-i18n)."""
    i18n = plugin(config)
    return (getattr(i18n, "current_language", None) if i18n else None) or default


def inner_pass(config) -> bool:
    """True during the passes mkdocs-static-i18n runs for the other languages, inside the first."""
    i18n = plugin(config)
    return bool(i18n is not None and i18n.building)


def refresh_pages(config, lang: str, files) -> None:
    """Tell the plugin this language's pages after ours were added (its sitemap lists them)."""
    i18n = plugin(config)
    if i18n is not None:
        i18n.i18n_files_per_language[lang] = files.documentation_pages()


def only_languages(config, langs: set[str]) -> None:
    """Build only these languages in this run (the preview builds the page being looked at first)."""
    i18n = plugin(config)
    if i18n is not None:
        for language in i18n.config.languages:
            language.build = language.locale in langs


def single_language(config, lang: str) -> None:
    """Build only `lang` in this run, as if it were one of the plugin's passes: every language
    stays configured (the language switcher, the page lists), the plugin starts at `lang` and,
    believing itself inside its own loop, runs no other pass (cpsites/build.py builds a
    department's languages in processes side by side and merges them)."""
    i18n = plugin(config)
    if i18n is not None:
        i18n.current_language = lang
        i18n.building = True


def pages_of(config, lang: str) -> list:
    """The files of `lang`'s pass the plugin lists for the sitemap (refreshed by refresh_pages)."""
    i18n = plugin(config)
    return list(i18n.i18n_files_per_language.get(lang, [])) if i18n is not None else []


def drop_search_duplicates(docs: list[dict], langs: list[str]) -> None:
    """The plugin's `reconfigure_search` on a search index's entries of all languages, in place:
    an entry of /ru/ or /en/ identical to the default language's is dropped. The plugin's own
    code, run on entries merged from separate language builds."""
    from types import SimpleNamespace

    from mkdocs_static_i18n.reconfigure import ExtendedPlugin

    ExtendedPlugin.reconfigure_search_duplicates(SimpleNamespace(build_languages=list(langs)), docs)


def source_path(file) -> str:
    """The language-free source path: 'news/x.ru.md' -> 'news/x.md' (the plugin's norm_src_uri)."""
    return getattr(file, "norm_src_uri", None) or file.src_uri


def file_language(file) -> str | None:
    """The language a page's file is written in (None outside mkdocs-static-i18n)."""
    return getattr(file, "locale", None)


def set_alternates(config, alternate: list[dict]) -> None:
    """Material's language switcher; the plugin sets `extra.alternate` as an attribute, which
    shadows the item: set both."""
    config.extra["alternate"] = alternate
    config.extra.alternate = alternate
