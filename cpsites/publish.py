"""How a built site replaces the published one: atomically, and tidily after a crash.

A build writes into a temporary folder beside site/ and then swaps it in with renames only
(`swap`), or, when only departments changed, swaps each rebuilt department's folder in place in
one step (`exchange`, Linux's renameat2). The replaced folders are deleted in the background
(`remove_later`); `recover` finishes what a killed build left behind.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path


def _renameat2():
    """Linux's renameat2(2), which swaps two folders in one step (RENAME_EXCHANGE); None elsewhere."""
    import ctypes

    try:
        function = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return None
    function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    return function


def exchange_works(folder: Path) -> bool:
    """Whether this system and the file system under `folder` swap folders (tried on two empty ones)."""
    if _renameat2() is None:
        return False
    probe = folder / f".cpsites-exchange-{os.getpid()}"
    try:
        (probe / "a").mkdir(parents=True)
        (probe / "b").mkdir()
        exchange(probe / "a", probe / "b")
        return True
    except OSError:
        return False
    finally:
        shutil.rmtree(probe, ignore_errors=True)


def exchange(new: Path, published: Path) -> None:
    """Swap two folders atomically: a reader sees the old department or the new, never neither."""
    import ctypes

    at_fdcwd, rename_exchange = -100, 2
    if _renameat2()(at_fdcwd, os.fsencode(new), at_fdcwd, os.fsencode(published), rename_exchange) != 0:
        errno = ctypes.get_errno()
        raise OSError(errno, os.strerror(errno), str(published))


def recover(out: Path) -> None:
    """Tidy up after a build that was killed: a killed build cannot run its `finally`.

    Its temporary folder stays behind (removed here once its process is gone), and a kill between
    the two renames of `swap` leaves the previous site under its .old name: put it back.
    """
    for stale in out.parent.glob(f".{out.name}.building-*"):
        if not _alive(stale.name.rsplit("-", 1)[-1]):
            shutil.rmtree(stale, ignore_errors=True)
    for dropped in out.parent.glob(f".{out.name}.drop-*"):  # departments replaced by `exchange`
        if not _alive(dropped.name.rsplit(".drop-", 1)[-1].split(".")[0]):
            shutil.rmtree(dropped, ignore_errors=True)
    for old in sorted(out.parent.glob(f".{out.name}.old-*")):
        if _alive(old.name.rsplit(".old-", 1)[-1].split(".")[0]):
            continue
        if not out.exists():
            os.replace(old, out)
        else:
            shutil.rmtree(old, ignore_errors=True)


def _alive(pid: str) -> bool:
    if not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def swap(new: Path, out: Path) -> None:
    """Replace `out` by `new` with renames only, so readers never see a half-written site."""
    # unique within the process: the previous one may still be being deleted (see remove_later)
    old = out.parent / f".{out.name}.old-{os.getpid()}.{time.monotonic_ns()}"
    if out.exists():
        os.replace(out, old)
    os.replace(new, out)
    if old.exists():
        remove_later(old)


def remove_later(path: Path) -> None:
    """Delete the previous site in a process of its own, at low priority: removing its ten
    thousands of files took a second after every build that the press officer need not wait
    for. The site is already in place; a deletion that is cut short is finished by recover()
    at the next build (the folder is named after this process, gone by then)."""
    try:
        subprocess.Popen(["nice", "-n", "10", "rm", "-rf", "--", str(path)], start_new_session=True,
                         stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    except OSError:  # no nice or rm on this system
        shutil.rmtree(path, ignore_errors=True)
