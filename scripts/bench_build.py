"""Benchmark of the site build: median wall time of full builds, one process vs all cores.

    .venv/bin/python scripts/bench_build.py [--runs 5] [--dept SLUG ...]

Builds into a temporary folder (site/ is untouched) through the real command line, so process
start-up and the atomic swap are included. Prints medians, pages per second and the speed-up of
parallel departments over one process.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def one_build(out: Path, jobs: int, depts: list[str]) -> float:
    args = [sys.executable, "-m", "cpsites.cli", "build", "--quiet", "--out", str(out), "--jobs", str(jobs)]
    for d in depts:
        args += ["--dept", d]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    subprocess.run(args, cwd=REPO, check=True, capture_output=True, env=env)
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--dept", action="append", default=[])
    args = ap.parse_args()
    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "site"
        results = {}
        for jobs in sorted({1, cores}):
            times = [one_build(out, jobs, args.dept) for _ in range(args.runs)]
            results[jobs] = statistics.median(times)
        pages = sum(1 for _ in out.rglob("*.html"))
    for jobs, median in results.items():
        print(f"jobs={jobs}: median {median:.2f} s over {args.runs} runs, {pages} HTML pages, {pages / median:.0f} pages/s")
    if len(results) > 1:
        print(f"speed-up with {cores} processes: {results[1] / results[cores]:.2f}x")


if __name__ == "__main__":
    main()
