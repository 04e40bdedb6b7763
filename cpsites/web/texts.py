"""Press officers' texts made ready for our templates: escaped, in the reader's language or marked.

MkDocs renders theme templates without autoescaping, and content is untrusted: everything a data
file says reaches a template through here, as escaped Markup or sanitised HTML.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from typing import Any

import markdown
from markupsafe import Markup, escape

from cpsites.content.schema import Text
from cpsites.web.sanitize import clean

MD_EXTENSIONS = ["attr_list", "tables", "sane_lists", "smarty"]
# one converter for the process (reset between texts): making one loads every extension again,
# and a department has hundreds of short texts (builds run in processes, not threads)
_MARKDOWN = markdown.Markdown(extensions=MD_EXTENSIONS, output_format="html")


@dataclass(frozen=True)
class Localized:
    """A text in the reader's language, or the Azerbaijani text marked with lang="az"."""

    text: Markup
    lang: str
    fallback: bool
    block: bool = False  # rendered Markdown (paragraphs), wrapped in a div rather than a span

    def __str__(self) -> str:
        return str(self.text)

    def __html__(self) -> str:
        if self.fallback:
            tag = "div" if self.block else "span"
            return f'<{tag} lang="{self.lang}">{self.text}</{tag}>'
        return str(self.text)

    @property
    def attr(self) -> Markup:
        """' lang="az"' for an element holding this text when it is a fallback, else nothing."""
        return Markup(f' lang="{self.lang}"') if self.fallback else Markup("")


def loc(value: Text | None, lang: str) -> Localized | None:
    """Text in `lang`; where the translation is missing, the az text flagged as a fallback."""
    if value is None:
        return None
    has = value.has(lang)
    return Localized(escape(value.get(lang)), lang if has else "az", not has)


def plain(value: Text | None, lang: str) -> str:
    """The text itself, unescaped (for vCards, iCalendar, JSON-LD, search bodies)."""
    return value.get(lang) if value is not None else ""


def md(value: Text | None, lang: str) -> Localized | None:
    """A Markdown text rendered to sanitised HTML, in `lang` or the az fallback."""
    if value is None:
        return None
    has = value.has(lang)
    return Localized(Markup(_html(value.get(lang))), lang if has else "az", not has, block=True)


@functools.lru_cache(maxsize=4096)
def _html(text: str) -> str:
    # an event's or an episode's text is drawn for its own page, the lists, the home page and its
    # group's page, in every pass: converted once per process (Markdown and nh3 give the same
    # HTML for the same text)
    return clean(_MARKDOWN.reset().convert(text))


def jsonld(data: dict[str, Any]) -> Markup:
    """A schema.org object for <script type="application/ld+json">: no "</script>" can end it early."""
    text = json.dumps(data, ensure_ascii=False, indent=1)
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def e(value: Any) -> Markup:
    return escape(value)
