"""Where the project is and what its configuration says, found in one place.

The project folder is the nearest folder (from where a command runs) holding mkdocs.yml and
sites/. A department's public address is the `site_url` of its sites/<slug>/mkdocs.yml, the one
the web road publishes under; the print road prints it (newspaper QR codes, business cards).
"""

from __future__ import annotations

import re
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


def site_url(site_root: Path, slug: str) -> str:
    """The department's address as its mkdocs.yml gives it, ending in a slash."""
    config = Path(site_root) / "mkdocs.yml"
    m = _SITE_URL.search(config.read_text("utf-8")) if config.is_file() else None
    url = m.group(1) if m else f"{PORTAL}{slug}/"
    return url if url.endswith("/") else url + "/"
