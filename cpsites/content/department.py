"""A department's identity: department.yml."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

from pydantic import Field, field_validator

from cpsites.content.schema import FullText, Strict, Text, validate
from cpsites.content.source import load_yaml_file

PHONE = re.compile(r"^(\+994( \d{2,3})?( \d{2,3}){2,4}|1\d{2})$")


class Coordinates(Strict):
    lat: float = Field(ge=38.0, le=42.5)
    lon: float = Field(ge=44.5, le=51.0)


class Phones(Strict):
    police: str = "102"
    emergency: str = "112"
    duty: str
    helpline: str | None = None

    @field_validator("duty", "helpline", "police", "emergency")
    @classmethod
    def _phone_format(cls, value: str | None) -> str | None:
        if value is not None and not PHONE.match(value):
            raise ValueError(
                f'phone "{value}" should look like "+994 24 275 00 00" (or a short number such as 102)'
            )
        return value


class Chief(Strict):
    name: FullText
    rank: FullText
    photo: str | None = None


class Department(Strict):
    slug: str
    kind: Literal["city", "district", "republic"] = "city"
    name: FullText
    short_name: FullText
    address: Text
    phones: Phones
    email: str = Field(pattern=r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$")
    opening_hours: Text
    coordinates: Coordinates
    chief: Chief
    tv_channel: FullText
    tv_programme: FullText
    newspaper: FullText
    accent: str = Field(pattern=r"^#[0-9a-fA-F]{6}$", default="#1f4e8c")
    pilot_since: int | None = None
    population: int | None = None
    # officers' business cards: 90x50 mm is what printers in the region use, 85x55 the EU size
    card_format: Literal["90x50", "85x55"] = "90x50"


def load_department(site_dir: Path) -> Department:
    """Read and validate `sites/<slug>/department.yml`."""
    path = site_dir / "department.yml"
    data, text = load_yaml_file(path)
    dept = validate(Department, data, path, text)
    if dept.slug != site_dir.name:
        from cpsites.content.source import line_of
        from cpsites.errors import ContentError

        raise ContentError.at(
            path,
            f'slug "{dept.slug}" does not match the folder name "{site_dir.name}"; make them equal',
            line_of(text, "slug"),
        )
    return dept
