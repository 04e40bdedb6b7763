"""Pre-compressed copies of the built text files, for web servers that serve them as they are.

Visitors read these sites on phones over slow networks. Writing `page.html.gz` and
`page.html.br` next to `page.html` at build time lets the server send them without compressing
on every request (nginx `gzip_static on;` and `brotli_static on;`, see the README), at
settings stronger than a server could afford per request. Files that do not shrink are
left alone. Output is reproducible: gzip headers carry no time stamp and no file name.
"""

from __future__ import annotations

import gzip
import hashlib
import os
from pathlib import Path

import brotli
from zlib_ng import gzip_ng

# Text formats a browser or feed reader downloads. Source maps (.map) are only fetched by
# developer tools: not worth the build time.
COPIES = (".gz", ".br")  # a text file's compressed copies, beside it: name + suffix
TEXT_SUFFIXES = frozenset({".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".ics", ".rss",
                           ".atom", ".webmanifest", ".vcf"})
MIN_SIZE = 256  # below this the headers cost more than compression saves
# Brotli's strongest setting is slow (~20 ms for a 16 KB page): used for the shared assets,
# which are compressed once per process; pages get a fast setting that still beats gzip -9.
BROTLI_QUALITY_ASSETS = 11
BROTLI_QUALITY_PAGES = 5
# gzip -9 takes twice as long as -6 on our pages for 0.4 % fewer bytes (measured on a department
# of 567 pages: 0.32 s against 0.15 s, 2.73 MB against 2.74 MB); assets keep -9. Pages go through
# zlib-ng (the same gzip format, a faster deflate: 0.15 ms a page against zlib's 0.24 ms, 0.8 %
# more bytes), the assets, compressed once and kept, through Python's zlib at its tightest.
GZIP_LEVEL_ASSETS = 9
GZIP_LEVEL_PAGES = 6

# Every department ships the same Material assets: compress identical bytes once per process
# (pages are unique, so only assets are kept).
_cache: dict[bytes, tuple[bytes, bytes]] = {}


def _compress(data: bytes, is_asset: bool, disk: Path | None = None) -> tuple[bytes, bytes]:
    key = hashlib.sha256(data).digest() if is_asset else None
    if key in _cache:
        return _cache[key]
    # assets are the same bytes in every department and every build: keep them on disk too
    stored = disk / f"{key.hex()}-{BROTLI_QUALITY_ASSETS}" if disk is not None and key is not None else None
    if stored is not None:
        try:
            packed = (stored.with_suffix(".gz").read_bytes(), stored.with_suffix(".br").read_bytes())
            _cache[key] = packed
            return packed
        except FileNotFoundError:
            pass
    packed = (gzip.compress(data, compresslevel=GZIP_LEVEL_ASSETS, mtime=0) if is_asset
              else gzip_ng.compress(data, compresslevel=GZIP_LEVEL_PAGES, mtime=0),
              brotli.compress(data, quality=BROTLI_QUALITY_ASSETS if is_asset else BROTLI_QUALITY_PAGES))
    if key is not None:
        _cache[key] = packed
    if stored is not None:
        stored.parent.mkdir(parents=True, exist_ok=True)
        for suffix, blob in ((".gz", packed[0]), (".br", packed[1])):
            tmp = stored.with_suffix(f"{suffix}.{os.getpid()}")
            tmp.write_bytes(blob)
            os.replace(tmp, stored.with_suffix(suffix))
    return packed


def _up_to_date(source: Path, copy: Path) -> bool:
    try:
        return copy.stat().st_mtime_ns >= source.stat().st_mtime_ns
    except FileNotFoundError:
        return False


def precompress(site_dir: Path, cache_dir: Path | None = None, skip: set[str] = frozenset(),
                pages_done: bool = False) -> int:
    """Write .gz and .br beside every text file under site_dir; returns how many files got them.
    `cache_dir` keeps the compressed shared assets for later builds; `skip`: top-level folders
    left out (compressed already); `pages_done`: the pages (index.html) have theirs, from the
    page writer (whose copies of an unchanged page are the published ones, linked: older than
    the page, they would look stale here). zlib and brotli let go of Python's lock while they
    work, so two threads use both cores when one department was rebuilt alone."""
    sources = []
    for dirpath, dirnames, filenames in os.walk(site_dir):
        if dirpath == os.fspath(site_dir):
            dirnames[:] = [d for d in dirnames if d not in skip]
        sources += [Path(dirpath) / name for name in filenames if os.path.splitext(name)[1] in TEXT_SUFFIXES
                    and not (pages_done and name == "index.html")]
    if len(sources) < 64:
        return sum(_precompress_one(source, site_dir, cache_dir) for source in sources)
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(min(2, os.cpu_count() or 1)) as pool:
        return sum(pool.map(lambda source: _precompress_one(source, site_dir, cache_dir), sources))


def _precompress_one(source: Path, site_dir: Path, cache_dir: Path | None) -> int:
    if _up_to_date(source, source.with_name(source.name + ".gz")) \
            and _up_to_date(source, source.with_name(source.name + ".br")):
        return 0
    is_asset = "assets" in source.relative_to(site_dir).parts
    return compress_copies(source.read_bytes(), source, is_asset, cache_dir)


def compress_copies(data: bytes, path: Path | str, is_asset: bool = False, cache_dir: Path | None = None) -> int:
    """The .gz and .br copies of the file at `path` whose bytes are `data` (also for pages just
    written from memory, cpsites/web/page_writer.py); 1 if it got them."""
    if len(data) < MIN_SIZE:
        return 0
    gz, br = _compress(data, is_asset, cache_dir)
    name = os.fspath(path)
    for suffix, packed in ((".gz", gz), (".br", br)):
        copy = name + suffix
        if len(packed) < len(data):
            _write(copy, packed)
        elif os.path.exists(copy):
            os.unlink(copy)  # a stale copy of an earlier, larger version
    return 1


_NEW_FILE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)


def write_new(path: str, data: bytes) -> None:
    """A file that must not exist yet, with `data`: three system calls, no Python file object
    (a cold build writes ~15,000 files; raises FileExistsError when there is one)."""
    fd = os.open(path, _NEW_FILE, 0o666)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
    finally:
        os.close(fd)


def _write(path: Path | str, data: bytes) -> None:
    """A new file is written directly (a fresh build: two system calls fewer per copy); an
    existing one by rename, never in place: an unchanged site's files are hard links to the
    previous build's (cpsites/incremental.py), which must stay as they are."""
    try:
        write_new(os.fspath(path), data)
        return
    except FileExistsError:
        pass
    path = Path(path)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)
