"""Shared fixtures: real builds of the shipped sample content, once per test session.

`built_site` builds the portal and the pilot department (Mingachevir) with the real CLI into a
temporary folder. `project_copy` gives a scratch copy of the project for tests that change
content (bad input, atomic builds, scaffolding).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CPSITES = [sys.executable, "-m", "cpsites.cli"]
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def run_cpsites(*args: str, cwd: Path = REPO, check: bool = False, timeout: int = 600) -> subprocess.CompletedProcess:
    """Run the real `cpsites` command line; returns the completed process (text output)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(REPO)}
    proc = subprocess.run([*CPSITES, *args], cwd=cwd, capture_output=True, text=True, env=env, timeout=timeout)
    if check and proc.returncode != 0:
        raise AssertionError(f"cpsites {' '.join(args)} failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}")
    return proc


@pytest.fixture(scope="session", autouse=True)
def shared_paper_cache(tmp_path_factory):
    """One newspaper cache for every build the tests run: editions are keyed by a hash of all
    their inputs, so the many project copies that hold Mingachevir render its PDFs once, not in
    every fixture (tests of the cache itself set their own)."""
    # pictures likewise: the image cache is keyed by the source's content and the settings, so
    # copies share it safely (tests of the image cache itself remove the variable)
    names = ("CPSITES_CACHE", "CPSITES_IMAGE_CACHE")
    old = {name: os.environ.get(name) for name in names}
    os.environ["CPSITES_CACHE"] = str(tmp_path_factory.mktemp("paper-cache"))
    os.environ["CPSITES_IMAGE_CACHE"] = str(tmp_path_factory.mktemp("image-cache"))
    yield
    for name, value in old.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """site/ of the portal + Mingachevir built from the shipped sample content."""
    out = tmp_path_factory.mktemp("built") / "site"
    run_cpsites("build", "--dept", "mingachevir", "--out", str(out), "--quiet", check=True)
    return out


def copy_project(dest: Path, departments: tuple[str, ...] = ("mingachevir",)) -> Path:
    """A minimal copy of the project (base config, overrides, portal, chosen departments)."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml",):
        shutil.copy2(REPO / name, dest / name)
    for name in ("overrides", "docs"):
        shutil.copytree(REPO / name, dest / name)
    for slug in departments:
        shutil.copytree(REPO / "sites" / slug, dest / "sites" / slug)
    return dest


def small_project(root: Path, slugs: tuple[str, ...]) -> Path:
    """The portal and copies of the workflow tests' small `demo` department, without officers and
    events: no print products to make, so the builds stay quick."""
    root.mkdir(parents=True)
    shutil.copy2(REPO / "mkdocs.yml", root / "mkdocs.yml")
    for name in ("overrides", "docs"):
        shutil.copytree(REPO / name, root / name)
    for slug in slugs:
        dest = root / "sites" / slug
        shutil.copytree(REPO / "tests" / "workflow" / "fixture" / "demo", dest,
                        ignore=shutil.ignore_patterns("officers", "events"))
        config = dest / "department.yml"
        config.write_text(config.read_text("utf-8").replace("slug: demo", f"slug: {slug}"), "utf-8")
    return root


@pytest.fixture
def project_copy(tmp_path) -> Path:
    return copy_project(tmp_path / "project")
