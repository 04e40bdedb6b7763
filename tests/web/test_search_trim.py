"""The search index stays small as news piles up: old posts keep their title and first words."""

from __future__ import annotations

from cpsites.web.search import FULL_TEXT_POSTS, TRIMMED_CHARS, trim_old_posts


def _post(n: int, section: str = "") -> dict:
    day = f"20{10 + n // 336:02d}-{1 + (n // 28) % 12:02d}-{1 + n % 28:02d}"
    return {"location": f"news/{day}-post-{n}/{section}", "title": f"Post {n}", "text": "söz " * 400}


def test_newest_posts_keep_their_text_older_ones_are_trimmed():
    docs = [_post(n) for n in range(FULL_TEXT_POSTS + 50)] + [_post(3, "#section")]
    docs += [{"location": "officers/", "title": "Officers", "text": "x " * 1000}]
    out = trim_old_posts(docs)
    by_loc = {d["location"]: d for d in out}
    newest = sorted((d["location"] for d in docs if "#" not in d["location"] and d["location"].startswith("news/")),
                    reverse=True)
    for loc in newest[:FULL_TEXT_POSTS]:
        assert by_loc[loc]["text"] == "söz " * 400
    for loc in newest[FULL_TEXT_POSTS:]:
        assert len(by_loc[loc]["text"]) <= TRIMMED_CHARS + 2 and by_loc[loc]["title"]
    assert not any("#section" in d["location"] for d in out), "old posts' sections leave the index"
    assert by_loc["officers/"]["text"] == "x " * 1000, "other pages are never trimmed"


def test_few_posts_are_left_alone():
    docs = [_post(n) for n in range(10)]
    assert trim_old_posts(docs) == docs
