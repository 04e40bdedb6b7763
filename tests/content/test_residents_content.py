"""Local priorities and opinion polls in the content model: bad input is refused with file and
line, the staleness warning fires after exactly REVIEW_DAYS days, percentages add up."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from cpsites.content import load_site, site_warnings
from cpsites.content.polls import percentages
from cpsites.content.priorities import REVIEW_DAYS, stale
from cpsites.errors import ContentError

REPO = Path(__file__).resolve().parents[2]
PRIORITY = "priorities/speeding-nizami-school.yml"
POLL = "polls/2026-10-trust-and-safety.yml"


@pytest.fixture
def dept(tmp_path) -> Path:
    root = tmp_path / "sites" / "mingachevir"
    shutil.copytree(REPO / "sites" / "mingachevir", root)
    return root


def change(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text("utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), "utf-8")


def problems(root: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_site(root)
    return [str(p) for p in caught.value.problems]


@pytest.mark.parametrize("rel, old, new, says", [
    (POLL, "count: 121", "count: -3", "`questions.0.answers.0.count`"),
    (POLL, "count: 121", "count: many", "must be a whole number"),
    (PRIORITY, "area: 1", "area: 9", "there is no area 9"),
    (PRIORITY, "officer: rauf-hasanov", "officer: rauf-hasan", 'there is no officer "rauf-hasan"'),
    (PRIORITY, "group: advisory-group-centre", "group: advisory-group-south", 'there is no group "advisory-group-south"'),
    (PRIORITY, "event: 2026-11-05-advisory-group", "event: 2026-11-06-advisory-group", 'there is no event'),
    (PRIORITY, "  - date: 2026-11-10", "  - date: 2026-10-10", "is before the issue was raised"),
    (PRIORITY, "status: in-progress", "status: done", "`status`"),
])
def test_bad_input_names_file_and_line(dept, rel, old, new, says):
    change(dept, rel, old, new)
    found = problems(dept)
    assert any(rel in p and says in p and re.search(r":\d+: ", p) for p in found), found


def test_a_poll_with_no_answers_counted_is_refused(dept):
    text = (dept / POLL).read_text("utf-8")
    (dept / POLL).write_text(text.replace("count: 231", "count: 0").replace("count: 189", "count: 0"), "utf-8")
    assert any("has no answers counted" in p for p in problems(dept))


def test_a_missing_translation_falls_back_with_a_notice(dept):
    change(dept, POLL, "      ru: Знаете ли вы своего участкового инспектора по имени?\n", "")
    site = load_site(dept)
    q = next(q for q in site.polls[0].data.questions if q.id == "know-officer")
    assert not q.text.has("ru") and q.text.get("ru") == q.text.az


def test_stale_warning_fires_at_day_91_not_90():
    site = load_site(REPO / "sites" / "mingachevir")
    p = next(p for p in site.priorities if p.id == "stray-dogs-yuxari")
    reviewed = p.data.reviewed_on
    assert stale([p], reviewed + dt.timedelta(days=REVIEW_DAYS)) == []
    (warning,) = stale([p], reviewed + dt.timedelta(days=REVIEW_DAYS + 1))
    assert warning.severity == "warning" and "91 days" in str(warning) and "stray-dogs-yuxari.yml:" in str(warning)
    assert any("stray-dogs" in str(w) for w in site_warnings(site, reviewed + dt.timedelta(days=91)))


@settings(max_examples=60, deadline=None, derandomize=True)
@given(st.lists(st.integers(min_value=0, max_value=10**6), min_size=2, max_size=8).filter(lambda c: sum(c) > 0))
def test_percentages_add_up_to_100(counts):
    shares = percentages(counts)
    assert abs(sum(shares) - 100) <= 0.1 + 1e-9
    assert all(abs(s - 100 * c / sum(counts)) <= 0.1 + 1e-9 for s, c in zip(shares, counts))
