"""Benchmark of whole builds at scale, side by side with plain MkDocs, in one run.

    .venv/bin/python scripts/bench.py [--posts 100] [--repeat 3] [--depts mingachevir,ganja]

Makes a synthetic corpus in a temporary folder: the shipped project, plus N news posts per
department in three languages (texts varied from the department's own posts, each with one of the
department's photos), then measures, each case --repeat times (medians; the corpus is put back
between runs):

  first build     `cpsites build` with empty caches (every photo and newspaper PDF made) and no site
  cold            no previous site, photo and newspaper caches warm (what a fresh checkout of a
                  working press office does; the pages are all built)
  no change       the same build again, nothing changed
  one post        after editing one news post of one department
  one officer     after editing one officer file of one department
  template        after changing a shared template (overrides/): every site again
  mkdocs seq      plain `mkdocs build` (Material + mkdocs-static-i18n, no cpsites plugin, no
                  overrides) of the same Markdown, department after department (the baseline)
  mkdocs par      the same, two departments at a time (the machine's cores)

and prints one table: median wall time, ratio to the baseline, pages, pages per second and peak
memory (the largest single process, ru_maxrss), then the search index of the largest department
per language (raw and gzip). Timings include process start-up; the build's own check runs too.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "CPSITES_NOW": "2026-11-23 12:00"}
ENV.pop("CPSITES_CACHE", None)
ENV.pop("CPSITES_IMAGE_CACHE", None)
LANGS = ("az", "ru", "en")
FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.S)


def make_corpus(dest: Path, posts: int, depts: list[str] | None) -> list[str]:
    """A copy of the project with `posts` more news posts per department; returns the slugs."""
    for name in ("mkdocs.yml", "pyproject.toml"):
        shutil.copy2(REPO / name, dest / name)
    for name in ("overrides", "docs"):
        shutil.copytree(REPO / name, dest / name)
    # the code as it is now, run from the corpus folder (`python -m` puts it first on sys.path):
    # edits made while a long benchmark runs do not mix into its figures
    shutil.copytree(REPO / "cpsites", dest / "cpsites", ignore=shutil.ignore_patterns("__pycache__", "node_modules"))
    # compiled as an installed package is (pip compiles on install): with PYTHONDONTWRITEBYTECODE
    # set, every timed process would otherwise compile the copied sources again (~0.2 s each)
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(dest / "cpsites")], check=True)
    slugs = []
    for site in sorted((REPO / "sites").iterdir()):
        if not (site / "department.yml").is_file() or (depts and site.name not in depts):
            continue
        shutil.copytree(site, dest / "sites" / site.name)
        slugs.append(site.name)
        news = dest / "sites" / site.name / "docs" / "news"
        sources = sorted({p.name.split(".")[0] for p in news.glob("*.az.md")})
        photos = sorted(p.relative_to(dest / "sites" / site.name / "docs").as_posix()
                        for p in (dest / "sites" / site.name / "docs" / "images").rglob("*.jpg"))
        rng = random.Random(site.name)
        for n in range(posts):
            src = sources[n % len(sources)]
            day = f"20{20 + n // 300:02d}-{1 + (n // 28) % 12:02d}-{1 + n % 28:02d}"
            slug = f"{day}-bench-{n:04d}"
            photo = photos[n % len(photos)] if photos else None
            for lang in LANGS:
                path = news / f"{src}.{lang}.md"
                if not path.is_file():
                    path = news / f"{src}.az.md"
                text = path.read_text("utf-8")
                m = FRONT.match(text)
                meta, body = (m.group(1), text[m.end():]) if m else ("", text)
                meta = re.sub(r"^date: .*$", f"date: {day}", meta, flags=re.M)
                meta = re.sub(r"^title: (.*)$", lambda mm: f"title: {mm.group(1).strip(chr(34))} ({n + 1})"
                              if not mm.group(1).startswith(("'", '"')) else mm.group(0), meta, flags=re.M)
                meta = re.sub(r"^(image|image_alt|caption): .*\n?", "", meta, flags=re.M)
                if photo:
                    meta += f"\nimage: {photo}\nimage_alt: \"{n + 1}\""
                paras = [p for p in body.split("\n\n") if p.strip() and not p.lstrip().startswith(("!", "///"))]
                rng.shuffle(paras)
                (news / f"{slug}.{lang}.md").write_text(f"---\n{meta.strip()}\n---\n\n" + "\n\n".join(paras) + "\n",
                                                        "utf-8")
    return slugs


def plain_config(project: Path, slug: str) -> Path:
    """The department's MkDocs config without our plugin and overrides: Material + i18n + search
    with the same Markdown extensions, not strict (links to pages only our plugin makes stay dead)."""
    base = (project / "mkdocs.yml").read_text("utf-8")
    base = re.sub(r"(?m)^  cpsites: \{\}\n", "", base)
    base = re.sub(r"(?m)^  custom_dir: .*\n", "", base)
    base = re.sub(r"(?ms)^extra_(css|javascript):\n(  - .*?\n)+", "", base)
    base = re.sub(r"(?m)^strict: true$", "strict: false", base)
    dept = (project / "sites" / slug / "mkdocs.yml").read_text("utf-8")
    for key in ("site_name", "site_url"):
        value = re.search(rf"(?m)^{key}: (.*)$", dept).group(1)
        base = re.sub(rf"(?m)^{key}: .*$", f"{key}: {value}", base)
    out = project / "sites" / slug / "mkdocs.plain.yml"
    out.write_text(base, "utf-8")
    return out


def timed(args: list[str], cwd: Path) -> tuple[float, float, str]:
    """(seconds, peak MB of the largest process, output) of a command in a fresh process.

    Before it starts: the previous build's old site has been deleted (cpsites deletes it in the
    background after it returns) and the previous case's writes are on disk (`sync`): the first
    build writes ~600 MB of caches, whose flushing slowed the case after it by seconds."""
    deadline = time.monotonic() + 60
    while any(p for pattern in (".site.old-*", ".site.drop-*") for p in cwd.glob(pattern)) \
            and time.monotonic() < deadline:
        time.sleep(0.1)
    os.sync()
    probe = ("import resource, subprocess, sys, time, json\n"
             "t = time.perf_counter(); p = subprocess.run(sys.argv[1:], capture_output=True, text=True, errors='replace')\n"
             "print(json.dumps({'s': time.perf_counter() - t, 'rc': p.returncode, 'out': p.stdout + p.stderr,\n"
             "  'mb': resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))")
    done = subprocess.run([sys.executable, "-c", probe, *args], cwd=cwd, env=ENV, capture_output=True, text=True,
                          errors="replace")
    try:
        data = json.loads(done.stdout)
    except ValueError:
        raise SystemExit(f"{' '.join(args)}: the timing process failed:\n{done.stdout[-2000:]}\n{done.stderr[-3000:]}")
    if data["rc"] != 0:
        raise SystemExit(f"{' '.join(args)} failed:\n{data['out'][-3000:]}")
    return data["s"], data["mb"], data["out"]


def cpsites_build(project: Path, full: bool = False) -> tuple[float, float, str]:
    args = [sys.executable, "-m", "cpsites.cli", "build", "--quiet", "--out", str(project / "site")]
    return timed(args + (["--full"] if full else []), project)


def plain_build(project: Path, slug: str, out: Path) -> tuple[float, float, str]:
    cfg = plain_config(project, slug)
    return timed([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(cfg), "-d", str(out)], project)


TRASH: list[Path] = []  # beside the temporary project (main sets it); deleted with it at the end


def set_aside(path: Path) -> None:
    """Move a previous output out of the way instead of deleting it before a timed case: on this
    machine's file system (ext4 without a journal) deleting a built site's ~15,000 files slowed
    the next build by 3 to 6 s (cold 15.5-17.6 s after moving the site away, 19.3-23.3 s after
    deleting it). Without a journal ext4 does not hand out an inode freed in the last 60 s (5 min
    while its table block is unwritten): each new file's allocation steps over every recently
    freed one (`recently_deleted` in fs/ext4/ialloc.c), 0.5-0.65 ms of system time a file instead
    of 0.02 ms (measured with perf). The moved folders are deleted when the benchmark ends."""
    if path.exists():
        trash = TRASH[0]
        trash.mkdir(exist_ok=True)
        os.replace(path, trash / f"{path.name}-{time.monotonic_ns()}")


def clean(project: Path) -> None:
    for p in (project / "site", project / ".cache", project / "plain"):
        set_aside(p)


def pages_in(folder: Path) -> int:
    return sum(1 for _ in folder.rglob("*.html"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--posts", type=int, default=100, help="news posts added per department (3 languages each)")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--depts", default="", help="comma-separated slugs (default: all)")
    ap.add_argument("--skip-plain", action="store_true", help="leave out the plain MkDocs baseline")
    ap.add_argument("--scale-only", action="store_true",
                    help="only the first build, no change and one post (for --posts 1000: does it scale?)")
    args = ap.parse_args()
    depts = [d for d in args.depts.split(",") if d] or None
    rows: dict[str, list[tuple[float, float]]] = {}
    with tempfile.TemporaryDirectory(prefix="cpsites-bench-") as tmp:
        project = Path(tmp) / "project"
        TRASH[:] = [Path(tmp) / "trash"]
        project.mkdir()
        t0 = time.perf_counter()
        slugs = make_corpus(project, args.posts, depts)
        print(f"corpus: {len(slugs)} departments x {args.posts} posts x 3 languages, made in "
              f"{time.perf_counter() - t0:.0f} s", file=sys.stderr)
        first = slugs[0]
        post = sorted((project / "sites" / first / "docs" / "news").glob("*-bench-0000.az.md"))[0]
        officer = sorted((project / "sites" / first / "officers").glob("*.yml"))[0]
        template = project / "overrides" / "assets" / "stylesheets" / "cpsites.css"
        pages = 0

        def edit(path: Path, n: int) -> None:
            text = path.read_text("utf-8")
            if path.suffix == ".md":
                path.write_text(text + f"\nBench edit {n}.\n", "utf-8")
            elif path.suffix == ".yml":
                path.write_text(re.sub(r"(?m)^order: .*\n?", "", text) + f"order: {n + 1}\n", "utf-8")
            else:
                path.write_text(text + f"\n/* bench {n} */\n", "utf-8")

        for r in range(args.repeat):
            print(f"run {r + 1}/{args.repeat}", file=sys.stderr)
            clean(project)
            rows.setdefault("first build", []).append(cpsites_build(project)[:2])
            if not args.scale_only:
                set_aside(project / "site")
                set_aside(project / ".cache" / "build")
                rows.setdefault("cold", []).append(cpsites_build(project)[:2])
            # the baseline right after cold, in the same state: nothing deleted just before either
            # (the edit cases after them delete the previous site in the background, and that
            # slows whatever runs next on this machine, see set_aside)
            if not args.skip_plain and not args.scale_only:
                set_aside(project / "plain")
                t = time.perf_counter()
                peak = 0.0
                for slug in slugs:
                    peak = max(peak, plain_build(project, slug, project / "plain" / slug)[1])
                rows.setdefault("mkdocs seq", []).append((time.perf_counter() - t, peak))
                set_aside(project / "plain")
                t = time.perf_counter()
                with ThreadPoolExecutor(os.cpu_count() or 1) as pool:
                    peaks = list(pool.map(lambda s: plain_build(project, s, project / "plain" / s)[1], slugs))
                rows.setdefault("mkdocs par", []).append((time.perf_counter() - t, max(peaks)))
                for slug in slugs:  # out of the departments again, or `no change` would see a new file
                    (project / "sites" / slug / "mkdocs.plain.yml").unlink(missing_ok=True)
            pages = pages_in(project / "site")
            rows.setdefault("no change", []).append(cpsites_build(project)[:2])
            edits = (("one post", post),) if args.scale_only else (
                ("one post", post), ("one officer", officer), ("template", template))
            for name, path in edits:
                edit(path, r)
                rows.setdefault(name, []).append(cpsites_build(project)[:2])
        plain_pages = pages_in(project / "plain") if not args.skip_plain else 0
        index = {}
        biggest = max(slugs, key=lambda s: pages_in(project / "site" / s))
        for lang in LANGS:
            f = project / "site" / biggest / ("" if lang == "az" else lang) / "search" / "search_index.json"
            if f.is_file():
                raw = f.read_bytes()
                index[lang] = (len(raw), len(gzip.compress(raw, 9)))

    med = {k: (statistics.median(s for s, _ in v), max(m for _, m in v)) for k, v in rows.items()}
    base = med.get("mkdocs seq", (None,))[0]
    print(f"\n{len(slugs)} departments x {args.posts} posts x 3 languages; cpsites: {pages} HTML pages, plain "
          f"MkDocs: {plain_pages}; medians of {args.repeat} runs, {os.cpu_count()} cores\n")
    print("| case | median s | vs mkdocs seq | vs cold | pages/s | peak MB |")
    print("|---|---|---|---|---|---|")
    cold = med.get("cold", med["first build"])[0]
    for name, (s, mb) in med.items():
        n = plain_pages if name.startswith("mkdocs") else pages
        ratio = f"{base / s:.2f}x faster" if base and s <= base else (f"{s / base:.2f}x slower" if base else "-")
        share = f"{100 * s / cold:.1f} %" if not name.startswith("mkdocs") else "-"
        rate = f"{n / s:.0f}" if name in ("first build", "cold", "template") or name.startswith("mkdocs") else "-"
        print(f"| {name} | {s:.1f} | {ratio} | {share} | {rate} | {mb:.0f} |")
    print("\nevery run, s: " + "; ".join(f"{name} " + " ".join(f"{s:.1f}" for s, _ in runs)
                                     for name, runs in rows.items()))
    if index:
        print(f"\nsearch index of {biggest} (largest), KB raw / gzip: " +
              ", ".join(f"{lang} {a / 1000:.0f} / {b / 1000:.0f}" for lang, (a, b) in index.items()))


if __name__ == "__main__":
    main()
