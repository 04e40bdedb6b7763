"""Shared schema pieces: localized text, strict models, and pydantic errors in plain words."""

from __future__ import annotations

import difflib
import re
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError, model_validator

from cpsites.content.source import line_of
from cpsites.errors import ContentError, Problem, display_path
from cpsites.i18n import DEFAULT_LANG, LANGS


class Strict(BaseModel):
    """Unknown keys are errors: a typo such as `tilte:` must not silently drop a title."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Text(Strict):
    """A text in az (required) and optionally ru and en."""

    az: str
    ru: str | None = None
    en: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _plain_string_is_az(cls, value: Any) -> Any:
        # "name: Ganja" is accepted as the same text in every language.
        if isinstance(value, str):
            return {"az": value}
        return value

    def get(self, lang: str) -> str:
        return getattr(self, lang, None) or self.az

    def has(self, lang: str) -> bool:
        return bool(getattr(self, lang, None))


class FullText(Text):
    """A text that must exist in all three languages (names of departments, ranks, ...)."""

    ru: str
    en: str


M = TypeVar("M", bound=BaseModel)

_HINTS = {
    "missing": "is missing; add it",
    "extra_forbidden": "is not a known field",
    "string_type": "must be text",
    "int_type": "must be a whole number",
    "int_parsing": "must be a whole number",
    "float_parsing": "must be a number",
    "date_from_datetime_parsing": "is not a valid date; write it as YYYY-MM-DD",
    "date_parsing": "is not a valid date; write it as YYYY-MM-DD",
    "date_type": "is not a valid date; write it as YYYY-MM-DD",
    "datetime_parsing": "is not a valid date and time; write it as YYYY-MM-DD HH:MM",
    "datetime_from_date_parsing": "is not a valid date and time; write it as YYYY-MM-DD HH:MM",
    "datetime_type": "is not a valid date and time; write it as YYYY-MM-DD HH:MM",
    "list_type": "must be a list (lines starting with '- ')",
    "dict_type": "must be a group of 'key: value' lines",
    "model_type": "must be a group of 'key: value' lines",
    "bool_type": "must be true or false",
    "bool_parsing": "must be true or false",
}


# Regular expressions of fields, explained to people who do not read regular expressions.
_PATTERN_HINTS = {
    r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$": "is not an e-mail address; write it like icma.ganja@polis.example",
    r"^#[0-9a-fA-F]{6}$": "is not a colour; write # and six digits or letters a-f, such as \"#1f4e8c\" "
                          "(in quotes)",
}


# Fields that are one line wherever they appear (a line break in a phone would end a vCard early,
# in a title it would split a calendar entry or a feed item); and every key under `phones:`.
SINGLE_LINE = frozenset({
    "title", "name", "short_name", "rank", "role", "address", "place", "landmark", "phone", "mobile",
    "email", "streets", "houses", "kicker", "author", "channel", "tv_channel", "tv_programme",
    "newspaper", "image_alt", "slug", "kind", "hours", "area", "caption", "story", "news", "image",
    "photo", "file", "url", "poster", "topic", "tags", "group", "date", "start", "end", "time",
})
SINGLE_LINE_UNDER = frozenset({"phones"})
# Invisible control characters (C0 but tab and line feed, DEL, C1) break XML feeds, calendars and
# vCards and hide text from the reader; U+2028/2029 are line breaks in disguise.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_LINE_BREAK = re.compile(r"[\r\n\x85\u2028\u2029]")


def text_problems(data: Any, path: Path, text: str, line_offset: int = 0) -> list[Problem]:
    """Control characters in any value, and line breaks in single-line fields, with their lines."""
    problems: list[Problem] = []

    def walk(value: Any, loc: tuple) -> None:
        if isinstance(value, dict):
            for k, v in value.items():
                walk(v, loc + (str(k),))
        elif isinstance(value, list):
            for i, v in enumerate(value):
                walk(v, loc + (str(i),))
        elif isinstance(value, str):
            names = [k for k in loc if not k.isdigit() and k not in LANGS]
            key = ".".join(loc) or "(file)"
            bad = _CONTROL.search(value)
            if bad or (names and names[-1] in SINGLE_LINE or SINGLE_LINE_UNDER & set(names)) \
                    and _LINE_BREAK.search(value.strip()):
                # found only now: finding a line reads the text, and most values are fine
                line = (line_of(text, list(loc)) or 0) + (line_offset if loc else 0)
            if bad:
                problems.append(Problem(display_path(path), line,
                    f"`{key}` contains an invisible control character (U+{ord(bad.group()):04X}); delete it "
                    "(it often comes with text copied out of a PDF or a word processor)"))
            elif (names and names[-1] in SINGLE_LINE or SINGLE_LINE_UNDER & set(names)) \
                    and _LINE_BREAK.search(value.strip()):
                problems.append(Problem(display_path(path), line,
                    f"`{key}` must be one line: remove the line break (titles, names, addresses, phones "
                    "and e-mails are single lines)"))

    walk(data, ())
    return problems


def validate(model: type[M], data: dict, path: Path, text: str, line_offset: int = 0) -> M:
    """Validate `data` against `model`; every problem names the file, the line and a fix."""
    found = text_problems(data, path, text, line_offset)
    if found:
        raise ContentError(found)
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            loc = [str(p) for p in err["loc"] if not str(p).startswith("function-")]
            key = ".".join(loc) or "(file)"
            line = line_of(text, loc) if loc else 0
            if err["type"] == "missing":
                line = line_of(text, loc[:-1]) if len(loc) > 1 else 0
            if line:
                line += line_offset
            kind = err["type"]
            if kind == "extra_forbidden":
                known = list(model_fields_at(model, loc[:-1]))
                close = difflib.get_close_matches(loc[-1], known, n=1)
                hint = f"did you mean `{close[0]}:`?" if close else f"known fields: {', '.join(known)}"
                msg = f"unknown field `{loc[-1]}`; {hint}"
            elif kind in _HINTS:
                value = err.get("input")
                shown = f' "{value}"' if isinstance(value, (str, int, float)) and kind != "missing" else ""
                msg = f"`{key}`{shown} {_HINTS[kind]}"
            elif kind == "value_error":
                msg = f"`{key}`: {err['msg'].removeprefix('Value error, ')}"
            elif kind == "string_pattern_mismatch":
                pattern = (err.get("ctx") or {}).get("pattern", "")
                msg = f'`{key}` "{err.get("input")}" {_PATTERN_HINTS.get(pattern, "is not written in the expected form")}'
            else:
                msg = f"`{key}`: {err['msg']}"
            problems.append(Problem(display_path(path), line, msg))
        # `tilte:` gives "unknown field tilte; did you mean title" and "title is missing": one is enough
        meant = {m.group(1) for p in problems for m in [re.search(r"did you mean `([^`:]+):`", p.message)] if m}
        problems = [p for p in problems if not any(p.message == f"`{k}` is missing; add it"
                                                   or p.message.endswith(f".{k}` is missing; add it") for k in meant)]
        raise ContentError(problems) from None


def model_fields_at(model: type[BaseModel], loc: list[str]) -> list[str]:
    """Names of the fields of the (nested) model at `loc`, for 'did you mean' hints."""
    current: Any = model
    for part in loc:
        fields = getattr(current, "model_fields", None)
        if not fields or part not in fields:
            return []
        ann = fields[part].annotation
        args = getattr(ann, "__args__", ()) or ()
        candidates = [ann, *args]
        current = next((c for c in candidates if isinstance(c, type) and issubclass(c, BaseModel)), None)
        if current is None:
            return []
    return list(getattr(current, "model_fields", {}))


def lang_of(path: Path) -> str | None:
    """'open-day.ru.md' -> 'ru'; None when the file has no language suffix."""
    parts = path.name.split(".")
    if len(parts) >= 3 and parts[-2] in LANGS:
        return parts[-2]
    return None


def language_files(folder: Path, problems: list) -> list[tuple[Path, str]]:
    """(file, language) of every <name>.<lang>.md in `folder`; a file without a language suffix
    becomes a problem (appended to `problems`) telling how to name it."""
    from cpsites.errors import Problem, display_path

    found = []
    for path in sorted(folder.glob("*.md")):
        lang = lang_of(path)
        if lang is None:
            problems.append(Problem(display_path(path), 0, "the file name needs a language before .md: "
                                    f"{path.stem}.az.md, {path.stem}.ru.md or {path.stem}.en.md"))
        else:
            found.append((path, lang))
    return found


def base_name(path: Path) -> str:
    """'2026-11-20-open-day.ru.md' -> '2026-11-20-open-day'."""
    parts = path.name.split(".")
    if len(parts) >= 3 and parts[-2] in LANGS:
        return ".".join(parts[:-2])
    return path.stem


__all__ = ["Strict", "Text", "FullText", "validate", "lang_of", "base_name", "DEFAULT_LANG"]
