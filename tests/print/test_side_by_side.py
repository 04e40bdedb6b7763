"""`cpsites paper` lays out the screen and print editions side by side in two processes: the
child's work and its errors (file and line included) reach the parent."""

from __future__ import annotations

from pathlib import Path

import pytest

from cpsites.errors import ContentError, Problem
from cpsites.print.render import _side_by_side


def test_both_sides_run_and_the_parents_result_is_returned(tmp_path: Path):
    marker = tmp_path / "child.txt"
    result = _side_by_side(lambda: marker.write_text("print edition", "utf-8"), lambda: "screen edition")
    assert result == "screen edition"
    assert marker.read_text("utf-8") == "print edition"


def test_an_error_in_the_child_is_raised_in_the_parent_with_its_file_and_line():
    problem = Problem("sites/demo/newspaper/2026-12.yml", 9, 'story "x": does not fit')

    def fail():
        raise ContentError(problem)

    with pytest.raises(ContentError) as caught:
        _side_by_side(fail, lambda: None)
    assert caught.value.problems == [problem]


def test_an_unexpected_error_in_the_child_is_not_lost():
    def crash():
        raise ValueError("layout engine tripped")

    with pytest.raises(ValueError, match="layout engine tripped"):
        _side_by_side(crash, lambda: None)
