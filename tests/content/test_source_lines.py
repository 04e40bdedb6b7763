"""Lines in error messages point at the item: list items written at the key's own indentation
(PyYAML's style, used by the newspaper issue files) as well as indented ones."""

from cpsites.content.source import line_of

ISSUE = """number: 3
stories:
- news: open-day
  page: 1
  image_alt:
    az: Bina
- story: phone-fraud
  page: 2
boxes:
- box: tv
  page: 2
"""

NESTED = """a:
  items:
    - x: 1
      sub:
        - q
    - x: 2
"""


def test_unindented_list_items():
    assert line_of(ISSUE, ["stories", "0"]) == 3
    assert line_of(ISSUE, ["stories", "1"]) == 7
    assert line_of(ISSUE, ["boxes", "0"]) == 10


def test_indented_and_nested_items():
    assert line_of(NESTED, "a.items.1") == 6
    assert line_of(NESTED, "a.items.0.sub.0") == 5


def test_missing_item_points_at_the_list():
    assert line_of(ISSUE, ["stories", "5"]) == 2
