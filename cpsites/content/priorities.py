"""Local priorities: what residents raised and what the police did ("you said, we did").

sites/<slug>/priorities/<id>.yml, one problem each, in the shape police.uk publishes (issue and
its date, actions and their dates), plus where it was raised (an advisory group meeting, a
complaint box, a poll, a letter, online), the neighbourhood area (the area numbers of the officer
files, or `city` for the whole city), its status and when it was last reviewed. Priorities are
kept current: one not reviewed for more than REVIEW_DAYS (Baku time) is a warning.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from cpsites.content.fields import Date, load_folder, load_model
from cpsites.content.schema import Strict, Text
from cpsites.content.source import line_of
from cpsites.errors import ContentError, Problem, display_path

REVIEW_DAYS = 90  # the UK Neighbourhood Policing Guarantee: reviewed at least every three months
ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")

SOURCES = {
    "advisory-group": {"az": "İctimai Məsləhət Qrupunun iclası", "ru": "заседание Общественной консультативной группы",
                       "en": "Community Advisory Group meeting"},
    "complaint-box": {"az": "şikayət qutusu", "ru": "ящик для жалоб", "en": "complaint box"},
    "poll": {"az": "rəy sorğusu", "ru": "опрос общественного мнения", "en": "opinion poll"},
    "letter": {"az": "sakinin məktubu", "ru": "письмо жителя", "en": "a resident's letter"},
    "online": {"az": "onlayn müraciət", "ru": "обращение онлайн", "en": "online message"},
}
STATUSES = {
    "open": {"az": "açıq", "ru": "открыт", "en": "open"},
    "in-progress": {"az": "icra olunur", "ru": "в работе", "en": "in progress"},
    "resolved": {"az": "həll olunub", "ru": "решён", "en": "resolved"},
}


class Action(Strict):
    date: Date
    text: Text
    officer: str | None = None  # id of an officer file (officers/<id>.yml) who did it


class PriorityFile(Strict):
    area: int | Literal["city"]
    issue: Text
    raised_at: Literal["advisory-group", "complaint-box", "poll", "letter", "online"]
    raised_on: Date
    group: str | None = None   # the advisory group (groups/<id>.yml) where it was raised
    event: str | None = None   # the meeting (events/<id>.yml) where it was raised
    status: Literal["open", "in-progress", "resolved"]
    reviewed_on: Date
    actions: list[Action] = []
    order: int = 0


@dataclass
class Priority:
    id: str
    data: PriorityFile
    path: Path
    text: str

    def __getattr__(self, name: str) -> Any:
        if name != "data" and name in PriorityFile.model_fields:
            return getattr(self.data, name)
        raise AttributeError(name)

    @property
    def current(self) -> bool:
        return self.data.status != "resolved"

    def status_label(self, lang: str) -> str:
        return STATUSES[self.data.status][lang]

    def source_label(self, lang: str) -> str:
        return SOURCES[self.data.raised_at][lang]

    def days_since_review(self, today: dt.date) -> int:
        return (today - self.data.reviewed_on).days


def load_priority(path: Path) -> Priority:
    if not ID.match(path.stem):
        raise ContentError.at(path, f'the file name "{path.name}" should use only small Latin letters, digits and '
                              "dashes (for example street-lights-area-2.yml)")
    data, text = load_model(PriorityFile, path)
    problems = []
    where = display_path(path)
    if data.reviewed_on < data.raised_on:
        problems.append(Problem(where, line_of(text, "reviewed_on"), f"`reviewed_on` {data.reviewed_on} is before "
                                f"`raised_on` {data.raised_on}; a priority is reviewed after it was raised"))
    if data.status == "resolved" and not data.actions:
        problems.append(Problem(where, line_of(text, "status"), "a resolved priority needs at least one action "
                                "under `actions:` saying what was done"))
    for i, action in enumerate(data.actions):
        if action.date < data.raised_on:
            problems.append(Problem(display_path(path), line_of(text, ["actions", str(i), "date"]),
                                    f"`actions.{i}.date` {action.date} is before the issue was raised "
                                    f"({data.raised_on}); check the dates"))
    if problems:
        raise ContentError(problems)
    return Priority(path.stem, data, path, text)


def load_priorities(site_dir: Path) -> list[Priority]:
    """Current ones first (open, then in progress), each group newest first."""
    items = load_folder(Path(site_dir) / "priorities", load_priority)
    rank = {"open": 0, "in-progress": 1, "resolved": 2}
    return sorted(items, key=lambda p: (rank[p.data.status], p.data.order, -p.data.raised_on.toordinal(), p.id))


def check_references(priorities: list[Priority], areas: set[int] | None, officers: set[str] | None,
                     groups: set[str] | None, events: set[str] | None) -> list[Problem]:
    """Areas, officers, groups and events a priority names must exist in the department (a set
    that is None could not be loaded: its own problems are reported, so it is not checked)."""
    problems = []
    for p in priorities:
        where = display_path(p.path)
        if areas is not None and p.data.area != "city" and p.data.area not in areas:
            problems.append(Problem(where, line_of(p.text, "area"),
                                    f"`area`: there is no area {p.data.area} in the officer files; use one of "
                                    f"{', '.join(map(str, sorted(areas))) or '(none yet)'} or `city` for the whole city"))
        for key, value, known, folder in (("group", p.data.group, groups, "groups"),
                                          ("event", p.data.event, events, "events")):
            if value and known is not None and value not in known:
                problems.append(Problem(where, line_of(p.text, key),
                                        f'`{key}`: there is no {key} "{value}" (no file {folder}/{value}.yml)'))
        for i, action in enumerate(p.data.actions):
            if action.officer and officers is not None and action.officer not in officers:
                problems.append(Problem(where, line_of(p.text, ["actions", str(i), "officer"]),
                                        f'`actions.{i}.officer`: there is no officer "{action.officer}" '
                                        f"(no file officers/{action.officer}.yml)"))
    return problems


def stale(priorities: list[Priority], today: dt.date) -> list[Problem]:
    """Warnings for current priorities not reviewed for more than REVIEW_DAYS days."""
    out = []
    for p in priorities:
        days = p.days_since_review(today)
        if p.current and days > REVIEW_DAYS:
            out.append(Problem(display_path(p.path), line_of(p.text, "reviewed_on"),
                               f"this priority was last reviewed {days} days ago ({p.data.reviewed_on}); review it "
                               f"with the residents at least every {REVIEW_DAYS} days and update `reviewed_on`",
                               severity="warning"))
    return out


__all__ = ["Priority", "PriorityFile", "load_priorities", "check_references", "stale", "REVIEW_DAYS"]
