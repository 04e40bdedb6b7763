"""Every Markdown page of a site (docs/**/*.md) and every YAML data file, read the same strict way.

Typed loaders (news, officers, ...) validate their own fields. This module covers what every
file shares, so that a page no typed loader knows (about.md, a brochure, the portal's handbook)
gets the same care: a language suffix (name.az.md), UTF-8, not empty, valid front matter with
known keys (a typo such as `tilte:` is reported with a "did you mean"), and the content policy.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path

from cpsites.content import policy
from cpsites.content.containment import inside
from cpsites.content.schema import text_problems
from cpsites.content.source import line_of, read_text, split_front_matter
from cpsites.errors import ContentError, Problem, display_path
from cpsites.i18n import LANGS

# Folders of docs/ whose Markdown files a typed loader validates field by field (news.py,
# brochures.py); their front-matter keys are that loader's business.
TYPED_FOLDERS = {"news", "brochures"}

# Front-matter keys a plain page may use: MkDocs/Material ones and ours (the home page's message).
PAGE_KEYS = {
    "title": "the page title (shown in the menu and the browser tab)",
    "description": "one sentence for search engines and link previews",
    "template": "a special layout (rarely needed)",
    "hide": "parts of the page to hide: navigation, toc, footer",
    "search": "search options (exclude: true keeps the page out of search)",
    "icon": "an icon in the menu",
    "status": "new or deprecated",
    "subtitle": "a line under the title in the menu",
    "chief_message": "the chief's message on the home page",
}

_LOOKS_LIKE_LANG = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z]{2,4})?$")


@dataclass(frozen=True)
class PageFile:
    """One language version of a Markdown page, relative to its docs/ folder."""

    path: Path
    rel: str            # 'news/2026-11-14-open-day.ru.md'
    base: str           # 'news/2026-11-14-open-day' (the page in every language)
    lang: str
    meta: dict
    body: str
    body_line: int
    text: str


def suffix_problem(path: Path) -> str | None:
    """Why a Markdown file's name lacks a valid language suffix, or None when it is fine."""
    parts = path.name.split(".")
    if len(parts) >= 3 and parts[-2] in LANGS:
        return None
    if len(parts) >= 3 and parts[-2].lower() in LANGS:
        good = ".".join(parts[:-2] + [parts[-2].lower(), "md"])
        return f'the language in the file name must be written in small letters: rename it to {good}'
    if len(parts) >= 3 and _LOOKS_LIKE_LANG.match(parts[-2]):
        stem = ".".join(parts[:-2])
        return (f'"{parts[-2]}" is not one of the site\'s languages (az, ru, en); rename the file to '
                f"{stem}.az.md, {stem}.ru.md or {stem}.en.md")
    stem = path.name[: -len(".md")] if path.name.endswith(".md") else path.stem
    return (f"the file name needs a language before .md: {stem}.az.md, {stem}.ru.md or "
            f"{stem}.en.md")


def is_markdown(path: Path) -> bool:
    return path.is_file() and path.suffix.lower() in (".md", ".markdown")


def load_pages(docs_dir: Path) -> list[PageFile]:
    """Every Markdown page under docs/; collects all problems before raising ContentError."""
    pages, problems = read_pages(docs_dir)
    if problems:
        raise ContentError(problems)
    return pages


def read_pages(docs_dir: Path) -> tuple[list[PageFile], list[Problem]]:
    """The readable pages and the problems of the others (for checks that go on after a problem)."""
    docs_dir = Path(docs_dir)
    pages: list[PageFile] = []
    problems: list[Problem] = []
    if not docs_dir.is_dir():
        return [], []
    # a link to a file outside the department is reported by containment.py and never read
    for path in sorted(p for p in docs_dir.rglob("*") if is_markdown(p) and inside(p, docs_dir.parent)):
        rel = path.relative_to(docs_dir).as_posix()
        if any(part.startswith(".") for part in path.relative_to(docs_dir).parts):
            continue  # editors' hidden files (.#draft.md, .trash/)
        if path.suffix != ".md":
            fix = f"{path.stem}.md" if suffix_problem(path.with_suffix(".md")) is None else f"{path.stem}.az.md"
            problems.append(Problem(display_path(path), 0, f"Markdown pages end in .md; rename it to {fix}"))
            continue
        wrong = suffix_problem(path)
        if wrong:
            problems.append(Problem(display_path(path), 0, wrong))
            continue
        try:
            meta, body, body_line, text = split_front_matter(path)
        except ContentError as exc:
            problems.extend(exc.problems)
            continue
        if meta:
            problems.extend(unclosed_quotes(text, path, last_line=body_line - 1))
            problems.extend(text_problems(meta, path, text))
        problems.extend(policy.scan(text, path))
        folder = rel.split("/", 1)[0] if "/" in rel else ""
        if folder not in TYPED_FOLDERS:
            problems.extend(_unknown_keys(meta, path, text))
            if not body.strip() and not meta.get("template"):
                problems.append(Problem(display_path(path), body_line,
                                        "the page has no text after its front matter; write it or delete the file"))
        lang = path.name.split(".")[-2]
        base = rel[: -len(f".{lang}.md")]
        pages.append(PageFile(path, rel, base, lang, meta, body, body_line, text))
    return pages, problems


def _unknown_keys(meta: dict, path: Path, text: str) -> list[Problem]:
    problems = []
    for key in meta:
        if str(key) in PAGE_KEYS:
            continue
        close = difflib.get_close_matches(str(key), PAGE_KEYS, n=1, cutoff=0.6)
        hint = f"did you mean `{close[0]}:`?" if close else "known fields: " + ", ".join(PAGE_KEYS)
        problems.append(Problem(display_path(path), line_of(text, str(key)), f"unknown field `{key}`; {hint}"))
    return problems


_OPEN_QUOTE = re.compile(r"""^\s*(?:- )?[^\s:#'"][^:#]*:\s+(["'])(?!.*\1)""")


def unclosed_quotes(text: str, path: Path, last_line: int | None = None) -> list[Problem]:
    """Lines whose quoted value is not closed on the same line.

    YAML lets a quoted text run on over many lines, so a forgotten closing quote swallows the
    next keys silently and the schema then reports strange things; point at the real mistake.
    """
    problems = []
    for number, line in enumerate(text.splitlines(), start=1):
        if last_line is not None and number > last_line:
            break
        m = _OPEN_QUOTE.match(line)
        if m:
            q = m.group(1)
            problems.append(Problem(display_path(path), number,
                                    f"the quote {q} opened on this line is not closed; end the text with "
                                    f"{q} on the same line"))
    return problems


def scan_data_files(site_dir: Path) -> list[Problem]:
    """Readability and the content policy of every YAML data file of a department, and of the
    Markdown outside docs/ (newspaper stories); docs/ itself is read by load_pages."""
    problems: list[Problem] = []
    site_dir = Path(site_dir)
    for path in sorted(site_dir.rglob("*")):
        suffix = path.suffix.lower()
        if not path.is_file() or suffix not in (".yml", ".yaml", ".md") or not inside(path, site_dir):
            continue
        rel_parts = path.relative_to(site_dir).parts
        if any(part.startswith(".") for part in rel_parts) or path.name == "mkdocs.yml":
            continue
        if suffix == ".md" and rel_parts[0] == "docs":
            continue
        try:
            text = read_text(path)
        except ContentError as exc:
            problems.extend(exc.problems)
            continue
        problems.extend(policy.scan(text, path, markdown=suffix == ".md"))
        if suffix != ".md":
            problems.extend(unclosed_quotes(text, path))
    return problems
