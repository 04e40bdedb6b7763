"""The theme-file listing kept per process (cpsites/web/theme_files.py) adds what MkDocs adds."""

from pathlib import Path

from mkdocs.config import load_config
from mkdocs.structure.files import Files, get_files

from cpsites.web import theme_files

REPO = Path(__file__).resolve().parents[2]


def _theme_files(method) -> list[tuple[str, str, str]]:
    config = load_config(str(REPO / "sites" / "tartar" / "mkdocs.yml"))
    files = get_files(config)
    before = len(files)
    method(files, config.theme.get_env(), config)
    return [(f.src_uri, f.abs_src_path, f.dest_uri) for f in list(files)[before:]]


def test_compatible_with_the_installed_mkdocs():
    assert theme_files.compatible() == []


def test_same_files_in_the_same_order_as_mkdocs():
    theme_files.install()
    original = theme_files.PATCH.original or Files.add_files_from_theme
    ours = _theme_files(theme_files._add_files_from_theme)
    assert ours == _theme_files(original)
    assert any(src.startswith("assets/javascripts/bundle.") for src, _, _ in ours)
    assert any(src.startswith("assets/stylesheets/") and "/overrides/" in path for src, path, _ in ours)
    # a second listing comes from the kept one and is still the same
    assert _theme_files(theme_files._add_files_from_theme) == ours


def test_a_new_file_in_overrides_is_seen(tmp_path, monkeypatch):
    """overrides/ is listed every time (a press office may add a file while the preview runs)."""
    config = load_config(str(REPO / "sites" / "tartar" / "mkdocs.yml"))
    extra = tmp_path / "theme"
    (extra / "assets").mkdir(parents=True)
    config.theme.dirs.insert(0, str(extra))
    env = config.theme.get_env()
    files = Files([])
    theme_files._add_files_from_theme(files, env, config)
    assert files.get_file_from_path("assets/new.js") is None
    (extra / "assets" / "new.js").write_text("1")
    files = Files([])
    theme_files._add_files_from_theme(files, env, config)
    assert files.get_file_from_path("assets/new.js") is not None


def test_a_static_file_is_copied_once_and_again_when_edited(tmp_path):
    src, site = tmp_path / "src", tmp_path / "site"
    src.mkdir()
    (src / "a.css").write_text("body{}")
    f = theme_files.StaticFile("a.css", str(src), str(site), True)
    f.copy_file()
    dest = site / "a.css"
    first = dest.stat().st_mtime_ns
    f.copy_file()  # the next language pass: the copy is there
    assert dest.stat().st_mtime_ns == first
    import os
    (src / "a.css").write_text("html{}")  # edited while the preview runs (same size)
    os.utime(src / "a.css", ns=(first + 10**9, first + 10**9))
    f.copy_file()
    assert dest.read_text() == "html{}"


def test_a_changed_mkdocs_method_is_left_alone():
    """Our copy of a MkDocs method replaces it only while MkDocs' source is the one copied."""
    from cpsites.web.mkdocs_patch import MethodPatch

    class Owner:
        def method(self):
            return "mkdocs"

    def ours(self):
        return "ours"

    stale = MethodPatch(Owner, "method", ours, "0" * 64, "a test")
    assert any("Owner.method is not the one a test repeats" in p for p in stale.compatible())
    assert stale.install() is False and Owner().method() == "mkdocs"
    fresh = MethodPatch(Owner, "method", ours, stale.source_digest(), "a test")
    assert fresh.compatible() == [] and fresh.install() is True and Owner().method() == "ours"
    # after installing, the digest is still that of MkDocs' own method, not of ours
    assert fresh.original is not None and fresh.source_digest() == fresh.digest
