"""Reading content files: strict UTF-8, YAML with line numbers, Markdown front matter."""

from __future__ import annotations

import os
import re
from contextvars import ContextVar
from pathlib import Path
from typing import Any

import yaml

from cpsites.content.once import keeping
from cpsites.errors import ContentError

# Control characters other than tab and line ends: invisible, and they break feeds and calendars
_RAW_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)?---[ \t]*(\r?\n|\Z)", re.S)


def read_text(path: Path) -> str:
    """The file as text; non-UTF-8 or empty files are content errors, not tracebacks."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ContentError.at(path, "file not found") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ContentError.at(
            path,
            "the file is not saved as UTF-8 text; save it again with the UTF-8 encoding "
            "(in your editor: Save As, Encoding: UTF-8)",
            line,
        ) from None
    if not text.strip():
        raise ContentError.at(path, "the file is empty; write its content or delete the file")
    bad = _RAW_CONTROL.search(text)
    if bad:
        raise ContentError.at(path, f"the file contains an invisible control character (U+{ord(bad.group()):04X}) "
                              "on this line; delete it (it often comes with text copied out of a PDF or "
                              "a word processor)", text.count("\n", 0, bad.start()) + 1)
    return text


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml when present: 5x faster
    """SafeLoader that leaves impossible dates (2026-13-02, 2026-02-30) as text.

    PyYAML raises a bare ValueError for them; as text they reach the schema, which names the
    file, the line and the expected form (YYYY-MM-DD).
    """


def _timestamp_or_text(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        return loader.construct_scalar(node)


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_or_text)


def parse_yaml(text: str, path: Path, first_line: int = 1, loader: type | None = None) -> Any:
    """YAML to Python; syntax errors name the line (first_line shifts front-matter lines).
    `loader`: a SafeLoader subclass reading some values differently (fields.load_data's)."""
    try:
        return yaml.load(text, Loader=loader or _Loader)  # noqa: S506 - SafeLoader subclasses only
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + first_line) if mark else 0
        what = (exc.problem or "invalid YAML").strip()
        raise ContentError.at(
            path,
            f"the YAML is not valid ({what}); check indentation and that text with a colon "
            "is put in quotes",
            line,
        ) from None
    except yaml.YAMLError as exc:  # pragma: no cover - very rare non-marked errors
        raise ContentError.at(path, f"the YAML is not valid ({exc})") from None


def load_yaml_file(path: Path, loader: type | None = None) -> tuple[dict, str]:
    """A YAML data file that must hold a mapping; returns (data, text) so callers can find lines."""
    text = read_text(path)
    data = parse_yaml(text, path, loader=loader)
    if not isinstance(data, dict):
        raise ContentError.at(path, "the file must hold 'key: value' lines at the top level", 1)
    return data, text


# A department's load read each news post twice, as a post and as one of docs/' pages (YAML was
# two fifths of a check): within one load (`reading_once`) a file's front matter is parsed once,
# and its readers share the result (read only).
_SPLIT: ContextVar[dict[str, tuple] | None] = ContextVar("cpsites_split", default=None)


def reading_once():
    """Within this block (one department's load) each Markdown file is read and parsed once."""
    return keeping(_SPLIT)


def split_front_matter(path: Path) -> tuple[dict, str, int, str]:
    """(front matter, Markdown body, line where the body starts, whole text) of a Markdown file."""
    memo = _SPLIT.get()
    if memo is None:
        return _split_front_matter(path)
    key = os.fspath(path)
    found = memo.get(key)
    if found is None:
        found = memo[key] = _split_front_matter(path)  # a file with problems raises: not kept
    return found


def _split_front_matter(path: Path) -> tuple[dict, str, int, str]:
    text = read_text(path)
    match = FRONT_MATTER.match(text)
    if not match:
        return {}, text, 1, text
    meta = parse_yaml(match.group(1) or "", path, first_line=2) or {}
    if not isinstance(meta, dict):
        raise ContentError.at(path, "the front matter between the --- lines must be 'key: value' lines", 2)
    body_line = text[: match.end()].count("\n") + 1
    return meta, text[match.end():], body_line, text


def line_of(text: str, dotted_key: str | tuple | list, default: int = 0) -> int:
    """Best-effort line of a (possibly nested) key in YAML text: 'chief.name' or ('phones', 'duty')."""
    keys = dotted_key.split(".") if isinstance(dotted_key, str) else [str(k) for k in dotted_key]
    lines = text.splitlines()
    start, indent = 0, -1
    found = default
    for key in keys:
        if key.isdigit():  # list item: the n-th "- " below the current key
            # items may sit at the key's own indentation ("stories:\n- news: x", PyYAML's style)
            wanted, seen, item_indent, hit = int(key), -1, None, False
            first = start + 1 if found else start
            for i in range(first, len(lines)):
                stripped = lines[i].lstrip()
                if not stripped or stripped.startswith("#"):
                    continue
                cur = len(lines[i]) - len(stripped)
                is_item = stripped.startswith("- ") or stripped == "-"
                if cur < indent or (cur == indent and not is_item):
                    break  # the next key of the parent mapping: the list has ended
                if not is_item:
                    continue
                if item_indent is None:
                    item_indent = cur
                if cur < item_indent:
                    break
                if cur == item_indent:
                    seen += 1
                    if seen == wanted:
                        found, start, indent, hit = i + 1, i, cur, True
                        break
            if not hit:
                return found or default  # no such item: the list's own line is the best pointer
            continue
        pattern = re.compile(rf"^(\s*)(- )?['\"]?{re.escape(key)}['\"]?\s*:")
        for i in range(start, len(lines)):
            m = pattern.match(lines[i])
            if m and len(m.group(1)) > indent - (2 if m.group(2) else 0):
                found, start, indent = i + 1, i, len(m.group(1))
                break
        else:
            return found or default
    return found
