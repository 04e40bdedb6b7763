"""Pages written with their .gz and .br copies straight from memory, by two threads while the next
pages render when the machine has a core to spare, else at once.

MkDocs renders a page and then writes it; the build then read every page again to compress it
(cpsites/web/compress.py). Here MkDocs' `write_file` creates the folder, writes the page and its
compressed copies from the bytes it was given. zlib, brotli and file writes let go of Python's
lock, so threads use a core that would otherwise wait. When every core already runs a build
process (a whole build: two departments at a time; after one edit: three languages on two cores)
the threads only cost: each of a page's ~10 hand-overs of the lock stops the rendering thread,
and a cold build of the 100-post project took 4-8 % longer with them (timed in pairs), the
rebuild after one edit 7 %. `cpsites build` (build.build_all) says which: `threads` of
`writing()`. Plain `mkdocs build` and the preview write as MkDocs does.

Pages that need not be drawn again (cpsites/web/page_reuse.py) are hard-linked from the published
site the same way (`link`, in the threads when there are any): making their folders is most of that work.

Whatever reads a file that MkDocs wrote must wait for the writes first: `flush()`. The plugin
does so at the start of every language pass's post-build step (where mkdocs-static-i18n, the
search plugin and ours read the 404 page, the search index and the sitemap back); `writing()`
flushes at its end and raises the first error a write met (a full disk, say).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from typing import Iterator

from cpsites.web import compress

_active: "PageWriter | None" = None


class PageWriter:
    def __init__(self, previous: tuple[str, str] | None = None, threads: int = 2) -> None:
        # no threads: every write done at once, in the caller's thread
        self._pool = ThreadPoolExecutor(threads, thread_name_prefix="cpsites-write") if threads else None
        self._pending: dict[str, Future] = {}
        self._lock = threading.Lock()
        self._previous = previous

    def write(self, content: bytes, output_path: str) -> None:
        """MkDocs' utils.write_file, done in a thread (or at once, without threads)."""
        path = os.fspath(output_path)
        if self._pool is None:
            _write(content, path, self._previous)
            return
        with self._lock:
            earlier = self._pending.get(path)
        if earlier is not None:
            earlier.result()  # the same file again: never two threads writing one file
        with self._lock:
            self._pending[path] = self._pool.submit(_write, content, path, self._previous)

    def link(self, old: str, new: str) -> None:
        """A published page and its .gz/.br at `new` too (cpsites/web/page_reuse.py), in a thread:
        making its folder is most of the cost, and the file system lets go of Python's lock."""
        if self._pool is None:
            _link(old, new)
            return
        with self._lock:
            self._pending[new] = self._pool.submit(_link, old, new)

    def flush(self) -> None:
        with self._lock:
            pending, self._pending = self._pending, {}
        for future in pending.values():
            future.result()  # raises what the write raised

    def shutdown(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True)


def _write(content: bytes, path: str, previous: tuple[str, str] | None = None) -> None:
    folder = os.path.dirname(path)
    if folder:
        try:
            os.mkdir(folder)  # a page's own folder, whose parent is mostly there: one system call
        except FileExistsError:
            pass
        except FileNotFoundError:
            os.makedirs(folder, exist_ok=True)
    try:
        compress.write_new(path, content)
    except FileExistsError:  # written before in this build (a 404 page, the sitemap): in place
        with open(path, "wb") as out:
            out.write(content)
    # pages only: MkDocs writes each once per build. 404.html, sitemap.xml and the search index are
    # written again by later steps, and a copy made now could look as new as the final file
    # (file times are coarse): the last compression pass does those.
    if os.path.basename(path) == "index.html" and not _copies_reused(content, path, previous):
        compress.compress_copies(content, path)


def _link(old: str, new: str) -> None:
    os.makedirs(os.path.dirname(new), exist_ok=True)
    for suffix in ("", *compress.COPIES):
        try:
            os.link(old + suffix, new + suffix)
        except OSError:  # a file system without hard links: the same bytes, copied
            shutil.copy2(old + suffix, new + suffix)


def link(old: str, new: str) -> None:
    """PageWriter.link when a writer is active, else at once."""
    if _active is not None:
        _active.link(old, new)
    else:
        _link(old, new)


def _copies_reused(content: bytes, path: str, previous: tuple[str, str] | None) -> bool:
    """After an edit most of a rebuilt department's pages come out as they were: a page with the
    same bytes as the published one at its place gets the published .gz and .br (hard links),
    not a second compression. `previous`: (this build's folder, the published one)."""
    if previous is None or not path.startswith(previous[0] + os.sep):
        return False
    old = previous[1] + path[len(previous[0]):]
    try:
        if os.stat(old).st_size != len(content):
            return False
        with open(old, "rb") as page:
            if page.read() != content:
                return False
        for suffix in compress.COPIES:
            if os.path.exists(old + suffix):
                os.link(old + suffix, path + suffix)
    except OSError:  # no published page there, or linking impossible: compress instead
        for suffix in compress.COPIES:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(path + suffix)
        return False
    return True


def flush() -> None:
    """Wait for the writes handed over so far (no-op outside `writing()`)."""
    if _active is not None:
        _active.flush()


@contextmanager
def writing(previous: tuple[str, str] | None = None, threads: int = 2) -> Iterator["PageWriter | None"]:
    """MkDocs' page writes go to a PageWriter for the duration of the block (one build), which
    it yields (None when nested); `previous`: (the build's folder, the published site's folder
    of the same pages); `threads`: 0 writes each page at once (no core to spare)."""
    global _active
    from mkdocs import utils

    if _active is not None:  # nested (not expected): the outer writer does it
        yield None
        return
    writer = PageWriter((os.fspath(previous[0]), os.fspath(previous[1])) if previous else None, threads)
    original = utils.write_file
    utils.write_file, _active = writer.write, writer
    try:
        yield writer
        writer.flush()
    finally:
        utils.write_file, _active = original, None
        writer.shutdown()  # after a failure, what the other writes met does not matter
