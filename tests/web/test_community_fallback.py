"""Issue 3: missing translations of community content follow the site's fallback behaviour.

A copy of Mingachevir where an event, an officer's role and a brochure lack their English text is
built for real: the English pages show the Azerbaijani text marked lang="az", with a notice in
English and `noindex` where the whole page is untranslated, and stay out of the English search.
"""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

# several folders have a conftest.py: load this one by path, not by the ambiguous module name
import importlib.util as _ilu  # noqa: E402
_spec = _ilu.spec_from_file_location("_conftest_tests", __import__('pathlib').Path(__file__).resolve().parents[1] / "conftest.py")
_cf = _ilu.module_from_spec(_spec)
_spec.loader.exec_module(_cf)
copy_project = _cf.copy_project
run_cpsites = _cf.run_cpsites

DEPT = "mingachevir"
EVENT = "2026-12-09-school-visit"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("fallback") / "project")
    dept = project / "sites" / DEPT
    (dept / "events" / f"{EVENT}.yml").write_text(textwrap.dedent("""
        kind: school-visit
        title:
          az: 9 nömrəli məktəbdə görüş
          ru: Встреча в школе № 9
        start: 2026-12-09 11:00
        end: 2026-12-09 12:00
        place: 9 nömrəli tam orta məktəb
        description:
          az: Sahə polis inspektoru şagirdlərlə görüşəcək.
          ru: Участковый встретится с учениками.
    """).lstrip(), "utf-8")
    officer = (dept / "officers" / "tural-ismayilov.yml").read_text("utf-8")
    start = officer.index("role:")
    end = officer.index("photo:")
    (dept / "officers" / "tural-ismayilov.yml").write_text(
        officer[:start] + "role: sahə polis inspektoru\n" + officer[end:], "utf-8")
    (dept / "docs" / "brochures" / "road-safety.en.md").unlink()
    out = project / "out"
    run_cpsites("build", "--dept", DEPT, "--out", str(out), "--quiet", cwd=project, check=True)
    return out / DEPT


def html(site: Path, rel: str) -> str:
    return (site / rel / "index.html").read_text("utf-8")


def test_untranslated_event_page_is_marked_and_not_indexed(site):
    en = html(site, f"en/events/{EVENT}")
    assert '<meta name="robots" content="noindex">' in en
    assert f'<link rel="canonical" href="https://icma-polisi.example/{DEPT}/events/{EVENT}/">' in en
    assert "cp-fallback" in en and "has not been translated into English" in en
    assert '<div lang="az">' in en and "9 nömrəli məktəbdə görüş" in en
    # the Russian page is translated: no notice, indexed
    ru = html(site, f"ru/events/{EVENT}")
    assert "noindex" not in ru and "Встреча в школе № 9" in ru
    # the English search index does not hold Azerbaijani text under an English address
    index = json.loads((site / "en/search/search_index.json").read_text("utf-8"))
    assert not [d for d in index["docs"] if d["location"].startswith(f"events/{EVENT}/")]
    # nor does the sitemap list it as an English page
    sitemap = (site / "sitemap.xml").read_text("utf-8")
    assert f"{DEPT}/en/events/{EVENT}/<" not in sitemap and f"{DEPT}/events/{EVENT}/<" in sitemap
    # listings mark the untranslated title with its language
    listing = html(site, "en/events")
    assert '<span lang="az">9 nömrəli məktəbdə görüş</span>' in listing


def test_untranslated_field_is_marked_inline(site):
    en = html(site, "en/officers/tural-ismayilov")
    assert '<span lang="az">sahə polis inspektoru</span>' in en
    assert "noindex" not in en, "the page itself is in English (name, rank, streets)"


def test_untranslated_brochure_shows_the_azerbaijani_text_with_a_notice(site):
    en = html(site, "en/brochures/road-safety")
    assert '<meta name="robots" content="noindex">' in en
    assert "cp-fallback" in en and "cp-brochure" in en and "Uşaqlarla yolda təhlükəsizlik" in en
    listing = html(site, "en/brochures")
    assert 'lang="az"' in listing and "in Azerbaijani" in listing
