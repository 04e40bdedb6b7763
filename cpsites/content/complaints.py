"""Complaints and contact: sites/<slug>/complaint-boxes.yml.

Where the public-complaint boxes stand and how a complaint is handled; the duty and emergency
numbers, address and opening hours come from department.yml.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import Field

from cpsites.content.department import Coordinates
from cpsites.content.fields import load_model
from cpsites.content.schema import Strict, Text

FILE = "complaint-boxes.yml"


class Box(Strict):
    address: Text
    landmark: Text | None = None  # "at the entrance of the central market"
    coordinates: Coordinates | None = None
    note: Text | None = None  # "inside the building, open 08:00-20:00"


class ComplaintsFile(Strict):
    intro: Text | None = None  # Markdown, above the boxes
    boxes: list[Box] = Field(min_length=1)
    handling: list[Text] = Field(min_length=1)  # the steps a complaint goes through, in order (Markdown)
    opened: Text | None = None  # who opens the boxes and how often


@dataclass
class Complaints:
    data: ComplaintsFile
    path: Path

    @property
    def boxes(self) -> list[Box]:
        return self.data.boxes


def load_complaints(site_dir: Path) -> Complaints | None:
    """The department's complaint boxes, or None when it has no complaint-boxes.yml yet."""
    path = site_dir / FILE
    if not path.is_file():
        return None
    data, _text = load_model(ComplaintsFile, path)
    return Complaints(data, path)


__all__ = ["Complaints", "ComplaintsFile", "Box", "load_complaints"]
