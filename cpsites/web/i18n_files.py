"""mkdocs-static-i18n's per-file work of every language pass, done with plain strings.

In each of a department's three language passes mkdocs-static-i18n remakes every file of the
site as a file of that language (`suffix.create_i18n_file`: `about.ru.md` becomes `ru/about/`),
~15 pathlib objects a file and two debug messages formatted even when nobody reads them: 5 % of
a department's build at 100 posts. `create_i18n_file` below gives the same answer from string
operations that repeat pathlib's rules (`PurePath.suffix`, `stem`, `parent`, `with_suffix`) for
plain relative paths; a path it was not written for (a hidden part, a name ending in a dot) goes
to the plugin's own function. `tests/web/test_i18n_files.py` makes every file of the sample
sites, and odd names, both ways in every language and compares every attribute.

The function is mkdocs-static-i18n 1.3's (pyproject pins >=1.3,<1.4); `install()` replaces it
only while its source is the one this repeats (cpsites/web/mkdocs_patch.py). To drop this module:
delete it and its `install()` calls; builds are then slower, not different.
"""

from __future__ import annotations

import logging
import os
import re
from pathlib import PurePath

from mkdocs.structure.files import File
from mkdocs_static_i18n import suffix
from mkdocs_static_i18n.config import RE_LOCALE

from cpsites.web.mkdocs_patch import MethodPatch

# sha256 of the source of mkdocs-static-i18n 1.3's suffix.create_i18n_file, which this repeats
EXPECTED_DIGEST = "27e8221529f342fb6be31f64f7099bd4060f57f68fc553bfc97fddf0ba7a2f98"

# a relative path whose every part is a plain name (no "", ".", "..", hidden or dot-ended parts)
_PLAIN = re.compile(r"[^/.](?:[^/]*[^/.])?(?:/[^/.](?:[^/]*[^/.])?)*")


def _suffix(name: str) -> str:
    """PurePath(name).suffix of a plain name."""
    i = name.rfind(".")
    return name[i:] if 0 < i < len(name) - 1 else ""


def _stem(name: str) -> str:
    """PurePath(name).stem (and .with_suffix("")) of a plain name."""
    i = name.rfind(".")
    return name[:i] if 0 < i < len(name) - 1 else name


def _parent(path: str) -> str:
    return path.rpartition("/")[0] or "."


def _name(path: str) -> str:
    return "" if path == "." else path.rpartition("/")[2]


def _join(folder: str, name: str) -> str:
    return name if folder == "." else f"{folder}/{name}"


def create_i18n_file(file: File, current_language: str, default_language: str, all_languages: list,
                     config) -> File:
    """suffix.create_i18n_file, the same File from string operations (see the module)."""
    original = PATCH.original or suffix.create_i18n_file
    new = File(file.src_path, config.docs_dir, file.dest_path, config.use_directory_urls,
               dest_uri=file.dest_uri, inclusion=file.inclusion)
    dest, name = new.dest_path, new.name
    if os.sep != "/" or not _PLAIN.fullmatch(dest) or not _PLAIN.fullmatch(name):
        return original(file, current_language, default_language, all_languages, config)
    debug = suffix.log.isEnabledFor(logging.DEBUG)
    if debug:
        suffix.log.debug(f"reconfigure {file}")

    file_locale, localization = default_language, None
    locale_site_dir = current_language if current_language != default_language else ""
    last = _suffix(name)
    if last:  # Path(name).suffixes[-1], without its dot
        file_locale = last[1:]
        if file_locale in all_languages or RE_LOCALE.match(file_locale):
            leaf = _name(dest)  # about.az.html -> about.html
            dest = _join(_parent(dest), _stem(_stem(leaf))) + _suffix(leaf)
            new.name = _stem(name)
            localization = file_locale
        else:
            file_locale = default_language

    if config.use_directory_urls and localization and _parent(dest) != ".":
        folder = _parent(dest)  # its suffix off: news/post.az/index.html -> news/post/index.html
        dest = _join(_join(_parent(folder), _stem(_name(folder))), _name(dest))
        if _name(_parent(dest)) in ("index", "README"):  # index.ru.md -> index.ru/index.html -> index.html
            dest = _join(_parent(_parent(dest)), _name(dest))

    if _name(dest).endswith("README.html"):
        dest = _join(_parent(dest), "index.html")

    new.dest_path = _join(locale_site_dir, dest) if locale_site_dir else dest
    new.abs_dest_path = os.path.normpath(os.path.join(config.site_dir, new.dest_path))
    if new.name == "README":
        new.name = "index"
    new.url = new._get_url(config.use_directory_urls)
    if locale_site_dir and not new.url.strip("./") and PurePath(new.url).as_posix() == ".":
        new.url = suffix.urlquote(locale_site_dir + "/")

    new.alternates = {current_language: new}
    new.locale = file_locale
    new.locale_alternate_of = current_language
    new.localization = localization
    new.norm_src_uri = new.src_uri
    if localization:
        new.norm_src_uri = new.src_uri.replace(f".{localization}", "", 1)
    if debug:
        suffix.log.debug(f"reconfigure {new} from locale {file_locale}")
    return new


PATCH = MethodPatch(suffix, "create_i18n_file", create_i18n_file, EXPECTED_DIGEST, __name__,
                    package="mkdocs-static-i18n", tested="1.3")


def install() -> bool:
    """Use the string version from now on (False: another mkdocs-static-i18n, left as it is)."""
    return PATCH.install()
