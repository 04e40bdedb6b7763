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
from typing import Any
from importlib.metadata import version

TESTED = "1.6"  # MkDocs minor version (pyproject: mkdocs>=1.6,<1.7)


class MethodPatch:
    """`owner` (a class, or a module for a function) gets `replacement` as `name`; `package` and
    `tested`: the distribution that ships the original and its minor version copied here."""

    def __init__(self, owner: Any, name: str, replacement: Callable, digest: str, module: str,
                 package: str = "mkdocs", tested: str = TESTED) -> None:
        self.owner, self.name, self.replacement, self.digest, self.module = owner, name, replacement, digest, module
        self.package, self.tested = package, tested
        self.original: Callable | None = None  # the package's own method, once replaced

    def source_digest(self) -> str:
        method = self.original or getattr(self.owner, self.name)
        return hashlib.sha256(inspect.getsource(method).encode()).hexdigest()

    def compatible(self) -> list[str]:
        """What differs from the MkDocs this was written against ([] when nothing)."""
        problems = []
        if not version(self.package).startswith(self.tested + "."):
            problems.append(f"{self.package} {version(self.package)} installed, cpsites is tested with {self.tested}.x")
        if self.source_digest() != self.digest:
            problems.append(f"{self.package}'s {self.owner.__name__}.{self.name} is not the one {self.module} repeats")
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
