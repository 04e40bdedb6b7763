"""A head start for a build worker: what every build does first and what stays valid after.

After one edit a single department is rebuilt, in a worker process that starts empty: it imports
MkDocs, Material, mkdocs-static-i18n and the Markdown extensions, lists Material's 14,500 theme
files, loads the compiled templates and reads the department's content before it renders a page
(about a second). The build starts that worker while the main process still checks the content,
and the worker spends the wait on this (cpsites/build.py, `warm_pool`). Everything done here is
kept by the same per-process caches the build uses, which check their inputs again: an edit made
meanwhile is seen.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import logging
from pathlib import Path


def warm_up(config_files: list[str]) -> None:
    """Best effort: any problem is left for the build, which reports it properly (so MkDocs'
    own messages are silenced meanwhile: with no handler, Python would print them raw)."""
    mkdocs_log = logging.getLogger("mkdocs")
    level = mkdocs_log.level
    mkdocs_log.setLevel(logging.CRITICAL + 1)
    try:
        for config_file in config_files:
            try:
                _warm_up(Path(config_file))
            except Exception:  # noqa: BLE001 - a head start only; the build meets the problem again
                logging.getLogger("cpsites").debug("warm-up of %s skipped", config_file, exc_info=True)
    finally:
        mkdocs_log.setLevel(level)
    # what is loaded now lives as long as the process: out of the garbage collector's way (its
    # full passes walk every object, and in a forked language process touching them copies pages)
    gc.freeze()


def _compiled_before(env, name: str) -> bool:
    cache = env.bytecode_cache
    if cache is None:
        return True
    source, filename, _uptodate = env.loader.get_source(env, name)
    return cache.get_bucket(env, name, filename, source).code is not None


def _warm_up(config_file: Path) -> None:
    import markdown
    from mkdocs.config import load_config

    from cpsites.i18n import LANGS, format_date
    from cpsites.web import theme_files
    from cpsites.web.plugin import prepare_env

    config = load_config(str(config_file))  # imports the plugins and the theme
    markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)
    patterns = theme_files._patterns(config)
    for folder in config.theme.dirs:
        theme_files._names(folder, patterns)
    env = config.theme.get_env()
    prepare_env(env, config)  # the build's own settings: autoescape above all
    # only the templates a build compiled before (their code is in the build cache): compiling
    # the others (Material's blog, which fails without its plugin, and templates no page uses)
    # made the first warm-up after a cold build take 1.3 s instead of 0.5 s
    for name in env.list_templates(filter_func=lambda n: n.endswith(".html") and not n.startswith(".")):
        try:
            if _compiled_before(env, name):
                env.get_template(name)
        except Exception:  # noqa: BLE001 - a head start only
            continue
    for lang in LANGS:  # babel reads each language's data on first use
        format_date(dt.date(2026, 1, 1), lang)
    with contextlib.suppress(Exception):  # the Open Graph font: fc-match and a font's table (~0.1 s)
        from cpsites.images.og import find_font

        find_font(True)
    # what each build process would otherwise do once for itself (a department's languages are
    # built in processes forked from this one): the calendars' time zone (~30 ms), and the
    # patches' check of MkDocs' source (inspect reads and tokenizes it)
    from cpsites.web import i18n_files, markdown_reuse
    from cpsites.web.events import baku_timezone

    baku_timezone()
    theme_files.install()
    markdown_reuse.install()
    i18n_files.install()
    if (config_file.parent / "department.yml").is_file():
        from cpsites.content import load_site

        load_site(config_file.parent)
