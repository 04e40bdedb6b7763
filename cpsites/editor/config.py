"""Decap CMS configuration derived from the content model, never written by hand.

Each collection names a pydantic schema of `cpsites/content/`; its fields become Decap widgets by
their types (a new field in a schema reaches the editor without a second edit). Labels and hints
come from `labels.py` in the editor's language.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel

from cpsites.content.brochures import BrochureMeta
from cpsites.content.complaints import FILE as COMPLAINTS_FILE, ComplaintsFile
from cpsites.content.department import Department
from cpsites.content.events import KINDS as EVENT_KINDS, EventFile
from cpsites.content.groups import GroupFile
from cpsites.content.news import NewsMeta
from cpsites.content.officers import OfficerFile
from cpsites.content.schema import Text
from cpsites.content.tags import TAGS
from cpsites.content.tv import EpisodeFile
from cpsites.editor.labels import hint, label
from cpsites.i18n import LANGS

IMAGE_FIELDS = {"image", "photo", "poster"}
LONG_TEXT = {"summary", "description", "about"}
# Texts of a news post or brochure that differ per language (each its own file); the rest is shared.
TRANSLATED = {"title", "summary", "image_alt", "caption", "body"}
# Fields with a fixed list of values, from the content model's own tables.
CHOICES = {"tags": sorted(TAGS), "kind": sorted(EVENT_KINDS)}
# Decap's slug: ASCII only, accents cleaned; ə and ı have no accent to clean, so the editor's
# page turns them into e and i before Decap sees the title (static/cpsites-editor.js).
SLUG = {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"}


@dataclass(frozen=True)
class Collection:
    name: str
    schema: type[BaseModel]
    folder: str          # relative to the department folder
    markdown: bool = False
    images: str = "images"  # under docs/images/, where its pictures go
    slug: str = "{{slug}}"
    identifier: str = "title"


FOLDERS = [
    Collection("news", NewsMeta, "docs/news", markdown=True, images="images/news",
               slug="{{year}}-{{month}}-{{day}}-{{slug}}"),
    Collection("officers", OfficerFile, "officers", images="images/officers", identifier="name"),
    Collection("events", EventFile, "events", images="images/events", slug="{{year}}-{{month}}-{{day}}-{{slug}}"),
    Collection("tv", EpisodeFile, "tv", images="images/tv", slug="{{year}}-{{month}}-{{day}}-{{slug}}"),
    Collection("groups", GroupFile, "groups", identifier="name"),
    Collection("brochures", BrochureMeta, "docs/brochures", markdown=True),
]
FILES = [("department", Department, "department.yml"), ("complaints", ComplaintsFile, COMPLAINTS_FILE)]


def _unwrap(tp):
    """(type without Optional/Annotated, required?)"""
    required = True
    while True:
        origin = typing.get_origin(tp)
        if origin is typing.Annotated:
            tp = typing.get_args(tp)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(tp) if a is not type(None)]
            required = required and len(args) == len(typing.get_args(tp))
            tp = args[0]
        else:
            return tp, required


def widget(name: str, tp, required: bool, lang: str) -> dict:
    field: dict = {"name": name, "label": label(name, lang)}
    if h := hint(name, lang):
        field["hint"] = h
    if not required:
        field["required"] = False
    tp, _ = _unwrap(tp)
    origin = typing.get_origin(tp)
    if name in CHOICES:
        field.update(widget="select", options=CHOICES[name], multiple=origin is list)
    elif isinstance(tp, type) and issubclass(tp, Text):
        field.update(widget="object", collapsed=False,
                     fields=fields_of(tp, lang, only_texts=True) + [
                         widget(n, f.annotation, f.is_required(), lang)
                         for n, f in tp.model_fields.items() if n not in LANGS])
    elif isinstance(tp, type) and issubclass(tp, BaseModel):
        field.update(widget="object", fields=fields_of(tp, lang))
    elif origin is list:
        item, _ = _unwrap(typing.get_args(tp)[0])
        if isinstance(item, type) and issubclass(item, BaseModel):
            field.update(widget="list", fields=widget("item", item, True, lang)["fields"])
        else:
            field.update(widget="list")
    elif name in IMAGE_FIELDS:
        field.update(widget="image", choose_url=False)
    elif tp is dt.datetime:
        field.update(widget="datetime", format="YYYY-MM-DD HH:mm", date_format="YYYY-MM-DD", time_format="HH:mm")
    elif tp is dt.date:
        field.update(widget="datetime", format="YYYY-MM-DD", date_format="YYYY-MM-DD", time_format=False)
    elif tp is dt.time:
        field.update(widget="string", pattern=[r"^\d{1,2}:\d{2}$", "HH:MM"])
    elif tp is bool:
        field.update(widget="boolean")
    elif tp in (int, float):
        field.update(widget="number", value_type="int" if tp is int else "float")
    else:
        field.update(widget="text" if name in LONG_TEXT else "string")
    if not required and field.get("widget") == "object":
        # Decap checks an optional object's inner fields even when it is left empty; the content
        # model (check) still refuses half-filled ones such as coordinates without `lon`.
        for inner in field["fields"]:
            inner["required"] = False
    return field


def fields_of(model: type[BaseModel], lang: str, only_texts: bool = False) -> list[dict]:
    if only_texts:  # az required, ru and en optional, each a line of its own
        return [widget(code, model.model_fields[code].annotation, code == "az", lang) for code in LANGS]
    return [widget(n, f.annotation, f.is_required(), lang) for n, f in model.model_fields.items()]


def _media(dept: str, images: str) -> dict:
    # stored paths are relative to docs/ (images/news/x.jpg), as in the files press officers write
    return {"media_folder": f"/sites/{dept}/docs/{images}", "public_folder": images}


def collection(c: Collection, dept: str, lang: str) -> dict:
    out = {"name": c.name, "label": label(c.name, lang), "folder": f"sites/{dept}/{c.folder}",
           "create": True, "slug": c.slug, **_media(dept, c.images)}
    fields = fields_of(c.schema, lang)
    if c.markdown:
        for f in fields:
            f["i18n"] = True if f["name"] in TRANSLATED else "duplicate"
        fields.append({"name": "body", "label": label("body", lang), "widget": "markdown", "i18n": True})
        out.update(extension="md", format="frontmatter",
                   i18n={"structure": "multiple_files", "locales": list(LANGS), "default_locale": LANGS[0]})
    else:
        out.update(extension="yml", format="yml")
    out["identifier_field"] = f"{c.identifier}.az" if _is_text(c.schema, c.identifier) else c.identifier
    out["summary"] = "{{" + out["identifier_field"] + "}}"
    out["fields"] = fields
    return out


def _is_text(model: type[BaseModel], name: str) -> bool:
    tp, _ = _unwrap(model.model_fields[name].annotation)
    return isinstance(tp, type) and issubclass(tp, Text)


def decap_config(dept: str, lang: str, backend_url: str, preview_url: str = "") -> dict:
    """The whole `config.yml` for one department and one editor language."""
    files = [{"name": name, "label": label(name, lang), "file": f"sites/{dept}/{path}", "format": "yml",
              "fields": fields_of(schema, lang), **_media(dept, "images")}
             for name, schema, path in FILES]
    return {
        "backend": {"name": "git-gateway", "commit_messages": {
            "create": "Editor: new {{collection}} “{{slug}}”", "update": "Editor: {{collection}} “{{slug}}” changed",
            "delete": "Editor: {{collection}} “{{slug}}” deleted", "uploadMedia": "Editor: picture “{{path}}” added",
            "deleteMedia": "Editor: picture “{{path}}” deleted"}},
        "local_backend": {"url": backend_url, "allowed_hosts": ["127.0.0.1"]},
        "locale": lang,
        "site_url": preview_url,
        "media_folder": f"sites/{dept}/docs/images",
        "public_folder": "images",
        "slug": SLUG,
        "i18n": {"structure": "multiple_files", "locales": list(LANGS), "default_locale": LANGS[0]},
        "collections": [collection(c, dept, lang) for c in FOLDERS]
        + [{"name": "settings", "label": {"az": "Parametrlər", "ru": "Настройки", "en": "Settings"}[lang],
            "files": files}],
    }

