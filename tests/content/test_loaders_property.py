"""Never a traceback: random YAML values and front matter fed to every loader of the content model.

Each example takes one real file of the pilot department (a copy), changes it the way careless or
hostile hands could (a value replaced by any YAML value, a key removed or added, random text with
control characters and markup, or the whole file replaced by random text) and runs the loader
that reads it. The loader must either succeed or raise `ContentError` whose every problem names
the file — never any other exception.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any, Callable

import pytest
import yaml

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings, strategies as st  # noqa: E402

from cpsites.content import load_site  # noqa: E402
from cpsites.content.brochures import load_brochures  # noqa: E402
from cpsites.content.complaints import load_complaints  # noqa: E402
from cpsites.content.department import load_department  # noqa: E402
from cpsites.content.events import load_events  # noqa: E402
from cpsites.content.groups import load_groups  # noqa: E402
from cpsites.content.news import load_news  # noqa: E402
from cpsites.content.newspaper import load_issues  # noqa: E402
from cpsites.content.officers import load_officers  # noqa: E402
from cpsites.content.pages import load_pages  # noqa: E402
from cpsites.content.source import FRONT_MATTER  # noqa: E402
from cpsites.content.tv import load_episodes  # noqa: E402
from cpsites.errors import ContentError  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
# 40 examples per loader and strategy in `make test` (repeatable); CPSITES_FUZZ=2000 for a long hunt
_EXAMPLES = int(os.environ.get("CPSITES_FUZZ", "0") or 0)
SETTINGS = settings(max_examples=_EXAMPLES or 40, deadline=None, derandomize=not _EXAMPLES,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

# Text a press officer (or an attacker) could type: letters of all three languages, markup,
# quotes, control characters and line breaks.
_NASTY = ["\n", "\r", "\x00", "\x0b", "\u2028", "\x85", '"', "'", "<", ">", "&", "</script>",
          '"><img src=x>', "{: onclick=x }", "javascript:", "file:///etc/passwd", "../../", ":", "#",
          "ə", "İ", "ı", "ş", "Ж", "\t", "- ", "{{", "}}", "%", "*", "|", "!!python/object"]
text = st.one_of(st.text(max_size=30), st.lists(st.sampled_from(_NASTY), max_size=6).map("".join))
scalar = st.one_of(st.none(), st.booleans(), st.integers(-10**12, 10**12),
                   st.floats(allow_nan=True, allow_infinity=True), text,
                   st.dates().map(str), st.sampled_from(["2026-02-30", "25:00", "2026-11-20 10:00", "19:30"]))
value = st.recursive(scalar, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                     st.dictionaries(text, inner, max_size=3)), max_leaves=8)


@pytest.fixture(scope="module")
def dept(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("prop") / "sites" / "mingachevir"
    shutil.copytree(REPO / "sites" / "mingachevir", root,
                    ignore=shutil.ignore_patterns("*.jpg", "*.png", "*.webp", "*.mp4"))
    # the loaders check that named pictures exist: give them empty stand-ins (never opened here)
    for src in (REPO / "sites" / "mingachevir").rglob("*"):
        if src.suffix in (".jpg", ".png", ".webp", ".mp4"):
            dest = root / src.relative_to(REPO / "sites" / "mingachevir")
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_bytes(b"")
    return root


def _first(folder: Path, pattern: str) -> Path:
    return sorted(folder.glob(pattern))[0]


def _news(root: Path) -> Any:
    return load_news(root / "docs")


# (file to change, the loader that reads it); every content type of the model
LOADERS: dict[str, tuple[Callable[[Path], Path], Callable[[Path], Any]]] = {
    "department": (lambda r: r / "department.yml", load_department),
    "officer": (lambda r: _first(r / "officers", "*.yml"), load_officers),
    "event": (lambda r: _first(r / "events", "*.yml"), load_events),
    "episode": (lambda r: _first(r / "tv", "*.yml"), load_episodes),
    "group": (lambda r: _first(r / "groups", "*.yml"), load_groups),
    "complaints": (lambda r: r / "complaint-boxes.yml", load_complaints),
    "news": (lambda r: _first(r / "docs" / "news", "*.az.md"), _news),
    "brochure": (lambda r: _first(r / "docs" / "brochures", "*.ru.md"), lambda r: load_brochures(r / "docs")),
    "page": (lambda r: r / "docs" / "about.en.md", lambda r: load_pages(r / "docs")),
    "issue": (lambda r: _first(r / "newspaper", "*.yml"), lambda r: load_issues(r, _news(r))),
    "story": (lambda r: _first(r / "newspaper" / "stories", "*.az.md"), lambda r: load_issues(r, _news(r))),
}


def _split(text: str, markdown: bool) -> tuple[Any, str]:
    """(mapping, Markdown body) of a YAML file (body '') or of a Markdown file's front matter."""
    if not markdown:
        return yaml.safe_load(text), ""
    m = FRONT_MATTER.match(text)
    return (yaml.safe_load(m.group(1) or "") or {}, text[m.end():]) if m else ({}, text)


