"""Neighbourhood police officers: sites/<slug>/officers/<id>.yml, one file per officer.

Each officer covers one or more neighbourhood areas (numbered, with their streets). Areas are
gathered across all officers: two officers may share an area, but a street belongs to one area
(or is split between areas by house numbers), so "find my officer" never gives two answers.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import Field, field_validator, model_validator

from cpsites.content.department import Coordinates
from cpsites.content.fields import Email, Phone, check_file, load_folder, load_model
from cpsites.content.schema import FullText, Strict, Text
from cpsites.content.source import line_of
from cpsites.errors import ContentError, Problem, display_path

ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
HOUSES = re.compile(r"^\s*(\d+)\s*[-–—]\s*(\d+)\s*$")


class Street(Text):
    """A street: "Nizami küçəsi", or {az, ru, en} names, optionally with a range of house numbers."""

    houses: str | None = None

    @field_validator("houses")
    @classmethod
    def _range(cls, value: str | None) -> str | None:
        if value is None:
            return value
        m = HOUSES.match(str(value))
        if not m or int(m.group(1)) > int(m.group(2)):
            raise ValueError(f'houses "{value}" should be a range of house numbers such as "1-45"')
        return value

    @model_validator(mode="before")
    @classmethod
    def _houses_as_text(cls, value: Any) -> Any:
        if isinstance(value, dict) and isinstance(value.get("houses"), int):
            return {**value, "houses": str(value["houses"])}
        return value

    @property
    def house_range(self) -> tuple[int, int] | None:
        if not self.houses:
            return None
        m = HOUSES.match(self.houses)
        return int(m.group(1)), int(m.group(2))


class Area(Strict):
    number: int = Field(ge=1, le=999)
    name: Text
    streets: list[Street] = Field(min_length=1)


class Reception(Strict):
    hours: Text
    place: Text
    coordinates: Coordinates | None = None


class OfficerFile(Strict):
    name: FullText
    rank: FullText
    role: Text
    photo: str | None = None
    phone: Phone
    mobile: Phone | None = None
    email: Email | None = None
    areas: list[Area] = Field(min_length=1)
    reception: Reception
    about: Text | None = None  # a few words in Markdown: years of service, what they work on
    order: int = 0  # smaller first inside an area (the senior inspector first)


@dataclass
class Officer:
    """One officer; `id` is the file name without .yml and names the pages (officers/<id>/)."""

    id: str
    data: OfficerFile
    path: Path
    text: str

    def __getattr__(self, name: str) -> Any:  # officer.name, officer.phone ... read the data
        if name != "data" and name in OfficerFile.model_fields:
            return getattr(self.data, name)
        raise AttributeError(name)

    def url(self) -> str:
        return f"officers/{self.id}/"


@dataclass
class AreaGroup:
    """A neighbourhood area with everyone who covers it and all its streets."""

    number: int
    name: Text
    officers: list[Officer] = field(default_factory=list)
    streets: list[Street] = field(default_factory=list)


def fold(text: str) -> str:
    """A street name as "find my officer" compares it: no case, no Azerbaijani or Russian marks.

    "Heydər Əliyev pr." and "heyder eliyev pr" fold alike, so residents may type either.
    overrides/assets/javascripts/cp-officers.js folds the query with the same rules.
    """
    text = text.replace("İ", "i").replace("I", "ı").lower()
    text = text.translate(_FOLD)
    text = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


_FOLD = str.maketrans({"ə": "e", "ı": "i", "ş": "s", "ç": "c", "ğ": "g", "ö": "o", "ü": "u", "ё": "е", "й": "и"})


def load_officer(path: Path, docs_dir: Path) -> Officer:
    if not ID.match(path.stem):
        raise ContentError.at(path, f'the file name "{path.name}" should use only small Latin letters, '
                              "digits and dashes (for example rauf-hasanov.yml): it becomes the page address")
    data, text = load_model(OfficerFile, path)
    if data.photo:
        check_file(docs_dir, data.photo, path, text, "photo", "photo")
    return Officer(path.stem, data, path, text)


def load_officers(site_dir: Path) -> list[Officer]:
    """Every officer of a department, checked one by one and then against each other."""
    docs_dir = site_dir / "docs"
    officers = load_folder(site_dir / "officers", lambda p: load_officer(p, docs_dir))
    problems = _area_name_conflicts(officers) + _street_conflicts(officers)
    if problems:
        raise ContentError(problems)
    return sorted(officers, key=lambda o: (min(a.number for a in o.areas), o.order, o.name.az))


def group_areas(officers: list[Officer]) -> list[AreaGroup]:
    """The areas in number order, each with its officers and the union of its streets."""
    groups: dict[int, AreaGroup] = {}
    for officer in officers:
        for area in officer.areas:
            g = groups.setdefault(area.number, AreaGroup(area.number, area.name))
            if officer not in g.officers:
                g.officers.append(officer)
            known = {(fold(s.az), s.houses) for s in g.streets}
            g.streets += [s for s in area.streets if (fold(s.az), s.houses) not in known]
    for g in groups.values():
        g.officers.sort(key=lambda o: (o.order, o.name.az))
    return [groups[n] for n in sorted(groups)]


def _area_name_conflicts(officers: list[Officer]) -> list[Problem]:
    first: dict[int, tuple[Officer, Area]] = {}
    problems = []
    for officer in officers:
        for i, area in enumerate(officer.areas):
            if area.number not in first:
                first[area.number] = (officer, area)
                continue
            other, other_area = first[area.number]
            if other_area.name.az != area.name.az:
                problems.append(Problem(display_path(officer.path), line_of(officer.text, ["areas", str(i), "name"]),
                    f'`areas.{i}.name`: area {area.number} is called "{area.name.az}" here but '
                    f'"{other_area.name.az}" in {display_path(other.path)}; use the same name'))
    return problems


def _street_conflicts(officers: list[Officer]) -> list[Problem]:
    """A street under two areas with different officers would make "find my officer" ambiguous."""
    areas = {g.number: {o.id for o in g.officers} for g in group_areas(officers)}
    seen: dict[str, list[tuple[Officer, int, int, Street]]] = {}
    reported: set[tuple[str, int, int]] = set()  # one message per street and pair of areas
    problems = []
    for officer in officers:
        for i, area in enumerate(officer.areas):
            for j, street in enumerate(area.streets):
                key = fold(street.az)
                for other, other_area, _, other_street in seen.get(key, []):
                    if other_area == area.number or areas[other_area] == areas[area.number]:
                        continue
                    pair = (key, *sorted((other_area, area.number)))
                    if pair in reported:
                        continue
                    a, b = street.house_range, other_street.house_range
                    if a and b and (a[1] < b[0] or b[1] < a[0]):
                        continue  # the street is split between the areas by house numbers
                    reported.add(pair)
                    problems.append(Problem(
                        display_path(officer.path), line_of(officer.text, ["areas", str(i), "streets", str(j)]),
                        f'`areas.{i}.streets.{j}`: the street "{street.az}" is listed here under area '
                        f"{area.number} and in {display_path(other.path)} ({other.name.az}) under area "
                        f"{other_area}, which has different officers; a street belongs to one area: remove "
                        'it from one of the files, or split it with house numbers (houses: "1-45" in one '
                        'file and houses: "47-99" in the other)'))
                seen.setdefault(key, []).append((officer, area.number, j, street))
    return problems


__all__ = ["Officer", "OfficerFile", "AreaGroup", "Street", "load_officers", "group_areas", "fold"]
