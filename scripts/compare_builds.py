"""Are two commits' `make site` outputs byte-identical? For refactors that must not change output.

    .venv/bin/python scripts/compare_builds.py BEFORE [AFTER]   (AFTER defaults to HEAD)

Each commit is checked out in turn into the same temporary folder (WeasyPrint names pictures in
a PDF by their file address, so two folders would differ) and built with the clock pinned
(CPSITES_NOW, SOURCE_DATE_EPOCH) and empty caches; then every file is compared. Prints the
files that differ and exits 1 if any do. Takes two full builds (about three minutes on 2 cores).
"""

from __future__ import annotations

import filecmp
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
ENV = {"CPSITES_NOW": "2026-11-23 12:00", "SOURCE_DATE_EPOCH": "1790000000", "NO_MKDOCS_2_WARNING": "1"}


def differing(a: Path, b: Path) -> list[str]:
    out: list[str] = []
    cmp = filecmp.dircmp(a, b)
    stack = [(cmp, Path())]
    while stack:
        c, rel = stack.pop()
        out += [f"only in {a.name}: {rel / n}" for n in c.left_only] + [f"only in {b.name}: {rel / n}" for n in c.right_only]
        _, mismatch, errors = filecmp.cmpfiles(c.left, c.right, c.common_files, shallow=False)
        out += [f"differs: {rel / n}" for n in mismatch + errors]
        stack += [(sub, rel / name) for name, sub in c.subdirs.items()]
    return sorted(out)


def main() -> int:
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    # commits, not names: inside the temporary worktree "HEAD" would mean its own checkout
    before, after = (subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", rev], check=True,
                                    capture_output=True, text=True).stdout.strip()
                     for rev in (sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "HEAD"))
    work = Path(tempfile.mkdtemp(prefix="cpsites-compare-"))
    tree = work / "tree"
    subprocess.run(["git", "-C", str(REPO), "worktree", "add", "-q", "--detach", str(tree), before], check=True)
    try:
        for name, rev in (("before", before), ("after", after)):
            subprocess.run(["git", "-C", str(tree), "checkout", "-q", "--detach", rev], check=True)
            shutil.rmtree(work / "cache", ignore_errors=True)
            shutil.rmtree(work / "images", ignore_errors=True)
            env = {**os.environ, **ENV, "CPSITES_CACHE": str(work / "cache"),
                   "CPSITES_IMAGE_CACHE": str(work / "images"), "PYTHONPATH": str(tree)}
            subprocess.run([sys.executable, "-m", "cpsites.cli", "build", "--out", str(work / name), "--quiet"],
                           cwd=tree, env=env, check=True)
        found = differing(work / "before", work / "after")
        files = sum(1 for p in (work / "after").rglob("*") if p.is_file())
        print("\n".join(found) if found else f"identical: {files} files ({before} and {after})")
        return 1 if found else 0
    finally:
        subprocess.run(["git", "-C", str(REPO), "worktree", "remove", "--force", str(tree)], check=False)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
