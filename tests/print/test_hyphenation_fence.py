"""pyphen's internals the Azerbaijani dictionary relies on (cpsites/print/hyphenation.py)."""

from __future__ import annotations

import pyphen

from cpsites.print import hyphenation
from tests.conftest import REPO


def test_the_installed_pyphen_is_the_one_tested():
    assert hyphenation.compatible() == []
    major_minor = hyphenation.TESTED
    low, high = major_minor.split(".")
    assert f'"pyphen>={low}.{high},<{low}.{int(high) + 1}"' in (REPO / "pyproject.toml").read_text("utf-8")


def test_installed_it_hyphenates_azerbaijani_with_its_own_casing():
    hyphenation.install()
    dic = pyphen.Pyphen(lang="az")
    assert dic.inserted("məktəb") == "mək-təb"
    assert dic.inserted("İSTİQAMƏT") == "İS-Tİ-QA-MƏT"  # İ does not shift the breaks