def _join(data: Any, body: str, markdown: bool) -> str:
    dumped = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    return f"---\n{dumped}---\n{body}" if markdown else dumped


def _paths(data: Any, prefix: tuple = ()) -> list[tuple]:
    """Every key path in nested data, so a change can land at any depth."""
    out = [prefix] if prefix else []
    if isinstance(data, dict):
        for k, v in data.items():
            out += _paths(v, prefix + (k,))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            out += _paths(v, prefix + (i,))
    return out


def _apply(data: Any, path: tuple, action: str, new: Any, key: str) -> Any:
    if not path:
        return new
    parent = data
    for part in path[:-1]:
        parent = parent[part]
    last = path[-1]
    if action == "replace":
        parent[last] = new
    elif action == "delete":
        del parent[last]
    elif action == "add" and isinstance(parent, dict):
        parent[key] = new
    return data


def _run(dept: Path, name: str, new_text: str) -> None:
    target_of, loader = LOADERS[name]
    target = target_of(dept)
    original = target.read_bytes()
    try:
        target.write_text(new_text, "utf-8", errors="surrogatepass")
        try:
            loader(dept)
        except ContentError as exc:
            assert exc.problems, "a ContentError must carry at least one problem"
            for p in exc.problems:
                assert p.file and p.message, f"a problem without file or message: {p!r}"
    finally:
        target.write_bytes(original)


@pytest.mark.parametrize("name", sorted(LOADERS))
@SETTINGS
@given(data=st.data())
def test_changed_values_give_content_errors_or_success(dept: Path, name: str, data) -> None:
    target = LOADERS[name][0](dept)
    markdown = target.suffix == ".md"
    parsed, body = _split(target.read_text("utf-8"), markdown)
    paths = _paths(parsed)
    path = data.draw(st.sampled_from(paths)) if paths else ()
    action = data.draw(st.sampled_from(["replace", "replace", "delete", "add"]))
    changed = _apply(parsed, path, action, data.draw(value), data.draw(text))
    if data.draw(st.booleans()):
        body = body + data.draw(text)
    _run(dept, name, _join(changed, body, markdown))


@pytest.mark.parametrize("name", sorted(LOADERS))
@SETTINGS
@given(raw=st.one_of(text, st.text(max_size=200), value.map(lambda v: yaml.safe_dump(v, allow_unicode=True))))
def test_random_files_give_content_errors_or_success(dept: Path, name: str, raw: str) -> None:
    markdown = LOADERS[name][0](dept).suffix == ".md"
    _run(dept, name, f"---\n{raw}\n---\nText.\n" if markdown and "---" not in raw else raw)


def test_the_whole_department_still_loads(dept: Path) -> None:
    """The examples restored every file: the copy is the pilot department, and it loads."""
    site = load_site(dept)
    assert site.officers and site.events and site.news
