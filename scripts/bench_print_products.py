"""Benchmark: time per print product (business card, poster, tri-fold) and a build with nothing
changed; medians over fresh processes.

    .venv/bin/python scripts/bench_print_products.py [--dept mingachevir] [--runs 5]

Cases, each `--runs` times in a new process with an empty cache:
  card      one officer's card in one language: the PDF/X-4 card, A4 and SRA3 sheets, cover
  poster    "Know your neighbourhood officer" of area 1, A3 and A4 (photos prepared, CMYK), cover
  trifold   one brochure as a tri-fold: print and screen PDFs, cover
  warm      every product of the department again with the cache full (what an unchanged build costs)
The first product in a process pays for imports and font loading; it is timed separately
("first") from the following ones ("next", the median of three more of the same kind).
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
import json, os, statistics, sys, time
from pathlib import Path
os.environ["CPSITES_CACHE"] = sys.argv[3]
from cpsites.content import load_site
from cpsites.content.officers import group_areas
from cpsites.print import catalogue
repo, case = Path(sys.argv[1]), sys.argv[4]
site = load_site(repo / "sites" / sys.argv[2])
times = []
if case == "warm":
    catalogue.make_all(repo, [site.slug], jobs=1, write_manifest=False)
    t = time.perf_counter()
    made = catalogue.make_all(repo, [site.slug], jobs=1, write_manifest=False)
    times.append(time.perf_counter() - t)
    assert all(p.cached for p in made), "something was rendered again"
    print(json.dumps({"first": times[0], "next": times[0], "count": len(made)}))
    sys.exit()
for i in range(4):
    t = time.perf_counter()
    if case == "card":
        catalogue.card(repo, site, site.officers[i], "az")
    elif case == "poster":
        catalogue.poster(repo, site, "area", group_areas(site.officers)[i], "az")
    else:
        catalogue.trifold(repo, site, site.brochures[i], "az")
    times.append(time.perf_counter() - t)
print(json.dumps({"first": times[0], "next": statistics.median(times[1:]), "count": 4}))
"""


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--dept", default="mingachevir")
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    rows = []
    for case in ("card", "poster", "trifold", "warm"):
        firsts, nexts, count = [], [], 0
        for _ in range(args.runs):
            with tempfile.TemporaryDirectory() as cache:
                out = subprocess.run([sys.executable, "-c", CHILD, str(REPO), args.dept, cache, case],
                                     capture_output=True, text=True, check=True, cwd=REPO)
            r = json.loads(out.stdout.strip().splitlines()[-1])
            firsts.append(r["first"])
            nexts.append(r["next"])
            count = r["count"]
            print(f"  {case:8} first {r['first']:.2f} s, next {r['next']:.2f} s", flush=True)
        rows.append((case, statistics.median(firsts), statistics.median(nexts), count))
    print("\n| product | first in a process | each further one | products |\n|---|---|---|---|")
    for case, first, nxt, count in rows:
        print(f"| {case} | {first:.2f} s | {nxt:.2f} s | {count} |")


if __name__ == "__main__":
    main()
