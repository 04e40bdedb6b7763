"""Content-hash cache of processed images, outside site/, and the build's image counts.

A result is stored under a key made of the source file's sha256 and the operation's parameters
(kind, sizes, crop, quality, pipeline version, Pillow version): an unchanged photo asked for the
same versions is never processed twice, a changed photo or a changed operation gets new files.
Files are written atomically (temporary name + rename), so the two build processes that share
the cache never see half a file.

    ImageCache(root)                  .key(digest, params) / .path(key, ext) / .get / .put
    cache_for(path) -> ImageCache     the project's cache for a file inside the project
    default_cache_dir(start) -> Path  <project>/.cache/images (or $CPSITES_IMAGE_CACHE)
    STATS                             sources processed / taken from the cache in this process
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import tempfile
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterator

import PIL

# Bump when the pipeline's output changes for the same parameters (new encoder settings, ...).
PIPELINE_VERSION = 1
ENV_CACHE_DIR = "CPSITES_IMAGE_CACHE"


class ImageCache:
    def __init__(self, root: Path | str):
        self.root = Path(root)

    def key(self, digest: str, params: dict) -> str:
        blob = json.dumps({"src": digest, "v": PIPELINE_VERSION, "pil": PIL.__version__, **params},
                          sort_keys=True, ensure_ascii=True, default=str)
        return hashlib.sha256(blob.encode()).hexdigest()

    def path(self, key: str, ext: str) -> Path:
        return self.root / key[:2] / f"{key}.{ext}"

    def get(self, key: str, ext: str) -> Path | None:
        p = self.path(key, ext)
        return p if p.is_file() else None

    @contextmanager
    def making(self, key: str) -> Iterator[None]:
        """Held while one process makes the results of an operation (`key`: one of its results):
        another process that needs them meanwhile (a department's languages are built side by
        side, cpsites/build.py) waits, then takes them from the cache instead of making them
        too. Best effort: where locking fails, both make them (writes are atomic)."""
        lock = self.root / key[:2] / f".{key}.lock"
        try:
            lock.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(lock, os.O_CREAT | os.O_RDWR, 0o644)
        except OSError:
            yield
            return
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            with suppress(OSError):
                lock.unlink()  # a waiter holding the old file still goes on: at worst work twice
            os.close(fd)

    def put(self, key: str, ext: str, data: bytes) -> Path:
        p = self.path(key, ext)
        p.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=p.parent, prefix=".tmp-", suffix=f".{ext}")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, p)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return p


def default_cache_dir(start: Path | str) -> Path:
    """$CPSITES_IMAGE_CACHE, else .cache/images in the project folder holding `start` (the nearest
    parent with mkdocs.yml and sites/), else .cache/images beside `start`."""
    env = os.environ.get(ENV_CACHE_DIR)
    if env:
        return Path(env)
    return _project_cache_dir(os.fspath(start), os.getcwd())


@lru_cache(maxsize=16384)  # asked for every picture of every page: finding the project walks folders
def _project_cache_dir(start: str, _cwd: str) -> Path:
    from cpsites.project import find_root

    here = Path(start).resolve()
    if here.is_file():
        here = here.parent
    return (find_root(here) or here) / ".cache" / "images"


@lru_cache(maxsize=16)
def _cache_at(root: Path) -> ImageCache:
    return ImageCache(root)


def cache_for(path: Path | str) -> ImageCache:
    return _cache_at(default_cache_dir(path))


@dataclass
class Stats:
    """Which source images this process processed and which it took from the cache."""

    processed: set[str] = field(default_factory=set)
    used: set[str] = field(default_factory=set)

    def record(self, source_path: Path | str, processed: bool) -> None:
        key = str(source_path)
        self.used.add(key)
        if processed:
            self.processed.add(key)

    @property
    def counts(self) -> tuple[int, int]:
        """(processed, from cache): a source counts as processed if any of its versions was made."""
        return len(self.processed), len(self.used - self.processed)

    def reset(self) -> None:
        self.processed.clear()
        self.used.clear()


STATS = Stats()
