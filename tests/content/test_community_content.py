"""Issue 3, content model: officers, TV episodes, events, brochures, complaint boxes, groups.

The shipped sample content is loaded as it is; small fixture departments (written into temp
folders) check the rules a press officer can break.
"""

from __future__ import annotations

import datetime as dt
import shutil
import textwrap
from pathlib import Path

import pytest

from cpsites.content import load_site, site_dirs
from cpsites.content.officers import fold, group_areas
from cpsites.content.tv import external_video
from cpsites.errors import ContentError
from cpsites.i18n import TZ

REPO = Path(__file__).resolve().parents[2]
SLUGS = "mingachevir shirvan ganja yevlakh tartar gazakh guba khachmaz shabran narimanov nakhchivan".split()


@pytest.fixture(scope="module")
def mingachevir():
    return load_site(REPO / "sites" / "mingachevir")


def test_mingachevir_is_the_fullest_sample(mingachevir):
    s = mingachevir
    assert len(s.officers) >= 6 and len(s.episodes) >= 6 and len(s.events) >= 6
    assert {b.default.topic for b in s.brochures} >= {"crime-prevention", "domestic-violence", "road-safety",
                                                       "clean-internet"}
    assert s.complaints is not None and len(s.complaints.boxes) >= 3
    assert {g.kind for g in s.groups} == {"working-group", "advisory-group"}


@pytest.mark.parametrize("slug", SLUGS)
def test_every_department_has_the_community_sample_content(slug):
    folder = REPO / "sites" / slug
    if not (folder / "department.yml").is_file():
        pytest.fail(f"sites/{slug}/department.yml is missing")
    s = load_site(folder)
    assert len(s.officers) >= 2, "at least two neighbourhood officers"
    assert len(s.episodes) >= 2, "at least two TV episodes"
    assert len(s.events) >= 2, "at least two events"
    assert len(s.brochures) >= 1, "at least one brochure"
    assert all(set(b.variants) == {"az", "ru", "en"} for b in s.brochures), "brochures in three languages"
    assert s.complaints is not None and s.complaints.boxes, "complaint boxes"
    assert s.groups, "community groups"


def test_every_sample_text_exists_in_three_languages():
    """Sample content is complete: fallbacks are for real departments, not for our examples."""
    for folder in site_dirs(REPO):
        s = load_site(folder)
        texts = []
        for o in s.officers:
            texts += [o.role, o.reception.hours, o.reception.place] + [a.name for a in o.areas]
        for ep in s.episodes:
            texts += [ep.title, ep.summary]
        for ev in s.events:
            texts += [ev.title, ev.place, ev.description]
        for g in s.groups:
            texts += [g.name, g.purpose, g.schedule] + [m.role for m in g.members]
        missing = [t.az for t in texts if not (t.has("ru") and t.has("en"))]
        assert not missing, f"{folder.name}: texts without ru or en: {missing[:3]}"


def test_areas_gather_officers_and_streets(mingachevir):
    areas = {g.number: g for g in group_areas(mingachevir.officers)}
    centre = areas[1]
    assert {o.id for o in centre.officers} == {"rauf-hasanov", "leyla-aliyeva"}
    # the senior officer first (order: 1)
    assert centre.officers[0].id == "rauf-hasanov"
    # a street listed by both officers of the area appears once
    names = [s.az for s in centre.streets]
    assert names.count("Nizami küçəsi") == 1
    # Heydər Əliyev prospekti is split between areas 1 and 2 by house numbers
    split = {g.number: s.house_range for g in areas.values() for s in g.streets if s.az == "Heydər Əliyev prospekti"}
    assert split == {1: (1, 59), 2: (61, 140)}


def test_fold_ignores_case_and_azerbaijani_letters():
    assert fold("HEYDƏR ƏLİYEV pr.") == fold("heyder eliyev pr") == "heyder eliyev pr"
    assert fold("Işıqlı küçə") == "isiqli kuce"
    assert fold("İstiqlal") == "istiqlal"
    assert fold("улица Самеда Вургуна") == "улица самеда вургуна"
    assert fold("Ёлочная") == "елочная"


def test_episode_air_time_is_baku_time(mingachevir):
    ep = next(e for e in mingachevir.episodes if e.number == 214)
    assert ep.air == dt.datetime(2026, 11, 20, 19, 30, tzinfo=TZ)
    assert ep.air.utcoffset() == dt.timedelta(hours=4)
    assert ep.end - ep.air == dt.timedelta(minutes=30)


def test_external_video_addresses():
    yt = external_video("https://www.youtube.com/watch?v=mQ7cP2x9KfA")
    assert yt.embed_url.startswith("https://www.youtube-nocookie.com/embed/mQ7cP2x9KfA")
    assert external_video("https://youtu.be/Xb4nR8tLw2E").video_id == "Xb4nR8tLw2E"
    assert external_video("https://vimeo.com/905512344").embed_url.startswith("https://player.vimeo.com/video/905512344")
    assert external_video("https://example.com/video.mp4") is None
    assert external_video("javascript:alert(1)") is None


# -- rules, on small fixture departments ---------------------------------------------------------

