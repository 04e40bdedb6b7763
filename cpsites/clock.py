"""Time in a build: its "now" in Baku time (what counts as upcoming: events, broadcasts), and the
time stamped into built files (build_time), which is never the wall clock.

CPSITES_NOW="2026-11-23 12:00" pins it, so tests and screenshots do not change with the calendar.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from functools import lru_cache
from pathlib import Path

from cpsites.i18n import TZ


def now() -> dt.datetime:
    pinned = os.environ.get("CPSITES_NOW")
    if pinned:
        value = dt.datetime.fromisoformat(pinned)
        return value.replace(tzinfo=TZ) if value.tzinfo is None else value.astimezone(TZ)
    return dt.datetime.now(TZ)


def build_time(folder: Path | str) -> dt.datetime:
    """The time written into built files (feeds' lastBuildDate, calendars' DTSTAMP), in UTC.

    Not the wall clock, so that two builds of the same sources give the same bytes
    (reproducible builds): $SOURCE_DATE_EPOCH when set (the convention of reproducible-builds.org),
    else the date of the last commit that touched `folder` (a department's own history, so a
    commit elsewhere does not change its files), else the newest file in it. Distinct from now():
    that one decides what is upcoming; this one only stamps files.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc)
    return _folder_time(str(Path(folder).resolve()))


@lru_cache(maxsize=64)
def _folder_time(folder: str) -> dt.datetime:
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%ct", "--", "."], cwd=folder, capture_output=True,
                             text=True, timeout=20)
        if out.returncode == 0 and out.stdout.strip().isdigit():
            return dt.datetime.fromtimestamp(int(out.stdout.strip()), dt.timezone.utc)
    except (OSError, subprocess.SubprocessError):
        pass  # no git, or not a checkout: fall back to the files themselves
    newest = max((p.stat().st_mtime for p in Path(folder).rglob("*")
                  if p.is_file() and not any(part.startswith(".") for part in p.parts)), default=0)
    return dt.datetime.fromtimestamp(int(newest), dt.timezone.utc)
