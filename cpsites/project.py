"""Where the project is and what its configuration says, found in one place.

The project folder is the nearest folder (from where a command runs, or from a file) holding
mkdocs.yml and sites/. Its caches live in .cache/ there, or in $CPSITES_CACHE. A department's
public address is the `site_url` of its sites/<slug>/mkdocs.yml, the one the web road publishes
under; the print road prints it (newspaper QR codes, business cards).
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

PORTAL = "https://icma-polisi.example/"  # when a department's mkdocs.yml names no site_url
_SITE_URL = re.compile(r"^site_url:\s*['\"]?(\S+?)['\"]?\s*$", re.M)


def find_root(start: Path | None = None) -> Path | None:
    """The nearest folder from `start` (default: the working folder) up holding mkdocs.yml and sites/."""
    here = Path(start or Path.cwd()).resolve()
    for p in (here, *here.parents):
        if (p / "mkdocs.yml").is_file() and (p / "sites").is_dir():
            return p
    return None


def cache_dir(root: Path) -> Path:
    """The project's caches (build manifest, papers, products, the editor's staging): $CPSITES_CACHE,
    else .cache in the project folder. Pictures have their own (cpsites/images/cache.py)."""
    return Path(os.environ.get("CPSITES_CACHE", Path(root) / ".cache"))


def _now() -> dt.datetime:
    from cpsites import clock

    return clock.now()


@dataclass(frozen=True)
class Project:
    """The project a command works on: made once per command (cli.current_project) and handed to
    check, build, paper, cards and the preview, whose workers get its folders with their jobs."""

    root: Path
    now: dt.datetime = field(default_factory=_now)  # one moment per command (Baku; CPSITES_NOW pins it)

    @classmethod
    def find(cls, start: Path | None = None) -> "Project | None":
        root = find_root(start)
        return cls(root) if root is not None else None

    @property
    def cache(self) -> Path:
        return cache_dir(self.root)

    def department_dirs(self) -> list[Path]:
        """sites/<slug>/ of every department (a folder holding department.yml), sorted."""
        return sorted(p for p in (self.root / "sites").iterdir() if (p / "department.yml").is_file())

    def site_url(self, slug: str) -> str:
        return site_url(self.root / "sites" / slug, slug)


def site_url(site_root: Path, slug: str) -> str:
    """The department's address as its mkdocs.yml gives it, ending in a slash."""
    config = Path(site_root) / "mkdocs.yml"
    m = _SITE_URL.search(config.read_text("utf-8")) if config.is_file() else None
    url = m.group(1) if m else f"{PORTAL}{slug}/"
    return url if url.endswith("/") else url + "/"