def fixture_department(tmp_path: Path, files: dict[str, str]) -> Path:
    """A copy of Mingachevir's department.yml with only the given community files."""
    root = tmp_path / "mingachevir"
    (root / "docs").mkdir(parents=True)
    shutil.copy2(REPO / "sites/mingachevir/department.yml", root / "department.yml")
    (root / "docs/index.az.md").write_text("# Ana səhifə\n", "utf-8")
    (root / "docs/images/officers").mkdir(parents=True)
    shutil.copy2(REPO / "sites/mingachevir/docs/images/officers/rauf-hasanov.jpg", root / "docs/images/officers/a.jpg")
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip(), "utf-8")
    return root


OFFICER = """
    name: {az: Anar Bəşirov, ru: Анар Баширов, en: Anar Bashirov}
    rank: {az: polis leytenantı, ru: лейтенант полиции, en: Police Lieutenant}
    role: sahə polis inspektoru
    photo: images/officers/a.jpg
    phone: "+994 24 275 09 01"
    areas:
      - number: %(area)s
        name: Sahə %(area)s
        streets:
          - az: Nizami küçəsi
            %(houses)s
    reception:
      hours: Çərşənbə, 10:00–12:00
      place: Sahə məntəqəsi
"""


def officer(area: int, houses: str = "") -> str:
    return OFFICER % {"area": area, "houses": f'houses: "{houses}"' if houses else ""}


def problems_of(root: Path) -> str:
    with pytest.raises(ContentError) as info:
        load_site(root)
    return str(info.value)


def test_street_split_between_areas_by_house_numbers_is_allowed(tmp_path):
    root = fixture_department(tmp_path, {"officers/a.yml": officer(1, "1-40"), "officers/b.yml": officer(2, "41-90")})
    assert len(load_site(root).officers) == 2


def test_overlapping_house_numbers_are_a_conflict(tmp_path):
    root = fixture_department(tmp_path, {"officers/a.yml": officer(1, "1-40"), "officers/b.yml": officer(2, "30-90")})
    msg = problems_of(root)
    assert "officers/b.yml:" in msg and "`areas.0.streets.0`" in msg and "Nizami küçəsi" in msg


def test_same_street_twice_in_one_area_is_fine(tmp_path):
    root = fixture_department(tmp_path, {"officers/a.yml": officer(1), "officers/b.yml": officer(1)})
    assert [g.number for g in group_areas(load_site(root).officers)] == [1]


def test_time_written_without_quotes_is_a_time_not_a_number(tmp_path):
    episode = """
        number: 1
        date: 2026-12-04
        time: 19:30
        duration: 25
        title: Veriliş
        summary: Qısa məzmun
    """
    root = fixture_department(tmp_path, {"tv/2026-12-04-1.yml": episode})
    ep = load_site(root).episodes[0]
    assert ep.air == dt.datetime(2026, 12, 4, 19, 30, tzinfo=TZ)


def test_event_must_name_an_existing_group(tmp_path):
    event = """
        kind: advisory-group
        group: no-such-group
        title: İclas
        start: 2026-12-03 17:00
        end: 2026-12-03 19:00
        place: Məntəqə
        description: Gündəlik
    """
    root = fixture_department(tmp_path, {"events/2026-12-03-meeting.yml": event})
    msg = problems_of(root)
    assert "events/2026-12-03-meeting.yml:2:" in msg and "`group`" in msg and "no-such-group" in msg


def test_file_name_date_must_match_the_date_inside(tmp_path):
    event = """
        kind: other
        title: Tədbir
        start: 2026-12-04 17:00
        end: 2026-12-04 19:00
        place: Məntəqə
        description: Gündəlik
    """
    root = fixture_department(tmp_path, {"events/2026-12-03-meeting.yml": event})
    msg = problems_of(root)
    assert "events/2026-12-03-meeting.yml:3:" in msg and "`start`" in msg and "2026-12-03" in msg


def test_unknown_video_host_is_refused(tmp_path):
    episode = """
        number: 1
        date: 2026-12-04
        time: "19:30"
        duration: 25
        title: Veriliş
        summary: Qısa məzmun
        video:
          url: https://example.com/watch/123
    """
    root = fixture_department(tmp_path, {"tv/2026-12-04-1.yml": episode})
    msg = problems_of(root)
    assert "tv/2026-12-04-1.yml:" in msg and "`video`" in msg and "YouTube or Vimeo" in msg


@pytest.mark.parametrize("field,value,words", [
    ("time", '"25:00"', ['`time`', '"25:00" is not a time of day', "HH:MM"]),
    ("time", "evening", ['`time`', '"evening" is not a time of day']),
])
def test_episode_time_must_be_a_time_of_day(tmp_path, field, value, words):
    episode = f"""
        number: 1
        date: 2026-12-04
        {field}: {value}
        duration: 25
        title: Veriliş
        summary: Qısa məzmun
    """
    root = fixture_department(tmp_path, {"tv/2026-12-04-1.yml": episode})
    msg = problems_of(root)
    assert "tv/2026-12-04-1.yml:3:" in msg
    for w in words:
        assert w in msg


def test_event_start_needs_a_time(tmp_path):
    event = """
        kind: other
        title: Tədbir
        start: 2026-12-04
        end: 2026-12-04 19:00
        place: Məntəqə
        description: Gündəlik
    """
    root = fixture_department(tmp_path, {"events/2026-12-04-meeting.yml": event})
    msg = problems_of(root)
    assert "events/2026-12-04-meeting.yml:3:" in msg and "`start`" in msg and "has no time" in msg
