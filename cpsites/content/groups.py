"""Community groups: the CP Working Group and the Community Advisory Groups, sites/<slug>/groups/<id>.yml.

A group has a purpose, members by role, a meeting schedule and short summaries of past meetings.
Events name the group they belong to (`group: <id>`), which links the schedule to the events.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import Field

from cpsites.content.fields import Date, Email, Phone, load_folder, load_model
from cpsites.content.schema import Strict, Text
from cpsites.content.source import line_of
from cpsites.errors import ContentError, Problem, display_path

ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")

KINDS = {
    "working-group": {"az": "İcma Polisi üzrə İşçi Qrup", "ru": "Рабочая группа по общественной полиции",
                      "en": "CP Working Group"},
    "advisory-group": {"az": "İctimai Məsləhət Qrupu", "ru": "Общественная консультативная группа",
                       "en": "Community Advisory Group"},
}


class Member(Strict):
    name: Text
    role: Text


class Meeting(Strict):
    date: Date
    summary: Text  # Markdown, a few sentences


class GroupFile(Strict):
    kind: Literal["working-group", "advisory-group"]
    name: Text
    purpose: Text  # Markdown
    area: Text | None = None  # the part of the city or district it serves
    schedule: Text  # e.g. "every first Thursday of the month, 17:00, ..."
    members: list[Member] = Field(min_length=1)
    meetings: list[Meeting] = []
    phone: Phone | None = None
    email: Email | None = None
    order: int = 0


@dataclass
class Group:
    id: str
    data: GroupFile
    path: Path
    text: str

    def __getattr__(self, name: str) -> Any:
        if name != "data" and name in GroupFile.model_fields:
            return getattr(self.data, name)
        raise AttributeError(name)

    def kind_label(self, lang: str) -> str:
        return KINDS[self.data.kind][lang]

    def url(self) -> str:
        return f"groups/{self.id}/"


def load_group(path: Path) -> Group:
    if not ID.match(path.stem):
        raise ContentError.at(path, f'the file name "{path.name}" should use only small Latin letters, digits '
                              "and dashes (for example advisory-group-north.yml): it becomes the page address")
    data, text = load_model(GroupFile, path)
    return Group(path.stem, data, path, text)


def load_groups(site_dir: Path) -> list[Group]:
    """The working group first, then the advisory groups."""
    groups = load_folder(site_dir / "groups", load_group)
    return sorted(groups, key=lambda g: (g.kind != "working-group", g.order, g.id))


def check_event_groups(events: list, groups: list[Group]) -> list[Problem]:
    """An event's `group:` must name a group file of the same department."""
    known = {g.id for g in groups}
    return [Problem(display_path(e.path), line_of(e.text, "group"),
                    f'`group`: there is no group "{e.group}" (no file groups/{e.group}.yml); '
                    f"use one of: {', '.join(sorted(known)) or '(no groups yet)'}")
            for e in events if e.group and e.group not in known]


__all__ = ["Group", "GroupFile", "KINDS", "load_groups", "check_event_groups"]
