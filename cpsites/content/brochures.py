"""Brochures: docs/brochures/<name>.<lang>.md, Markdown pages that also print well on A4.

Crime prevention, help against domestic violence, road safety, clean internet for children.
MkDocs renders the pages; the content model checks their front matter and lists them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pydantic import field_validator

from cpsites.content.schema import Strict, base_name, language_files, validate
from cpsites.content.source import split_front_matter
from cpsites.errors import ContentError, Problem, display_path
from cpsites.i18n import DEFAULT_LANG

TOPICS: dict[str, dict[str, str]] = {
    "crime-prevention": {"az": "Cinayətkarlığın qarşısının alınması", "ru": "Профилактика преступлений",
                         "en": "Crime prevention"},
    "domestic-violence": {"az": "Məişət zorakılığına qarşı yardım", "ru": "Помощь при бытовом насилии",
                          "en": "Help against domestic violence"},
    "road-safety": {"az": "Yol hərəkəti təhlükəsizliyi", "ru": "Безопасность дорожного движения",
                    "en": "Road safety"},
    "clean-internet": {"az": "Uşaqlar üçün təhlükəsiz internet", "ru": "Безопасный интернет для детей",
                       "en": "Clean internet for children"},
    "other": {"az": "Digər", "ru": "Другое", "en": "Other"},
}


class BrochureMeta(Strict):
    title: str
    summary: str
    topic: str
    order: int = 0

    @field_validator("topic")
    @classmethod
    def _known_topic(cls, value: str) -> str:
        if value not in TOPICS:
            raise ValueError(f'unknown topic "{value}"; use one of: {", ".join(TOPICS)}')
        return value

    @field_validator("title", "summary")
    @classmethod
    def _not_empty(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("must not be empty")
        return value


@dataclass
class Brochure:
    slug: str
    variants: dict[str, BrochureMeta] = field(default_factory=dict)
    paths: dict[str, Path] = field(default_factory=dict)

    @property
    def default(self) -> BrochureMeta:
        return self.variants[DEFAULT_LANG]

    def meta(self, lang: str) -> BrochureMeta:
        """This language's front matter, or the Azerbaijani one where the translation is missing."""
        return self.variants.get(lang) or self.default

    def url(self) -> str:
        return f"brochures/{self.slug}/"


def load_brochures(docs_dir: Path) -> list[Brochure]:
    folder = docs_dir / "brochures"
    if not folder.is_dir():
        return []
    brochures: dict[str, Brochure] = {}
    problems: list[Problem] = []
    for path, lang in language_files(folder, problems):
        try:
            meta, _body, _line, text = split_front_matter(path)
            if not meta:
                raise ContentError.at(path, "the brochure has no front matter; start it with --- lines "
                                      "holding title, summary and topic", 1)
            valid = validate(BrochureMeta, meta, path, text)
        except ValueError as exc:  # PyYAML on an impossible date such as 2026-02-30
            exc = ContentError.at(path, f"the front matter holds an impossible date ({exc}); fix it")
            problems.extend(exc.problems)
            continue
        except ContentError as exc:
            problems.extend(exc.problems)
            brochures.setdefault(base_name(path), Brochure(base_name(path))).paths[lang] = path
            continue
        b = brochures.setdefault(base_name(path), Brochure(base_name(path)))
        b.variants[lang] = valid
        b.paths[lang] = path
    for b in brochures.values():
        if DEFAULT_LANG not in b.paths:
            any_path = next(iter(b.paths.values()))
            problems.append(Problem(display_path(any_path), 0, f"there is no Azerbaijani version "
                                    f"{b.slug}.az.md; every brochure needs one (it is shown where a translation "
                                    "is missing)"))
    if problems:
        raise ContentError(problems)
    return sorted((b for b in brochures.values() if b.variants),
                  key=lambda b: (b.default.order, list(TOPICS).index(b.default.topic), b.slug))


__all__ = ["Brochure", "BrochureMeta", "TOPICS", "load_brochures"]
