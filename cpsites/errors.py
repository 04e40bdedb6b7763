"""Errors a press officer can act on: file, line, what is wrong and how to fix it."""

from __future__ import annotations

from dataclasses import dataclass, field
import os
from pathlib import Path


@dataclass(order=True)
class Problem:
    """One finding about content. Sorted by file, then line; errors before warnings."""

    file: str
    line: int = 0
    message: str = ""
    severity: str = field(default="error", compare=False)

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        prefix = "" if self.severity == "error" else "warning: "
        return f"{where}: {prefix}{self.message}"


class ContentError(Exception):
    """Raised when content cannot be published; carries one or more problems."""

    def __init__(self, problems: list[Problem] | Problem):
        self.problems = [problems] if isinstance(problems, Problem) else list(problems)
        super().__init__("\n".join(str(p) for p in sorted(self.problems)))

    def __reduce__(self):
        # pickled by its problems (a forked layout process hands its error to the parent)
        return (ContentError, (self.problems,))

    @classmethod
    def at(cls, file: Path | str, message: str, line: int = 0) -> "ContentError":
        return cls(Problem(display_path(file), line, message))


def display_path(path: Path | str) -> str:
    """Paths in messages are relative to the working directory when possible (sites/ganja/...)."""
    p = Path(path)
    try:
        # the folder resolved, the name kept: a file that is a link is named as written, not as
        # the file it points to (messages about links must name the link)
        real = Path(os.path.realpath(p.parent)) / p.name if p.name else p.resolve()
        return str(real.relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(p)
