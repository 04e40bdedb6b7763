"""mkdocs-static-i18n's internals that cpsites relies on (cpsites/web/i18n_plugin.py): this fails
loudly, naming what changed, when an update of the plugin moves them."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import load_config

from cpsites.web import i18n_plugin
from tests.conftest import REPO


def test_the_installed_plugin_is_the_one_tested():
    assert i18n_plugin.compatible() == []


def test_the_pin_in_pyproject_matches_the_tested_version():
    text = (REPO / "pyproject.toml").read_text("utf-8")
    major, minor = i18n_plugin.TESTED.split(".")
    assert f'"mkdocs-static-i18n>={major}.{minor},<{major}.{int(minor) + 1}"' in text


def test_a_department_config_has_the_plugin_with_our_languages():
    from cpsites.i18n import LANGS

    config = load_config(config_file=str(REPO / "sites" / "mingachevir" / "mkdocs.yml"))
    i18n = i18n_plugin.plugin(config)
    assert i18n is not None
    assert [lang.locale for lang in i18n.config.languages] == list(LANGS)  # mkdocs.yml lists the table's
    assert [lang.default for lang in i18n.config.languages] == [True, False, False]
    assert i18n_plugin.current_language(config, "az") == "az"  # before a build: the default
    i18n_plugin.only_languages(config, {"az"})
    assert [lang.build for lang in i18n.config.languages] == [True, False, False]


def test_file_paths_without_language():
    class F:  # the attributes the plugin gives a File
        src_uri, norm_src_uri, locale = "news/x.ru.md", "news/x.md", "ru"

    assert i18n_plugin.source_path(F()) == "news/x.md" and i18n_plugin.file_language(F()) == "ru"

    class Plain:
        src_uri = "news/x.md"

    assert i18n_plugin.source_path(Plain()) == "news/x.md" and i18n_plugin.file_language(Plain()) is None
