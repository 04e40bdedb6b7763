"""The build's "now" in Baku time: what counts as upcoming (events, broadcasts) at build time.

CPSITES_NOW="2026-11-23 12:00" pins it, so tests and screenshots do not change with the calendar.
"""

from __future__ import annotations

import datetime as dt
import os

from cpsites.i18n import TZ


def now() -> dt.datetime:
    pinned = os.environ.get("CPSITES_NOW")
    if pinned:
        value = dt.datetime.fromisoformat(pinned)
        return value.replace(tzinfo=TZ) if value.tzinfo is None else value.astimezone(TZ)
    return dt.datetime.now(TZ)
