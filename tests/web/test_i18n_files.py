"""mkdocs-static-i18n's per-file work with strings (cpsites/web/i18n_files.py) gives the same files
as the plugin's own function: every file of every sample site, and odd names, in every language."""

from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import File, get_files
from mkdocs_static_i18n import suffix

from cpsites.i18n import LANGS
from cpsites.web import i18n_files

REPO = Path(__file__).resolve().parents[2]
ATTRIBUTES = ("src_uri", "src_path", "abs_src_path", "dest_uri", "dest_path", "abs_dest_path", "url", "name",
              "locale", "localization", "locale_alternate_of", "norm_src_uri", "inclusion", "use_directory_urls",
              "dest_dir", "src_dir", "generated_by", "edit_uri")
ODD = ["index.md", "index.az.md", "about.ru.md", "README.md", "README.en.md", "sub/README.ru.md",
       "news/2026-01-01-open-day.az.md", "news/v1.2.en.md", "a..b.ru.md", "a.b.c.az.md", "weird.xx.md",
       "foo.pt_BR.md", "foo.zh-Hant-TW.md", "foo.toolong.md", "images/photo.jpg", "images/photo.az.png",
       "dir.az/page.md", "dir.ru/index.ru.md", "index/index.en.md", ".hidden.md", "trailing..md",
       "a/.b/c.ru.md", "x/y/z/deep.en.md", "pdf/paper.ru.pdf", "feed.xml", "index.ru/index.md"]


def _original():
    return i18n_files.PATCH.original or suffix.create_i18n_file


def _view(f: File) -> dict:
    view = {name: getattr(f, name) for name in ATTRIBUTES}
    view["alternates"] = {lang: alt is f for lang, alt in f.alternates.items()}
    view["attributes"] = sorted(vars(f))
    return view


def _same(files, config) -> int:
    compared = 0
    for f in files:
        for lang in LANGS:
            mine = i18n_files.create_i18n_file(f, lang, "az", list(LANGS), config)
            theirs = _original()(f, lang, "az", list(LANGS), config)
            assert _view(mine) == _view(theirs), (f.src_uri, lang)
            compared += 1
    return compared


def test_every_file_of_the_sample_sites_is_made_the_same():
    compared = 0
    for config_file in sorted(REPO.glob("sites/*/mkdocs.yml")) + [REPO / "mkdocs.yml"]:
        config = load_config(str(config_file))
        files = get_files(config)
        assert len(files) > 10
        compared += _same(files, config)
    assert compared > 1000


@pytest.mark.parametrize("directory_urls", [True, False])
def test_odd_names_are_made_the_same(tmp_path, directory_urls):
    config = load_config(str(REPO / "sites" / "mingachevir" / "mkdocs.yml"), use_directory_urls=directory_urls,
                         site_dir=str(tmp_path / "site"))
    files = [File(name, config.docs_dir, config.site_dir, directory_urls) for name in ODD]
    assert _same(files, config) == 3 * len(ODD)


def test_installed_only_over_the_function_it_repeats():
    assert i18n_files.PATCH.compatible() == []
    assert i18n_files.install() and suffix.create_i18n_file is i18n_files.create_i18n_file
