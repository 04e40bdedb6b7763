"""A MkDocs method replaced by our copy of it, and only while MkDocs' own is the one we copied.

cpsites/web/theme_files.py and cpsites/web/markdown_reuse.py each repeat one MkDocs 1.6 method
with a speed-up. A copy is only right while the original is unchanged, so each records the
sha256 of the original's source: `compatible()` names what differs (another MkDocs, another
source), and `install()` replaces the method only when nothing does (else MkDocs' own runs:
same pages, slower).
"""

from __future__ import annotations

import hashlib
import inspect
from collections.abc import Callable
from importlib.metadata import version

TESTED = "1.6"  # MkDocs minor version (pyproject: mkdocs>=1.6,<1.7)


class MethodPatch:
    def __init__(self, owner: type, name: str, replacement: Callable, digest: str, module: str) -> None:
        self.owner, self.name, self.replacement, self.digest, self.module = owner, name, replacement, digest, module
        self.original: Callable | None = None  # MkDocs' own method, once replaced

    def source_digest(self) -> str:
        method = self.original or getattr(self.owner, self.name)
        return hashlib.sha256(inspect.getsource(method).encode()).hexdigest()

    def compatible(self) -> list[str]:
        """What differs from the MkDocs this was written against ([] when nothing)."""
        problems = []
        if not version("mkdocs").startswith(TESTED + "."):
            problems.append(f"MkDocs {version('mkdocs')} installed, cpsites is tested with {TESTED}.x")
        if self.source_digest() != self.digest:
            problems.append(f"MkDocs' {self.owner.__name__}.{self.name} is not the one {self.module} repeats")
        return problems

    def install(self) -> bool:
        """Replace the method; True when installed (False: MkDocs differs, left as it is)."""
        if self.original is not None:
            return True
        if self.compatible():
            return False
        self.original = getattr(self.owner, self.name)
        setattr(self.owner, self.name, self.replacement)
        return True
