"""Merge builds made apart (one CI job per department) into one site, atomically.

`cpsites build --dept ganja --out parts/ganja` writes the portal and one department. A CI matrix
runs one such job per department in parallel; `cpsites merge parts/* --out site` then takes the
portal from the first part and each department's folder from the part that built it. Every part
is already pre-compressed. The portal of every part is built from the same sources (it lists every
department.yml), so the parts must agree on it: a part whose portal differs is an error, because
it was built from another commit.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

from cpsites.publish import recover, swap
from cpsites.errors import ContentError, Problem
from cpsites.incremental import link_tree


def _portal_files(part: Path, departments: set[str]) -> dict[str, str]:
    out = {}
    for folder, dirs, files in os.walk(part):
        rel = Path(folder).relative_to(part)
        if rel == Path("."):
            dirs[:] = [d for d in dirs if d not in departments]
        for name in files:
            if name.endswith((".gz", ".br")):
                continue
            p = Path(folder) / name
            out[(rel / name).as_posix()] = hashlib.sha256(p.read_bytes()).hexdigest()
    return out


def merge_sites(parts: list[Path], out: Path, departments: set[str]) -> dict[str, Path]:
    """Merge `parts` into `out`; returns {department: the part it came from}."""
    parts = [Path(p).resolve() for p in parts]
    out = Path(out).resolve()
    problems = [Problem(str(p), 0, "not a built site (no index.html); build it with `cpsites build --dept SLUG "
                        "--out FOLDER` first") for p in parts if not (p / "index.html").is_file()]
    if problems:
        raise ContentError(problems)
    found: dict[str, Path] = {}
    for part in parts:
        for child in sorted(part.iterdir()):
            if child.name in departments and (child / "index.html").is_file():
                if child.name in found:
                    raise ContentError(Problem(str(part), 0, f'department "{child.name}" is in two parts '
                                               f"({found[child.name]} and {part}); build each department once"))
                found[child.name] = part
    portal = _portal_files(parts[0], departments)
    for part in parts[1:]:
        other = _portal_files(part, departments)
        differ = sorted(k for k in portal.keys() | other.keys() if portal.get(k) != other.get(k))
        if differ:
            raise ContentError(Problem(str(part), 0, f"its portal differs from {parts[0]}'s in {len(differ)} files "
                                       f"(first: {differ[0]}); build every part from the same commit"))
    recover(out)
    tmp = out.parent / f".{out.name}.building-{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    try:
        link_tree(parts[0], tmp, skip=departments)
        for slug, part in found.items():
            link_tree(part / slug, tmp / slug)
        swap(tmp, out)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return found
