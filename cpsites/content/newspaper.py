"""Newspaper issues: sites/<slug>/newspaper/<id>.yml, and newspaper-only stories.

An issue file names its number, date, language editions, page count and format, the stories in
order (news posts from docs/news/ or newspaper-only Markdown from newspaper/stories/) with
placement hints, and the boxed panels. Everything it refers to is checked here, so a missing
story or photo is reported with the issue file and the line of the item before any rendering.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from pydantic import Field, field_validator, model_validator

from cpsites.content.news import NewsPost
from cpsites.content.containment import inside, outside_message
from cpsites.content.schema import Strict, Text, base_name, lang_of, validate
from cpsites.content.source import line_of, load_yaml_file, split_front_matter
from cpsites.errors import ContentError, Problem, display_path
from cpsites.i18n import DEFAULT_LANG, LANGS

ID = re.compile(r"^[a-z0-9]+([-_][a-z0-9]+)*$")
# Trim sizes in mm (width, height): what newspaper printers ask for.
FORMATS: dict[str, tuple[float, float]] = {
    "A3": (297, 420),
    "A4": (210, 297),
    "tabloid": (235, 315),
    "berliner": (315, 470),
}
BOX_KINDS = ("officers", "tv", "events", "partnership", "emergency", "contents")
Lang = Literal[LANGS]  # type: ignore[valid-type]  # the language table's codes


class StoryRef(Strict):
    """One story of the issue: `news: <post>` or `story: <newspaper-only story>`."""

    news: str | None = None
    story: str | None = None
    page: int = Field(ge=1)
    lead: bool = False  # the front-page lead: big headline, photo across columns
    span: Literal[1, "all"] = 1  # "all": headline and photo across the page, text below in columns
    photo: bool = True  # print the story's photo (when it has one)
    photo_height: int | None = Field(default=None, ge=20, le=250)  # mm; default from the layout
    # a photo chosen for the paper (relative to newspaper/), used where the story has none
    image: str | None = None
    image_alt: Text | None = None
    caption: Text | None = None

    @model_validator(mode="after")
    def _alt_with_image(self) -> "StoryRef":
        if self.image and not self.image_alt:
            raise ValueError("`image_alt` is missing: describe the photo for readers who cannot see it")
        return self

    @model_validator(mode="after")
    def _one_source(self) -> "StoryRef":
        if bool(self.news) == bool(self.story):
            raise ValueError("give either `news: <post name>` or `story: <story name>` (exactly one)")
        return self

    @property
    def name(self) -> str:
        return self.news or self.story or ""


class BoxRef(Strict):
    """A boxed panel: contacts of neighbourhood officers, TV programme, events, a message."""

    box: Literal["officers", "tv", "events", "partnership", "emergency", "contents", "priorities", "poll"]
    page: int = Field(ge=1)
    span: Literal[1, "all"] = 1
    title: Text | None = None
    text: Text | None = None  # the message of a partnership box (Markdown)
    limit: int = Field(default=6, ge=1, le=30)  # how many officers / episodes / events / priorities
    poll: str | None = None      # a poll box: the poll's file name (default: the newest poll)
    question: str | None = None  # and the question's id (default: its first question)


class IssueFile(Strict):
    number: int = Field(ge=1)
    date: dt.date
    languages: list[Lang] = Field(default_factory=lambda: ["az", "ru"], min_length=1)
    pages: int = Field(ge=2, le=32)
    format: Literal["A3", "A4", "tabloid", "berliner"] = "A3"
    grayscale: bool = False  # print edition in black and white
    editor: Text | None = None
    print_run: int | None = Field(default=None, ge=1)
    stories: list[StoryRef] = Field(min_length=1)
    boxes: list[BoxRef] = []

    @field_validator("date", mode="before")
    @classmethod
    def _no_datetime(cls, value):
        return value.date() if isinstance(value, dt.datetime) else value

    @field_validator("pages")
    @classmethod
    def _even(cls, value: int) -> int:
        if value % 2:
            raise ValueError(f"a newspaper has an even number of pages (printed on both sides); {value} is odd")
        return value


class StoryMeta(Strict):
    """Front matter of a newspaper-only story (newspaper/stories/<name>.<lang>.md)."""

    title: str
    kicker: str | None = None  # the small line above the headline ("Interview", "Road safety")
    summary: str | None = None  # standfirst under the headline
    author: str | None = None
    image: str | None = None  # relative to the newspaper/ folder, e.g. images/market.jpg
    image_alt: str | None = None
    caption: str | None = None


@dataclass(frozen=True)
class StoryText:
    """A story in one language, whatever its source."""

    lang: str
    title: str
    body: str  # Markdown
    path: Path
    kicker: str | None = None
    summary: str | None = None
    author: str | None = None
    image: Path | None = None
    image_alt: str | None = None
    caption: str | None = None


@dataclass
class IssueStory:
    ref: StoryRef
    line: int  # line of the item in the issue file
    texts: dict[str, StoryText] = field(default_factory=dict)
    date: dt.date | None = None

    @property
    def name(self) -> str:
        return self.ref.name

    @property
    def label(self) -> str:
        return f'news "{self.ref.news}"' if self.ref.news else f'story "{self.ref.story}"'


@dataclass
class Issue:
    id: str
    path: Path
    data: IssueFile
    text: str
    stories: list[IssueStory]
    boxes: list[tuple[BoxRef, int]]  # (box, line)

    @property
    def number(self) -> int:
        return self.data.number

    @property
    def date(self) -> dt.date:
        return self.data.date

    @property
    def languages(self) -> list[str]:
        return list(self.data.languages)

    @property
    def trim(self) -> tuple[float, float]:
        return FORMATS[self.data.format]

    def where(self, line: int = 0) -> str:
        return f"{display_path(self.path)}:{line}" if line else display_path(self.path)


def load_issues(site_dir: Path, news: list[NewsPost]) -> list[Issue]:
    """Every issue of a department (sites/<slug>/newspaper/*.yml), newest first."""
    folder = Path(site_dir) / "newspaper"
    if not folder.is_dir():
        return []
    issues: list[Issue] = []
    problems: list[Problem] = []
    for path in sorted(folder.glob("*.yml")) + sorted(folder.glob("*.yaml")):
        try:
            issues.append(load_issue(path, news, Path(site_dir)))
        except ContentError as exc:
            problems.extend(exc.problems)
    numbers: dict[int, Issue] = {}
    for issue in issues:
        if issue.number in numbers:
            problems.append(Problem(display_path(issue.path), line_of(issue.text, "number"),
                                    f"issue number {issue.number} is also used by {numbers[issue.number].path.name}; "
                                    "give each issue its own number"))
        numbers[issue.number] = issue
    if problems:
        raise ContentError(problems)
    return sorted(issues, key=lambda i: (i.date, i.number), reverse=True)


def load_issue(path: Path, news: list[NewsPost], site_dir: Path) -> Issue:
    issue_id = path.stem
    if not ID.match(issue_id):
        raise ContentError.at(path, f'the file name "{path.name}" should be lower-case letters, digits and '
                                    'dashes, such as 2026-11.yml (it names the PDF files)')
    data, text = load_yaml_file(path)
    issue_file = validate(IssueFile, data, path, text)
    problems: list[Problem] = []
    where = display_path(path)
    posts = {p.slug: p for p in news}
    stories: list[IssueStory] = []
    seen: dict[str, int] = {}
    for i, ref in enumerate(issue_file.stories):
        line = line_of(text, ["stories", str(i)])
        item = IssueStory(ref, line)
        if ref.name in seen:
            problems.append(Problem(where, line, f"{item.label} is already in this issue (line {seen[ref.name]}); "
                                                 "list each story once"))
            continue
        seen[ref.name] = line
        try:
            if ref.news:
                _from_news(item, posts, issue_file.languages, where, site_dir)
            else:
                _from_story(item, site_dir / "newspaper" / "stories", issue_file.languages, where, site_dir)
        except ContentError as exc:
            problems.extend(exc.problems)
            continue
        stories.append(item)
    boxes = [(b, line_of(text, ["boxes", str(i)])) for i, b in enumerate(issue_file.boxes)]
    problems += _check_pages(issue_file, stories, boxes, where, text)
    if problems:
        raise ContentError(problems)
    return Issue(issue_id, path, issue_file, text, stories, boxes)


def _from_news(item: IssueStory, posts: dict[str, NewsPost], langs: list[str], where: str,
               site_dir: Path) -> None:
    post = posts.get(item.ref.news)
    if post is None:
        close = difflib.get_close_matches(item.ref.news, list(posts), n=1, cutoff=0.6)
        hint = f'; did you mean "{close[0]}"?' if close else "; use the file name of a post in docs/news/ without .az.md"
        raise ContentError(Problem(where, item.line, f'{item.label}: there is no such news post in '
                                                     f"{display_path(site_dir / 'docs' / 'news')}/{hint}"))
    item.date = post.date
    for lang in langs:
        v = post.variants.get(lang)
        if v is None:
            raise ContentError(Problem(where, item.line,
                f"{item.label} has no {_LANG_NAME[lang]} text ({post.slug}.{lang}.md) but this issue has a "
                f"{lang} edition; translate the post or leave it out of the issue"))
        image = None
        meta_image = v.meta.image or post.default.meta.image
        if meta_image and item.ref.photo:
            image = site_dir / "docs" / meta_image
        alt, caption = v.meta.image_alt or post.default.meta.image_alt, v.meta.caption or v.meta.image_alt
        if image is None and item.ref.image and item.ref.photo:
            image, alt, caption = _chosen_photo(item.ref, lang, site_dir)
        item.texts[lang] = StoryText(lang, v.meta.title, v.body, v.path, None, v.meta.summary, v.meta.author,
                                     image, alt, caption)


def _from_story(item: IssueStory, folder: Path, langs: list[str], where: str, site_dir: Path) -> None:
    name = item.ref.story
    for lang in langs:
        path = folder / f"{name}.{lang}.md"
        if (path.exists() or path.is_symlink() or ".." in Path(name).parts) and not inside(path, folder):
            raise ContentError(Problem(where, item.line, f"{item.label}: " + outside_message(name, folder)))
        if not path.is_file():
            existing = sorted({base_name(p) for p in folder.glob("*.md")}) if folder.is_dir() else []
            close = difflib.get_close_matches(name, existing, n=1, cutoff=0.6)
            hint = f'; did you mean "{close[0]}"?' if close else ""
            raise ContentError(Problem(where, item.line,
                f"{item.label}: the file {display_path(path)} does not exist; write the {_LANG_NAME[lang]} "
                f"text there or leave the story out{hint}"))
        meta_data, body, _body_line, text = split_front_matter(path)
        if lang_of(path) != lang:  # pragma: no cover - guarded by the name above
            continue
        meta = validate(StoryMeta, meta_data, path, text)
        image = None
        if meta.image and item.ref.photo:
            image = (site_dir / "newspaper" / meta.image)
            if not inside(image, site_dir / "newspaper"):
                raise ContentError.at(path, f'`image` "{meta.image}" must be inside the newspaper folder',
                                      line_of(text, "image"))
            if not meta.image_alt:
                raise ContentError.at(path, "`image_alt` is missing: describe the photo for readers who "
                                            "cannot see it (the screen edition reads it aloud)",
                                      line_of(text, "image"))
        alt, caption = meta.image_alt, meta.caption
        if image is None and item.ref.image and item.ref.photo:
            image, alt, caption = _chosen_photo(item.ref, lang, site_dir)
        item.texts[lang] = StoryText(lang, meta.title, body, path, meta.kicker, meta.summary, meta.author,
                                     image, alt, caption)


def _site_of(where: str) -> Path:
    return Path(where).resolve().parent.parent  # sites/<slug>/newspaper/<id>.yml -> sites/<slug>


def _chosen_photo(ref: StoryRef, lang: str, site_dir: Path) -> tuple[Path, str, str | None]:
    return (site_dir / "newspaper" / ref.image, ref.image_alt.get(lang),
            ref.caption.get(lang) if ref.caption else None)


def _check_pages(issue: IssueFile, stories: list[IssueStory], boxes: list[tuple[BoxRef, int]],
                 where: str, text: str) -> list[Problem]:
    problems = []
    used: set[int] = set()
    leads = [s for s in stories if s.ref.lead]
    for s in stories:
        if s.ref.page > issue.pages:
            problems.append(Problem(where, s.line, f"{s.label} is placed on page {s.ref.page} but the issue has "
                                                   f"{issue.pages} pages; change `page:` or `pages:`"))
        used.add(s.ref.page)
        paper_dir = _site_of(where) / "newspaper"
        if s.ref.image and (paper_dir / s.ref.image).exists() and not inside(paper_dir / s.ref.image, paper_dir):
            problems.append(Problem(where, s.line, f"{s.label}: its `image` " + outside_message(s.ref.image, paper_dir)))
        elif s.ref.image and not (paper_dir / s.ref.image).is_file():
            problems.append(Problem(where, s.line, f'{s.label}: its `image` "{s.ref.image}" does not exist in '
                                                   "the newspaper folder; add the file or fix the path"))
        if s.ref.lead and s.ref.page != 1:
            problems.append(Problem(where, s.line, f"{s.label}: the lead story belongs on page 1"))
        for lang, st in s.texts.items():
            if st.image is not None and not st.image.is_file():
                problems.append(Problem(where, s.line, f"{s.label}: its photo {display_path(st.image)} does not "
                                                       "exist; add the file or fix `image:` in the story"))
                break
    for box, line in boxes:
        if box.page > issue.pages:
            problems.append(Problem(where, line, f'box "{box.box}" is placed on page {box.page} but the issue has '
                                                 f"{issue.pages} pages"))
        used.add(box.page)
    if len(leads) > 1:
        problems.append(Problem(where, leads[1].line, "only one story can be the lead (`lead: true`)"))
    empty = [p for p in range(1, issue.pages + 1) if p not in used]
    if empty:
        pages = ", ".join(map(str, empty))
        problems.append(Problem(where, line_of(text, "pages"),
                                f"page{'s' if len(empty) > 1 else ''} {pages} "
                                f"{'have' if len(empty) > 1 else 'has'} no story or box; place something there "
                                f"or lower `pages:`"))
    return problems


_LANG_NAME = {"az": "Azerbaijani", "ru": "Russian", "en": "English"}

__all__ = ["Issue", "IssueFile", "IssueStory", "StoryRef", "BoxRef", "StoryText", "load_issues", "FORMATS",
           "DEFAULT_LANG"]
