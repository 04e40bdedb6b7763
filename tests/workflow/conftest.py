"""Fixtures of the press-officer workflow tests: a scratch project holding one small department.

The project copy has the real base config, overrides and portal (docs/, with the handbook) and a
small fictional department `demo` (tests/workflow/fixture/demo), so a build takes about two
seconds. Every test runs the real `cpsites` command in a subprocess.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
FIXTURE = Path(__file__).resolve().parent / "fixture"
DEPT = "demo"


def make_project(dest: Path) -> Path:
    """A minimal project: base mkdocs.yml, overrides/, the portal's docs/ and sites/demo."""
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy2(REPO / "mkdocs.yml", dest / "mkdocs.yml")
    shutil.copytree(REPO / "overrides", dest / "overrides")
    shutil.copytree(REPO / "docs", dest / "docs")
    shutil.copytree(FIXTURE / DEPT, dest / "sites" / DEPT)
    return dest


def cpsites(*args: str, cwd: Path, timeout: int = 300) -> subprocess.CompletedProcess:
    """The real command line, as a press officer runs it; text output of both streams."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(REPO)}
    env.pop("CPSITES_DEBUG", None)
    return subprocess.run([sys.executable, "-m", "cpsites.cli", *args], cwd=cwd, capture_output=True,
                          text=True, env=env, timeout=timeout)


def cpsites_together(*commands: tuple[str, ...], cwd: Path, timeout: int = 300) -> list[subprocess.CompletedProcess]:
    """Several read-only commands at once (the machine has two cores); results in the given order."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(REPO)}
    env.pop("CPSITES_DEBUG", None)
    procs = [subprocess.Popen([sys.executable, "-m", "cpsites.cli", *args], cwd=cwd, env=env, text=True,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE) for args in commands]
    done = []
    for args, proc in zip(commands, procs):
        out, err = proc.communicate(timeout=timeout)
        done.append(subprocess.CompletedProcess(args, proc.returncode, out, err))
    return done


@pytest.fixture
def project(tmp_path) -> Path:
    return make_project(tmp_path / "project")


@pytest.fixture(scope="session")
def pristine(tmp_path_factory) -> Path:
    """One untouched project per session, copied (cheaply) by tests that change content."""
    return make_project(tmp_path_factory.mktemp("pristine") / "project")


@pytest.fixture(scope="session")
def published(tmp_path_factory, pristine) -> Path:
    """A project whose site/ holds a good build of the portal (with the handbook) and `demo`."""
    project = tmp_path_factory.mktemp("published") / "project"
    shutil.copytree(pristine, project)
    done = cpsites("build", "--dept", DEPT, "--quiet", cwd=project)
    assert done.returncode == 0, done.stdout + done.stderr
    assert (project / "site" / DEPT / "index.html").is_file()
    return project
