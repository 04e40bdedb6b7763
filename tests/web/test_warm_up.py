"""The build worker's head start (cpsites/web/warm_up.py, build.warm_pool) after one edit."""

import os
import shutil
from pathlib import Path

from cpsites import content
from cpsites.build import Plan, early_worker, stop_worker, warm_pool
from cpsites.web.warm_up import warm_up

REPO = Path(__file__).resolve().parents[2]


def test_the_worker_loads_the_department_the_build_then_finds(tmp_path, monkeypatch):
    root = tmp_path / "project"
    shutil.copytree(REPO / "sites" / "tartar", root / "sites" / "tartar")
    shutil.copy2(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "overrides", root / "overrides")
    monkeypatch.chdir(root)
    monkeypatch.setattr(content, "_LOADED", {})
    warm_up(["sites/tartar/mkdocs.yml"])  # relative, as a worker may be told
    # the build names it by its absolute path: the same loaded department (no second load)
    assert content.load_site(root / "sites" / "tartar") is content.load_site(Path("sites/tartar"))
    assert list(content._LOADED) == [os.path.realpath(root / "sites" / "tartar")]
    loaded = content.load_site(root / "sites" / "tartar")
    # an edit made after the head start is seen
    post = next((root / "sites" / "tartar" / "docs" / "news").glob("*.az.md"))
    post.write_text(post.read_text("utf-8") + "\nƏlavə cümlə.\n", "utf-8")
    assert content.load_site(root / "sites" / "tartar") is not loaded


def test_a_broken_department_is_left_for_the_build_to_report(tmp_path, monkeypatch):
    root = tmp_path / "project"
    shutil.copytree(REPO / "sites" / "tartar", root / "sites" / "tartar")
    shutil.copy2(REPO / "mkdocs.yml", root / "mkdocs.yml")
    (root / "sites" / "tartar" / "department.yml").write_text("name: [unclosed\n", "utf-8")
    monkeypatch.setattr(content, "_LOADED", {})
    warm_up([str(root / "sites" / "tartar" / "mkdocs.yml"), str(root / "nowhere" / "mkdocs.yml")])  # no exception
    assert content._LOADED == {}


def _plan(changed: list[str]) -> Plan:
    targets = [("portal", REPO / "mkdocs.yml", "")] + [(d, REPO / "sites" / d / "mkdocs.yml", d)
                                                       for d in ("tartar", "gazakh", "guba")]
    unchanged = {"portal"} | {d for d in ("tartar", "gazakh", "guba") if d not in changed}
    return Plan(repo=REPO, out=REPO / "site", depts=None, targets=targets, fingerprints={}, unchanged=unchanged,
                manifest=None, hasher=None)


def test_a_warm_worker_only_after_a_small_edit():
    assert warm_pool(_plan([])) is None
    assert warm_pool(_plan(["tartar", "guba"])) is None  # the check loads those in its own workers
    pool = warm_pool(_plan(["tartar"]))
    try:
        assert pool is not None and pool.submit(os.getpid).result() != os.getpid()
    finally:
        pool.shutdown()


def _gone(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/status").read_text().split("State:")[1].split()[0] in ("Z", "X")
    except (FileNotFoundError, IndexError):
        return True


def test_the_early_worker_is_kept_after_a_small_edit_and_stopped_otherwise():
    import time

    early = early_worker(REPO)
    try:
        pid = early.submit(os.getpid).result()
        assert warm_pool(_plan(["tartar"]), early=early) is early  # one target: it builds
        assert early.submit(os.getpid).result() == pid
    finally:
        stop_worker(early)
    early = early_worker(REPO)
    pid = early.submit(os.getpid).result()
    assert warm_pool(_plan(["tartar", "guba"]), early=early) is None  # stopped, not left to compete
    deadline = time.monotonic() + 10
    while not _gone(pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _gone(pid)


def test_a_stopped_worker_leaves_nothing_for_the_exit_handler_to_race():
    """Stopping a pool must wait for its own thread: left running, it closed its wake-up pipe while
    Python's exit handler wrote to it, and about one build in ten ended with a traceback."""
    early = early_worker(REPO)
    early.submit(os.getpid).result()
    thread = early._executor_manager_thread  # the pool's thread, which closes the pipe
    stop_worker(early)
    assert thread is not None and not thread.is_alive()
