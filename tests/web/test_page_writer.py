"""Pages written by threads with their compressed copies (cpsites/web/page_writer.py): the same
files as MkDocs writing them and the last compression pass compressing them."""

import contextlib
import filecmp
import gzip
from pathlib import Path

import brotli
import pytest
from mkdocs import utils

from cpsites import build
from cpsites.web import page_writer

REPO = Path(__file__).resolve().parents[2]


def test_pages_get_their_copies_and_a_failed_write_stops_the_build(tmp_path):
    page = tmp_path / "news" / "open-day" / "index.html"
    html = ("<h1>Açıq qapı günü</h1>" * 40).encode()
    original = utils.write_file
    with page_writer.writing():
        assert utils.write_file is not original
        utils.write_file(html, str(page))
        utils.write_file(b"<p>404</p>" * 40, str(tmp_path / "404.html"))
        page_writer.flush()
        assert page.read_bytes() == html  # after flush() the file is there to read back
    assert gzip.decompress(page.with_name("index.html.gz").read_bytes()) == html
    assert brotli.decompress(page.with_name("index.html.br").read_bytes()) == html
    assert not (tmp_path / "404.html.gz").exists()  # rewritten by later steps: the last pass does it
    assert utils.write_file is original and page_writer._active is None

    (tmp_path / "blocked").write_text("a file where a folder should be")
    for threads in (2, 0):
        with pytest.raises(OSError):
            with page_writer.writing(None, threads):
                utils.write_file(html, str(tmp_path / "blocked" / "index.html"))
        assert utils.write_file is original and page_writer._active is None


def test_without_threads_each_page_is_written_at_once(tmp_path):
    page = tmp_path / "news" / "open-day" / "index.html"
    html = ("<h1>Açıq qapı günü</h1>" * 40).encode()
    with page_writer.writing(None, threads=0) as writer:
        utils.write_file(html, str(page))
        assert page.read_bytes() == html and not writer._pending  # no flush() needed
        assert brotli.decompress(page.with_name("index.html.br").read_bytes()) == html


def test_a_build_writes_what_mkdocs_and_the_compression_pass_wrote(built_site, tmp_path, monkeypatch):
    # built_site: the newspaper editions this department's pages list are in the shared cache
    monkeypatch.setenv("CPSITES_NOW", "2026-11-23 12:00")
    job = ("mingachevir", str(REPO / "sites" / "mingachevir" / "mkdocs.yml"))
    assert build._worker((*job, str(tmp_path / "threads"), str(tmp_path / "cache"), False, "", None, 2)).ok
    # no core to spare: every page written at once, without threads
    assert build._worker((*job, str(tmp_path / "at-once"), str(tmp_path / "cache"), False, "", None, 0)).ok
    monkeypatch.setattr(page_writer, "writing", lambda *args: contextlib.nullcontext())
    assert build._worker((*job, str(tmp_path / "mkdocs"), str(tmp_path / "cache"), False, "", None, 2)).ok
    names = sorted(str(p.relative_to(tmp_path / "mkdocs")) for p in (tmp_path / "mkdocs").rglob("*") if p.is_file())
    assert len([n for n in names if n.endswith("index.html.br")]) > 200
    for way in ("threads", "at-once"):
        assert names == sorted(str(p.relative_to(tmp_path / way)) for p in (tmp_path / way).rglob("*") if p.is_file())
        match, mismatch, errors = filecmp.cmpfiles(tmp_path / "mkdocs", tmp_path / way, names, shallow=False)
        assert mismatch == [] and errors == []


def test_the_same_file_written_twice_ends_with_the_second_text(tmp_path):
    path = tmp_path / "ru" / "index.html"
    with page_writer.writing():
        for n in range(50):
            utils.write_file((f"<p>{n}</p>" * 2000).encode(), str(path))
    assert path.read_bytes() == ("<p>49</p>" * 2000).encode()
    assert gzip.decompress(path.with_name("index.html.gz").read_bytes()) == path.read_bytes()


def test_a_page_unchanged_since_the_published_build_reuses_its_copies(tmp_path):
    published, new = tmp_path / "site" / "ganja", tmp_path / "building" / "ganja"
    same = ("<h1>Açıq qapı günü</h1>" * 40).encode()
    with page_writer.writing():
        utils.write_file(same, str(published / "news" / "index.html"))
        utils.write_file(same + b"<p>old</p>", str(published / "about" / "index.html"))
    edited = same + b"<p>new</p>"
    with page_writer.writing((new, published)):
        utils.write_file(same, str(new / "news" / "index.html"))
        utils.write_file(edited, str(new / "about" / "index.html"))
        utils.write_file(same, str(new / "events" / "index.html"))  # not published before
    for suffix in (".gz", ".br"):  # the same bytes: the published copies, linked
        assert (new / "news" / f"index.html{suffix}").stat().st_ino == \
            (published / "news" / f"index.html{suffix}").stat().st_ino
    assert (new / "about" / "index.html.gz").stat().st_ino != (published / "about" / "index.html.gz").stat().st_ino
    assert gzip.decompress((new / "about" / "index.html.gz").read_bytes()) == edited
    assert brotli.decompress((new / "about" / "index.html.br").read_bytes()) == edited
    assert brotli.decompress((published / "about" / "index.html.br").read_bytes()) == same + b"<p>old</p>"
    assert gzip.decompress((new / "events" / "index.html.gz").read_bytes()) == same


def test_threads_write_pages_only_when_a_core_would_wait():
    # a whole build on two cores: two departments at a time, no core to spare
    assert build.write_threads([False] * 12, cores=2) == 0
    # after one edit on two cores: three language processes already
    assert build.write_threads([True], cores=2) == 0
    # the same edit on eight cores, or one department alone on two: threads use the spare cores
    assert build.write_threads([True], cores=8) == 2
    assert build.write_threads([False], cores=2) == 2
    # --jobs 1: one core, nothing to spare
    assert build.write_threads([False, False], cores=1) == 0
