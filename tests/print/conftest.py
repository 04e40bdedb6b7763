"""A small fixture issue (4 pages, A3 by default) in a scratch copy of the pilot department,
rendered once per session (az and ru, screen and print) and shared by the print tests."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from PIL import Image

from tests.conftest import REPO

AZ_SENTENCE = "Şəhərin İcma Polisi üzrə İşçi Qrupu ğ, ı, ö, ş, ç, ü hərflərini düzgün çap edən qəzeti təqdim etdi."
RU_SENTENCE = "Участковые инспекторы Мингечевира ответили на вопросы жителей о безопасности во дворах."

STORY = """---
title: {title}
kicker: {kicker}
summary: {summary}
author: {author}
image: images/test-photo.jpg
image_alt: {alt}
caption: {alt}
---

{sentence}

{filler}
"""

FILLER = {
    "az": "Görüşdə sakinlər məhəllədəki işıqlandırma, məktəb yaxınlığında sürət və gənclər üçün idman "
          "meydançaları barədə danışdılar. Polis əməkdaşları hər təklifi qeydə aldı. " * 6,
    "ru": "На встрече жители говорили об освещении во дворах, о скорости машин у школ и о спортивных "
          "площадках для молодёжи. Сотрудники полиции записали каждое предложение. " * 6,
}

ISSUE = """number: 5
date: 2026-11-20
languages: [az, ru]
pages: 4
stories:
  - news: 2026-11-14-open-day
    lead: true
    page: 1
    image: images/test-photo.jpg
    image_alt: {az: Polis idarəsinin binası, ru: Здание управления полиции}
  - story: meeting
    page: 2
  - story: meeting-two
    page: 3
    span: all
  - story: meeting-three
    page: 4
boxes:
  - box: emergency
    page: 1
  - box: partnership
    page: 4
  - box: priorities
    page: 2
    limit: 2
  - box: poll
    page: 4
"""


def make_department(root: Path) -> Path:
    """A project copy holding only Mingachevir, with the fixture issue instead of the samples."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy2(REPO / "mkdocs.yml", root / "mkdocs.yml")
    dept = root / "sites" / "mingachevir"
    shutil.copytree(REPO / "sites" / "mingachevir", dept, ignore=shutil.ignore_patterns("newspaper"))
    paper = dept / "newspaper"
    (paper / "stories").mkdir(parents=True)
    (paper / "images").mkdir()
    Image.new("RGB", (1800, 1200), (90, 130, 170)).save(paper / "images" / "test-photo.jpg", quality=80)
    for name in ("meeting", "meeting-two", "meeting-three"):
        for lang, sentence, title in (("az", AZ_SENTENCE, "İctimai Məsləhət Qrupunun görüşü"),
                                      ("ru", RU_SENTENCE, "Встреча общественной консультативной группы")):
            (paper / "stories" / f"{name}.{lang}.md").write_text(STORY.format(
                title=title, kicker="İcma" if lang == "az" else "Общество", summary=title, author="Test",
                alt="Sınaq fotosu" if lang == "az" else "Тестовое фото", sentence=sentence,
                filler=FILLER[lang]), "utf-8")
    (paper / "t1.yml").write_text(ISSUE, "utf-8")
    return root


@pytest.fixture(scope="session")
def paper_project(tmp_path_factory) -> Path:
    return make_department(tmp_path_factory.mktemp("paper") / "project")


@pytest.fixture(scope="session")
def editions(paper_project, tmp_path_factory):
    """{lang: Edition} of the fixture issue, rendered with an empty cache."""
    from cpsites.content import load_site
    from cpsites.content.newspaper import load_issues
    from cpsites.print.build import ensure_edition

    old = os.environ.get("CPSITES_CACHE")
    os.environ["CPSITES_CACHE"] = str(tmp_path_factory.mktemp("cache"))
    try:  # the empty cache only while rendering: later tests (in this session) see the shared one
        site = load_site(paper_project / "sites" / "mingachevir")
        issue = next(i for i in load_issues(site.root, site.news) if i.id == "t1")
        rendered = {lang: ensure_edition(site, issue, lang, paper_project) for lang in ("az", "ru")}
    finally:
        if old is None:
            os.environ.pop("CPSITES_CACHE", None)
        else:
            os.environ["CPSITES_CACHE"] = old
    return rendered
