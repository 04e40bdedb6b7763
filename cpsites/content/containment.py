"""Files stay inside the project: nothing a department publishes may come from outside its folder.

A picture, story, video or page reached through a symbolic link or `..` could publish any file of
the machine that builds the site (a story once embedded a local system file into a PDF). Every
path content names is resolved (links followed) and must land inside the department's folder;
every link inside the folder must point inside it too, because MkDocs copies docs/ as it finds it.
"""

from __future__ import annotations

import os
from contextvars import ContextVar
from pathlib import Path

from cpsites.content.once import keeping
from cpsites.errors import Problem, display_path


# Resolving a path asks the file system about each of its folders: loading a department resolved
# the same files and folders four times over (a quarter of a check). Within one load the answers
# are kept; outside one (`resolving_once`) every call asks again.
_RESOLVED: ContextVar[dict[str, str] | None] = ContextVar("cpsites_resolved", default=None)


def resolving_once():
    """Within this block (one department's load and check) each path is resolved once."""
    return keeping(_RESOLVED)


def _real(path: Path | str) -> str:
    memo, name = _RESOLVED.get(), os.fspath(path)
    if memo is None:
        return os.path.realpath(name)
    real = memo.get(name)
    if real is None:
        real = memo[name] = os.path.realpath(name)
    return real


def inside(path: Path, *roots: Path) -> bool:
    """True when `path`, with every link and `..` resolved, lies in one of `roots`."""
    real = Path(_real(path))
    return any(real.is_relative_to(_real(r)) for r in roots)


def outside_links(root: Path, *shared: Path) -> list[Problem]:
    """Every symbolic link under `root` that leads outside it (and outside `shared` folders)."""
    root = Path(root)
    problems: list[Problem] = []
    if not root.is_dir():
        return problems
    for folder, dirs, files in os.walk(root, followlinks=False):
        for name in sorted(dirs + files):
            path = Path(folder) / name
            if not path.is_symlink():
                continue
            if name.startswith(".") and name in dirs:
                continue  # .git and editors' folders are not published
            if not inside(path, root, *shared):
                problems.append(Problem(display_path(path), 0,
                                        f"this is a link to {os.path.realpath(path)}, outside the "
                                        f"department's folder {display_path(root)}; content may only use "
                                        "files inside it: copy the file here instead of linking it"))
        dirs[:] = [d for d in dirs if not d.startswith(".")]
    return problems


def outside_message(rel: str, where: Path) -> str:
    """Why a path named in content (`../../x`, a link) is refused: the words every loader uses."""
    return (f'"{rel}" leads outside {display_path(where)}/; content may only use files inside the '
            "department's folder: copy the file there and give its path from there")
