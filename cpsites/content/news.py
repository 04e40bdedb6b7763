"""News posts: docs/news/<date>-<name>.<lang>.md with front matter."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import field_validator

from cpsites.content.containment import inside, outside_message
from cpsites.content.schema import Strict, base_name, lang_of, validate
from cpsites.content.source import line_of, split_front_matter
from cpsites.content.tags import TAGS
from cpsites.errors import ContentError, Problem, display_path
from cpsites.i18n import DEFAULT_LANG, LANGS


class NewsMeta(Strict):
    title: str
    date: dt.date
    summary: str
    image: str | None = None
    image_alt: str | None = None
    caption: str | None = None
    author: str | None = None
    tags: list[str] = []

    @field_validator("date", mode="before")
    @classmethod
    def _no_datetime(cls, value):
        # YAML turns 2026-11-20 into a date and "2026-13-02" stays text: both reach here.
        if isinstance(value, dt.datetime):
            return value.date()
        return value

    @field_validator("tags")
    @classmethod
    def _known_tags(cls, value: list[str]) -> list[str]:
        for tag in value:
            if tag not in TAGS:
                raise ValueError(f'unknown tag "{tag}"; use one of: {", ".join(sorted(TAGS))}')
        return value

    @field_validator("title", "summary")
    @classmethod
    def _not_empty(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("must not be empty")
        return value


@dataclass(frozen=True)
class NewsVariant:
    """One language version of a post."""

    lang: str
    meta: NewsMeta
    body: str
    path: Path
    body_line: int

    @property
    def title(self) -> str:
        return self.meta.title


@dataclass
class NewsPost:
    """A post in every language it was written in; `slug` is the file name without suffixes."""

    slug: str
    variants: dict[str, NewsVariant] = field(default_factory=dict)

    @property
    def date(self) -> dt.date:
        return self.default.meta.date

    @property
    def default(self) -> NewsVariant:
        return self.variants.get(DEFAULT_LANG) or next(iter(self.variants.values()))

    def variant(self, lang: str) -> NewsVariant:
        """The post in `lang`, or the default-language text where the translation is missing."""
        return self.variants.get(lang) or self.default

    @property
    def tags(self) -> list[str]:
        return self.default.meta.tags

    def url(self) -> str:
        return f"news/{self.slug}/"


def load_news(docs_dir: Path) -> list[NewsPost]:
    """Every post under docs/news/, newest first. Collects all problems before raising."""
    news_dir = docs_dir / "news"
    posts: dict[str, NewsPost] = {}
    problems: list[Problem] = []
    unreadable: set[str] = set()  # posts whose az file could not be read
    if not news_dir.is_dir():
        return []
    for path in sorted(news_dir.glob("*.md")):
        lang = lang_of(path)
        if lang is None:
            from cpsites.content.pages import suffix_problem  # one wording for every page

            problems.append(Problem(display_path(path), 0, suffix_problem(path)))
            continue
        try:
            meta_data, body, body_line, text = split_front_matter(path)
            if not meta_data:
                raise ContentError.at(path, "the post has no front matter; start it with --- lines "
                                      "holding title, date and summary", 1)
            meta = validate(NewsMeta, meta_data, path, text, line_offset=0)
            if meta.image:
                _check_file(docs_dir, meta.image, path, text, "image")
                if not meta.image_alt:
                    raise ContentError.at(path, "`image_alt` is missing: describe the photo for readers "
                                          "who cannot see it", line_of(text, "image"))
        except ContentError as exc:
            problems.extend(exc.problems)
            unreadable.add(base_name(path) if lang == DEFAULT_LANG else "")
            continue
        slug = base_name(path)
        post = posts.setdefault(slug, NewsPost(slug))
        post.variants[lang] = NewsVariant(lang, meta, body, path, body_line)
    for post in posts.values():
        if post.slug in unreadable:
            continue  # its az file has problems of its own, reported above
        if DEFAULT_LANG not in post.variants:
            any_variant = next(iter(post.variants.values()))
            problems.append(Problem(display_path(any_variant.path), 0,
                f"there is no Azerbaijani version {post.slug}.az.md; every post needs one (it is shown "
                "where a translation is missing)"))
            continue
        for lang, v in post.variants.items():
            if v.meta.date != post.date:
                problems.append(Problem(display_path(v.path), line_of(v.path.read_text("utf-8"), "date"),
                    f"date {v.meta.date} differs from the Azerbaijani version ({post.date}); use the same date"))
    if problems:
        raise ContentError(problems)
    return sorted((p for p in posts.values()), key=lambda p: (p.date, p.slug), reverse=True)


def _check_file(docs_dir: Path, rel: str, path: Path, text: str, key: str) -> None:
    target = docs_dir / rel
    if (target.exists() or target.is_symlink()) and not inside(target, docs_dir):
        raise ContentError.at(path, f"`{key}` " + outside_message(rel, docs_dir), line_of(text, key))
    if not target.is_file():
        raise ContentError.at(path, f'`{key}` "{rel}" does not exist; put the file in '
                              f"{display_path(docs_dir)}/ and give its path from there "
                              "(for example images/news/photo.jpg)", line_of(text, key))


__all__ = ["NewsPost", "NewsVariant", "NewsMeta", "load_news", "LANGS"]
