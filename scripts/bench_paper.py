"""Benchmark: render an 8-page newspaper edition 5 times in fresh processes; median and peak memory.

    .venv/bin/python scripts/bench_paper.py [--dept mingachevir] [--issue 2026-11] [--lang az]

Each run renders one language edition without any cache (the measuring layout, the final screen
layout with house ads, the print layout; photos prepared at 150 and 300 dpi), in a new process,
and reports wall time and peak resident memory (ru_maxrss of the child).
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CHILD = r"""
import json, sys, time, resource
from pathlib import Path
from cpsites.content import load_site
from cpsites.content.newspaper import load_issues
from cpsites.print.render import render_edition
site = load_site(Path(sys.argv[1]))
issue = next(i for i in load_issues(site.root, site.news) if i.id == sys.argv[2])
t = time.perf_counter()
render_edition(issue, site, sys.argv[3], Path(sys.argv[4]), Path(sys.argv[4]) / "cache")
print(json.dumps({"seconds": time.perf_counter() - t, "pages": issue.data.pages,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--dept", default="mingachevir")
    ap.add_argument("--issue", default="2026-11")
    ap.add_argument("--lang", default="az")
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    runs = []
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory() as tmp:
            out = subprocess.run([sys.executable, "-c", CHILD, str(REPO / "sites" / args.dept), args.issue,
                                  args.lang, tmp], capture_output=True, text=True, check=True, cwd=REPO)
            runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
            print(f"  {runs[-1]['seconds']:.2f} s, {runs[-1]['rss_mb']:.0f} MB")
    secs = [r["seconds"] for r in runs]
    print(f"{args.dept} {args.issue} ({runs[0]['pages']} pages, {args.lang}): screen + print PDFs, "
          f"median {statistics.median(secs):.2f} s of {len(secs)} runs "
          f"(min {min(secs):.2f}, max {max(secs):.2f}); peak memory {max(r['rss_mb'] for r in runs):.0f} MB")


if __name__ == "__main__":
    main()
