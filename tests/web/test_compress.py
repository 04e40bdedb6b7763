"""Pre-compressed copies: fresh files written directly, existing ones (hard links into the previous
build) replaced by rename, never changed in place."""

import gzip
import os
import time

import brotli

from cpsites.web.compress import precompress


def test_copies_are_written_and_a_hard_linked_copy_of_the_old_site_stays_as_it_was(tmp_path):
    site, old = tmp_path / "site", tmp_path / "old"
    (site / "news").mkdir(parents=True)
    old.mkdir()
    page = site / "news" / "index.html"
    first = ("<p>Polis və ictimaiyyət: birgə iş. " * 50).encode()
    page.write_bytes(first)
    assert precompress(site) == 1
    assert gzip.decompress((site / "news" / "index.html.gz").read_bytes()) == first
    assert brotli.decompress((site / "news" / "index.html.br").read_bytes()) == first
    # the previous build's copies, as an unchanged department links them into the new site
    os.link(site / "news" / "index.html.gz", old / "index.html.gz")
    os.link(site / "news" / "index.html.br", old / "index.html.br")

    second = ("<p>Полиция и общество: совместная работа. " * 50).encode()
    time.sleep(0.01)
    page.write_bytes(second)
    assert precompress(site) == 1
    assert gzip.decompress((site / "news" / "index.html.gz").read_bytes()) == second
    assert brotli.decompress((site / "news" / "index.html.br").read_bytes()) == second
    assert gzip.decompress((old / "index.html.gz").read_bytes()) == first
    assert brotli.decompress((old / "index.html.br").read_bytes()) == first
    assert not list(site.rglob(".*.tmp"))
    assert precompress(site) == 0  # up to date: nothing done again
