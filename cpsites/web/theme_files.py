"""The theme's static files (Material's scripts, styles, fonts), listed once per process.

MkDocs' `Files.add_files_from_theme` walks every theme folder and tests each of its names against
a dozen patterns, in every build and in every language pass: Material ships 14,500 files (its
icon sets), so that is ~0.5 s per department, more than a tenth of its build, to find the same
few dozen files each time. `install()` replaces the method with one that lists a folder inside
the installed packages (Material) once per process, and every other folder (overrides/, which a
press office may edit while the preview runs) every time. The files it adds, and their order,
are MkDocs' own: `tests/web/test_theme_files.py` compares both on the installed versions.
They, and the files caches made (processed pictures, newspaper and print PDFs: `cached_file`,
hard links), are `StaticFile`s: copied in the first language pass only.

The method is MkDocs 1.6's (pyproject pins mkdocs>=1.6,<1.7); `compatible()` (cpsites/web/mkdocs_patch.py) checks its source is
the one this was written against, and `install()` leaves MkDocs alone when it is not.
To drop this module: delete it and its `install()` call; builds are then slower, not different.
"""

from __future__ import annotations

import fnmatch
import os
import sysconfig
from pathlib import Path

from mkdocs.structure.files import File, Files

from cpsites.web.mkdocs_patch import MethodPatch

# sha256 of the source of MkDocs 1.6's Files.add_files_from_theme: what `_add_files_from_theme` repeats
EXPECTED_DIGEST = "0169dd2b1c22ca136924ca9136a97b690ba2711d8896258e5858a237c186a12e"

_LISTED: dict[tuple, frozenset[str]] = {}
# folders whose files do not change while a process runs (the installed packages)
_PACKAGES = tuple({os.path.realpath(p) for p in (sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"])})


def _patterns(config) -> list[str]:
    # exactly MkDocs 1.6's filter (mkdocs/structure/files.py, add_files_from_theme)
    from mkdocs import utils

    patterns = [".*", "*/.*", "*.py", "*.pyc", "*.html", "*readme*", "mkdocs_theme.yml"]
    patterns.append("locales/*")
    patterns.extend(f"*{x}" for x in utils.markdown_extensions)
    patterns.extend(config.theme.static_templates)
    return patterns


def _names(folder: str, patterns: list[str]) -> frozenset[str]:
    """The static files of one theme folder, as jinja2's FileSystemLoader names them."""
    key = (folder, tuple(patterns))
    fixed = os.path.realpath(folder).startswith(_PACKAGES)
    if fixed and key in _LISTED:
        return _LISTED[key]
    found = set()
    for dirpath, _dirs, files in os.walk(folder, followlinks=True):
        for name in files:
            rel = os.path.relpath(os.path.join(dirpath, name), folder).replace(os.sep, "/")
            if rel.startswith("./"):
                rel = rel[2:]
            lower = rel.lower()
            if not any(fnmatch.fnmatch(lower, p) for p in patterns):
                found.add(rel)
    names = frozenset(found)
    if fixed:
        _LISTED[key] = names
    return names


class StaticFile(File):
    """A theme file or processed picture: copied once per build, not once per language pass.

    mkdocs-static-i18n's three passes each copy every static file to the same place; a copy at
    least as new as its source, of the same size, is the one this build made already (the preview
    copies again a file edited since)."""

    link_from_cache = False  # True for files a cache made (cached_file)

    def copy_file(self, dirty: bool = False) -> None:
        try:
            src, dest = os.stat(self.abs_src_path), os.stat(self.abs_dest_path)
            if dest.st_size == src.st_size and dest.st_mtime_ns >= src.st_mtime_ns:
                return
        except (OSError, TypeError):
            pass
        if self.link_from_cache:
            # a processed picture: a hard link to the picture cache's file costs no copy (the
            # cache and the site never change a file in place: both write by rename)
            try:
                os.makedirs(os.path.dirname(self.abs_dest_path), exist_ok=True)
                if os.path.lexists(self.abs_dest_path):
                    os.unlink(self.abs_dest_path)
                os.link(self.abs_src_path, self.abs_dest_path)
                return
            except OSError:
                pass  # another file system: copy
        super().copy_file(dirty)


def cached_file(config, dest: str, cached: Path | str) -> StaticFile:
    """A file a cache made (a processed picture, a newspaper or print PDF, a cover), published at
    `dest`: a hard link to the cache's file, made once per build (the three language passes each
    copied every PDF again)."""
    f = StaticFile.generated(config, dest, abs_src_path=str(cached))
    f.link_from_cache = True
    return f


def _add_files_from_theme(self, env, config) -> None:
    """MkDocs 1.6's add_files_from_theme, with each installed folder's listing kept (see above)."""
    patterns = _patterns(config)
    listed = [(folder, _names(folder, patterns)) for folder in config.theme.dirs]
    for path in sorted(set().union(*(names for _, names in listed))):
        # theme files do not override docs_dir files; the first theme folder that has it wins
        if self.get_file_from_path(path) is None:
            for folder, names in listed:
                if path in names:
                    self.append(StaticFile(path, folder, config.site_dir, config.use_directory_urls))
                    break


PATCH = MethodPatch(Files, "add_files_from_theme", _add_files_from_theme, EXPECTED_DIGEST, "cpsites/web/theme_files.py")
compatible = PATCH.compatible
install = PATCH.install
