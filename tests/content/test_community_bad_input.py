"""Issue 3, bad input: the real `cpsites build` on a copy of the project with one mistake each.

Each mistake stops the build with exit status 2 and a message naming the file, the line and the
field, in plain words, and no Python traceback.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

# several folders have a conftest.py: load this one by path, not by the ambiguous module name
import importlib.util as _ilu  # noqa: E402
_spec = _ilu.spec_from_file_location("_conftest_tests", __import__('pathlib').Path(__file__).resolve().parents[1] / "conftest.py")
_cf = _ilu.module_from_spec(_spec)
_spec.loader.exec_module(_cf)
run_cpsites = _cf.run_cpsites

DEPT = "sites/mingachevir"


def edit(project: Path, rel: str, old: str, new: str) -> None:
    path = project / DEPT / rel
    text = path.read_text("utf-8")
    assert old in text, f"{rel} no longer holds {old!r}: update this test"
    path.write_text(text.replace(old, new, 1), "utf-8")


def no_phone(p: Path) -> None:
    edit(p, "officers/rauf-hasanov.yml", 'phone: "+994 24 275 03 11"\n', "")


def end_before_start(p: Path) -> None:
    edit(p, "events/2026-11-14-open-day.yml", "end: 2026-11-14 15:00", "end: 2026-11-14 09:00")


def episode_date_not_a_date(p: Path) -> None:
    edit(p, "tv/2026-11-20-1.yml", "date: 2026-11-20", "date: 2026-11-31")


def episode_date_in_words(p: Path) -> None:
    edit(p, "tv/2026-11-20-1.yml", "date: 2026-11-20", "date: 20 noyabr")


def missing_photo(p: Path) -> None:
    edit(p, "officers/tural-ismayilov.yml", "photo: images/officers/tural-ismayilov.jpg",
         "photo: images/officers/tural.jpg")


def street_in_two_areas(p: Path) -> None:
    # Nizami küçəsi belongs to area 1 (Rauf Həsənov, Leyla Əliyeva); list it under area 2 as well
    edit(p, "officers/elnur-guliyev.yml", "        en: Sahil Street\n",
         "        en: Sahil Street\n      - az: Nizami küçəsi\n")


CASES = {
    # name: (break the content, file named in the message, line, words the message must hold)
    "officer without a phone": (no_phone, "officers/rauf-hasanov.yml", None, ["`phone`", "missing"]),
    "event ends before it starts": (end_before_start, "events/2026-11-14-open-day.yml", 7,
                                    ["`end`", "not after `start`", "14 November 2026, 09:00"]),
    "episode date is not a date": (episode_date_not_a_date, "tv/2026-11-20-1.yml", 2,
                                   ["`date`", '"2026-11-31"', "not a valid date", "YYYY-MM-DD"]),
    "episode date in words": (episode_date_in_words, "tv/2026-11-20-1.yml", 2,
                              ["`date`", "not a valid date", "YYYY-MM-DD"]),
    "officer photo does not exist": (missing_photo, "officers/tural-ismayilov.yml", 13,
                                     ["`photo`", "images/officers/tural.jpg", "does not exist"]),
    "street under two areas with different officers": (
        # files are read in name order: the message is on the first area-1 file after Elnur's
        street_in_two_areas, "officers/leyla-aliyeva.yml", 28,
        ["`areas.0.streets.0`", '"Nizami küçəsi"', "under area 1", "officers/elnur-guliyev.yml",
         "under area 2", "houses"]),
}


@pytest.mark.parametrize("case", list(CASES))
def test_bad_community_input_stops_the_build_with_a_clear_message(case, project_copy, tmp_path):
    breaker, rel, line, words = CASES[case]
    breaker(project_copy)
    out = tmp_path / "site"
    proc = run_cpsites("build", "--dept", "mingachevir", "--out", str(out), cwd=project_copy)
    text = proc.stdout + proc.stderr
    assert proc.returncode == 2, text
    assert "Traceback" not in text and "Error:" not in text.split("\n")[0], text
    where = re.escape(f"{DEPT}/{rel}:") + (f"{line}: " if line else r"(\d+: )?")
    found = [m for m in text.splitlines() if re.match(where, m)]
    assert found, f"no message starting with {where}:\n{text}"
    for w in words:
        assert w in found[0], f"{w!r} not in: {found[0]}"
    assert len([m for m in text.splitlines() if m.startswith("sites/")]) == 1, f"one mistake, one message:\n{text}"
    assert not out.exists(), "a failed build must not leave a site behind"
