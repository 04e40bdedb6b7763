"""Pieces shared by the data-file content types (officers, TV, events, groups, complaint boxes).

Data files are YAML written by press officers. We read them with a loader that leaves dates and
times as text, so that pydantic checks them and the message names the field and line:
PyYAML would turn `2026-02-30` into a ValueError with no line, and `19:30` into 1170 (base 60).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Annotated, Any, Callable, TypeVar

import yaml
from pydantic import AfterValidator, BaseModel, BeforeValidator, Field

from cpsites.content.containment import inside, outside_message
from cpsites.content.department import PHONE
from cpsites.content.schema import validate
from cpsites.content.source import line_of, load_yaml_file
from cpsites.errors import ContentError, Problem, display_path
from cpsites.i18n import TZ


class _TextDatesLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml: 5x faster
    """SafeLoader that keeps timestamps and 'HH:MM' as the text the press officer wrote."""


def _keep_text(loader: yaml.SafeLoader, node: yaml.Node) -> str:
    return loader.construct_scalar(node)


def _int_or_clock(loader: yaml.SafeLoader, node: yaml.Node) -> int | str:
    value = loader.construct_scalar(node)
    if ":" in value:  # YAML 1.1 reads 19:30 as a base-60 number; we mean a time of day
        return value
    return yaml.SafeLoader.construct_yaml_int(loader, node)


_TextDatesLoader.add_constructor("tag:yaml.org,2002:timestamp", _keep_text)
_TextDatesLoader.add_constructor("tag:yaml.org,2002:int", _int_or_clock)


def load_data(path: Path) -> tuple[dict, str]:
    """A YAML data file holding a mapping: (data, text). Errors name the file and line. Dates and
    times stay text (the field types read them), 19:30 is a time of day, not a number."""
    return load_yaml_file(path, loader=_TextDatesLoader)


M = TypeVar("M", bound=BaseModel)


def load_model(model: type[M], path: Path) -> tuple[M, str]:
    """Read and validate one data file; returns the model and the file's text (for line numbers)."""
    data, text = load_data(path)
    return validate(model, data, path, text), text


def load_folder(folder: Path, load_one: Callable[[Path], Any], pattern: str = "*.yml") -> list[Any]:
    """load_one() on every file of a folder; collects every file's problems before raising."""
    items, problems = [], []
    if not folder.is_dir():
        return []
    stray = sorted(p for p in folder.iterdir() if p.is_file() and p.suffix in (".yaml", ".YML", ".txt"))
    for p in stray:
        problems.append(Problem(display_path(p), 0, f"data files end in .yml; rename it to {p.stem}.yml"))
    for path in sorted(folder.glob(pattern)):
        try:
            items.append(load_one(path))
        except ContentError as exc:
            problems.extend(exc.problems)
    if problems:
        raise ContentError(problems)
    return items


EXAMPLES = {"photo": "images/officers/rauf-hasanov.jpg", "video": "video/tv/2026-11-13.mp4",
            "poster image": "images/tv/2026-11-13.jpg", "image": "images/events/open-day.jpg"}


def check_file(docs_dir: Path, rel: str, path: Path, text: str, key: str | list, what: str = "file") -> None:
    """A file named in content (photo, poster, video) must exist under docs/."""
    target = docs_dir / rel
    dotted = key if isinstance(key, str) else ".".join(str(k) for k in key)
    if (target.exists() or target.is_symlink()) and not inside(target, docs_dir):
        raise ContentError.at(path, f"`{dotted}`: the {what} " + outside_message(rel, docs_dir), line_of(text, key))
    if not target.is_file():
        raise ContentError.at(path, f'`{dotted}`: the {what} "{rel}" does not exist; put it in '
                              f"{display_path(docs_dir)}/ and give its path from there "
                              f"(for example {EXAMPLES.get(what, 'images/photo.jpg')})", line_of(text, key))


def date_prefix(path: Path) -> dt.date | None:
    """'2026-11-20-open-day.yml' -> 2026-11-20; None when the name does not start with a date."""
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", path.name)
    if not m:
        return None
    try:
        return dt.date(*map(int, m.groups()))
    except ValueError:
        return None


def check_date_prefix(path: Path, text: str, key: str, value: dt.date) -> None:
    """The date at the start of a file name must match the date inside (they sort the listings)."""
    named = date_prefix(path)
    if named is not None and named != value:
        raise ContentError.at(path, f"`{key}` is {value.isoformat()} but the file name says "
                              f"{named.isoformat()}; make them the same", line_of(text, key))


# -- field types -------------------------------------------------------------------------------

def _phone(value: str) -> str:
    if not PHONE.match(value):
        raise ValueError(f'phone "{value}" should look like "+994 24 275 00 00"')
    return value


def _to_baku(value: dt.datetime) -> dt.datetime:
    # Times are written as local time in Baku (UTC+4); an explicit offset is converted.
    if value.tzinfo is None:
        return value.replace(tzinfo=TZ)
    return value.astimezone(TZ)


def _date_only(value: Any) -> Any:
    if isinstance(value, str) and re.fullmatch(r"\s*\d{4}-\d{1,2}-\d{1,2}\s*", value):
        return value.strip()
    if isinstance(value, str) and re.match(r"\s*\d{4}-\d{1,2}-\d{1,2}[ T]", value):
        raise ValueError(f'"{value}" has a time in it; write only the date as YYYY-MM-DD')
    return value


def _clock(value: Any) -> Any:
    m = re.fullmatch(r"\s*(\d{1,2})[:.](\d{2})\s*", str(value)) if isinstance(value, (str, int)) else None
    if not m or int(m.group(1)) > 23 or int(m.group(2)) > 59:
        raise ValueError(f'"{value}" is not a time of day; write it as HH:MM, for example "19:30"')
    return f"{int(m.group(1)):02d}:{m.group(2)}"


def _needs_time(value: Any) -> Any:
    if isinstance(value, str) and re.fullmatch(r"\s*\d{4}-\d{1,2}-\d{1,2}\s*", value):
        raise ValueError(f'"{value.strip()}" has no time; write the date and the time as YYYY-MM-DD HH:MM, '
                         f'for example "{value.strip()} 10:00"')
    return value


Phone = Annotated[str, AfterValidator(_phone)]
Email = Annotated[str, Field(pattern=r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$")]
BakuDateTime = Annotated[dt.datetime, BeforeValidator(_needs_time), AfterValidator(_to_baku)]
Date = Annotated[dt.date, BeforeValidator(_date_only)]
Clock = Annotated[dt.time, BeforeValidator(_clock)]
