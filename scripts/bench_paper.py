"""Benchmark: render an 8-page newspaper edition in fresh processes; medians and peak memory.

    .venv/bin/python scripts/bench_paper.py [--dept mingachevir] [--issue 2026-11] [--lang az] [--runs 5]

Three cases, each `--runs` times in a new process with an empty cache (photos prepared too):
  print   the print edition alone (PDF/X-4): measuring layout + print layout
  screen  the screen edition alone (PDF/UA-1): measuring layout + screen layout
  both    what `make site` does per language: one measuring layout, both PDFs one after the other
  split   what `cpsites paper` does: one measuring layout, then both PDFs side by side in two
          processes (peak memory: the larger of the two; RUSAGE_CHILDREN covers the forked one)
  print, photos cached   the print edition again after a text edit: photos from the cache
Reports the median wall time of each ("warm": print, photos cached), the ratio both / print, and the peak resident memory
(ru_maxrss of the child process).
"""

from __future__ import annotations

import argparse
import json
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
editions = {"print": ("print",), "screen": ("screen",), "both": ("screen", "print"),
            "split": ("screen", "print"), "warm": ("print",)}[sys.argv[5]]
t = time.perf_counter()
render_edition(issue, site, sys.argv[3], Path(sys.argv[4]), Path(sys.argv[6]), editions=editions,
               split=sys.argv[5] == "split")
print(json.dumps({"seconds": time.perf_counter() - t, "pages": issue.data.pages, "format": issue.data.format,
                  "rss_mb": max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                                resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024}))
"""


def run(args, case: str) -> list[dict]:
    runs = []
    with tempfile.TemporaryDirectory() as shared:  # the photo cache kept between "warm" runs
        for i in range(args.runs + (case == "warm")):
            with tempfile.TemporaryDirectory() as tmp:
                cache = shared if case == "warm" else str(Path(tmp) / "cache")
                out = subprocess.run([sys.executable, "-c", CHILD, str(REPO / "sites" / args.dept), args.issue,
                                      args.lang, tmp, case, cache], capture_output=True, text=True, check=True,
                                     cwd=REPO)
                result = json.loads(out.stdout.strip().splitlines()[-1])
                if case == "warm" and i == 0:
                    continue  # this one fills the photo cache
                runs.append(result)
                print(f"  {case:6} {runs[-1]['seconds']:.2f} s, {runs[-1]['rss_mb']:.0f} MB", flush=True)
    return runs


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--dept", default="mingachevir")
    ap.add_argument("--issue", default="2026-11")
    ap.add_argument("--lang", default="az")
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    results = {case: run(args, case) for case in ("print", "screen", "both", "split", "warm")}
    first = results["print"][0]
    print(f"{args.dept} {args.issue} ({first['pages']} pages, {first['format']}, {args.lang}), "
          f"median of {args.runs} runs each, empty cache:")
    med = {}
    for case, runs in results.items():
        secs = [r["seconds"] for r in runs]
        med[case] = statistics.median(secs)
        print(f"  {case:6} median {med[case]:.2f} s (min {min(secs):.2f}, max {max(secs):.2f}); "
              f"peak memory {max(r['rss_mb'] for r in runs):.0f} MB")
    print(f"  both PDFs take {med['both'] / med['print']:.2f}x the print edition alone "
          f"({med['both'] / 2:.2f} s per edition); side by side (`cpsites paper`): {med['split']:.2f} s, "
          f"{med['split'] / 2:.2f} s per edition")


if __name__ == "__main__":
    main()
