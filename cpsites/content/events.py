"""Events: sites/<slug>/events/<date>-<name>.yml, one file per event.

Open days, advisory group and working group meetings, school visits, competitions, tournaments,
road-safety campaigns, press meetings. Start and end are local time in Baku.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import field_validator

from cpsites.content.department import Coordinates
from cpsites.content.fields import BakuDateTime, check_date_prefix, check_file, load_folder, load_model
from cpsites.content.schema import Strict, Text
from cpsites.content.source import line_of
from cpsites.errors import ContentError
from cpsites.i18n import format_datetime

ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")

# What kind of event it is: a label per language, and the schema.org type closest to it.
KINDS: dict[str, dict[str, str]] = {
    "open-day": {"az": "Açıq Qapı Günü", "ru": "День открытых дверей", "en": "Open Day", "schema": "Event"},
    "advisory-group": {"az": "İctimai Məsləhət Qrupunun iclası", "ru": "Заседание общественной консультативной группы",
                       "en": "Community Advisory Group meeting", "schema": "Event"},
    "working-group": {"az": "İşçi Qrupun iclası", "ru": "Заседание рабочей группы",
                      "en": "CP Working Group meeting", "schema": "Event"},
    "school-visit": {"az": "Məktəbdə görüş", "ru": "Встреча в школе", "en": "School visit", "schema": "EducationEvent"},
    "competition": {"az": "Müsabiqə", "ru": "Конкурс", "en": "Competition", "schema": "EducationEvent"},
    "football": {"az": "Futbol turniri", "ru": "Футбольный турнир", "en": "Football tournament", "schema": "SportsEvent"},
    "road-safety": {"az": "Yol təhlükəsizliyi aksiyası", "ru": "Акция по безопасности дорожного движения",
                    "en": "Road-safety campaign", "schema": "Event"},
    "clean-internet": {"az": "Təhlükəsiz internet", "ru": "Безопасный интернет", "en": "Clean internet",
                       "schema": "EducationEvent"},
    "press-meeting": {"az": "Mətbuat görüşü", "ru": "Встреча с прессой", "en": "Press meeting", "schema": "Event"},
    "reception": {"az": "Vətəndaşların qəbulu", "ru": "Приём граждан", "en": "Public reception", "schema": "Event"},
    "other": {"az": "Tədbir", "ru": "Мероприятие", "en": "Event", "schema": "Event"},
}


class EventFile(Strict):
    kind: str
    title: Text
    start: BakuDateTime
    end: BakuDateTime
    place: Text
    address: Text | None = None
    coordinates: Coordinates | None = None
    description: Text  # Markdown
    group: str | None = None  # id of a community group (groups/<id>.yml) that meets here
    image: str | None = None
    image_alt: Text | None = None

    @field_validator("kind")
    @classmethod
    def _known_kind(cls, value: str) -> str:
        if value not in KINDS:
            raise ValueError(f'unknown kind "{value}"; use one of: {", ".join(KINDS)}')
        return value


@dataclass
class Event:
    """One event; `id` is the file name without .yml and names its page (events/<id>/)."""

    id: str
    data: EventFile
    path: Path
    text: str

    def __getattr__(self, name: str) -> Any:
        if name != "data" and name in EventFile.model_fields:
            return getattr(self.data, name)
        raise AttributeError(name)

    def kind_label(self, lang: str) -> str:
        return KINDS[self.data.kind][lang]

    @property
    def schema_type(self) -> str:
        return KINDS[self.data.kind]["schema"]

    def url(self) -> str:
        return f"events/{self.id}/"


def load_event(path: Path, docs_dir: Path) -> Event:
    if not ID.match(path.stem):
        raise ContentError.at(path, f'the file name "{path.name}" should use only small Latin letters, digits '
                              "and dashes (for example 2026-12-05-open-day.yml): it becomes the page address")
    data, text = load_model(EventFile, path)
    if data.end <= data.start:
        raise ContentError.at(path, f"`end` ({format_datetime(data.end, 'en')}) is not after `start` "
                              f"({format_datetime(data.start, 'en')}); an event must end after it starts "
                              "(check the date and the hour, written as YYYY-MM-DD HH:MM)", line_of(text, "end"))
    check_date_prefix(path, text, "start", data.start.date())
    if data.image:
        check_file(docs_dir, data.image, path, text, "image", "image")
        if not data.image_alt:
            raise ContentError.at(path, "`image_alt` is missing: describe the photo for readers who cannot "
                                  "see it", line_of(text, "image"))
    return Event(path.stem, data, path, text)


def load_events(site_dir: Path) -> list[Event]:
    """Every event, soonest first."""
    docs_dir = site_dir / "docs"
    events = load_folder(site_dir / "events", lambda p: load_event(p, docs_dir))
    return sorted(events, key=lambda e: (e.start, e.id))


def split_by_time(events: list[Event], now: dt.datetime) -> tuple[list[Event], list[Event]]:
    """(upcoming or running, soonest first; past, most recent first)."""
    upcoming = [e for e in events if e.end > now]
    past = sorted((e for e in events if e.end <= now), key=lambda e: e.start, reverse=True)
    return upcoming, past


__all__ = ["Event", "EventFile", "KINDS", "load_events", "split_by_time"]
