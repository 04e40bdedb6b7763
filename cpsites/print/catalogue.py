"""Every print product of a department (cards now; posters and tri-folds join the same list),
rendered once per content in processes and cached by hash like the newspaper editions.

A product is stored in .cache/paper/products/<hash>/ where the hash covers its input files, our
print code, templates and fonts, and the WeasyPrint version (editions.code_digest). After a build
each department has .cache/paper/products/<slug>.json, the manifest the web road reads to
publish the print/ page: it never imports the print road.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path

from cpsites.i18n import LANGS
from cpsites.errors import ContentError, Problem
from cpsites.editions import cache_root, code_digest as _code_digest, hash_files as _hash_files
from cpsites.print.build import cover



@dataclass
class Product:
    kind: str  # "card", "poster", "brochure"
    id: str
    lang: str
    title: str
    files: dict[str, str] = field(default_factory=dict)  # role -> absolute path in the cache
    sheets: dict[str, int] = field(default_factory=dict)  # sheet -> cards on it
    cached: bool = False
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)  # e.g. a photo below 300 dpi at its size


def manifest_path(repo: Path, slug: str) -> Path:
    return cache_root(repo) / "products" / f"{slug}.json"


def _key(kind: str, pid: str, lang: str, inputs: list[Path]) -> str:
    h = hashlib.sha256(_code_digest())
    h.update(repr((kind, pid, lang)).encode())
    _hash_files(h, inputs)
    return h.hexdigest()[:32]


def _ensure(repo: Path, product: Product, inputs: list[Path], make) -> Product:
    """Take the product from the cache, or run make(work_dir) -> {role: path} and store it whole."""
    start = time.perf_counter()
    root = cache_root(repo) / "products"
    final = root / _key(product.kind, product.id, product.lang, inputs)
    index = final / "files.json"
    if index.is_file():
        stored = json.loads(index.read_text("utf-8"))
        product.files = {k: str(final / n) for k, n in stored["files"].items()}
        product.sheets, product.cached = stored["sheets"], True
        product.warnings = stored.get("warnings", [])
        return product
    work = root / f".{final.name}.{os.getpid()}"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    try:
        files, sheets, warnings = make(work)
        cover(files["print"], work / "cover.jpg")
        files["cover"] = work / "cover.jpg"
        (work / "files.json").write_text(json.dumps({"files": {k: p.name for k, p in files.items()},
                                                      "sheets": sheets, "warnings": warnings}), "utf-8")
        try:
            os.replace(work, final)  # atomic: another process may have made the same product
        except OSError:
            pass
    finally:
        shutil.rmtree(work, ignore_errors=True)
    stored = json.loads(index.read_text("utf-8"))
    product.files = {k: str(final / n) for k, n in stored["files"].items()}
    product.sheets = stored["sheets"]
    product.warnings = stored.get("warnings", [])
    product.seconds = time.perf_counter() - start
    return product


def card(repo: Path, site, officer, lang: str) -> Product:
    from cpsites.print.cards import render_card, sheet_grid

    product = Product("card", officer.id, lang, officer.data.name.get(lang))
    inputs = [officer.path, Path(site.root) / "department.yml", Path(site.root) / "mkdocs.yml"]

    def make(work: Path):
        files = render_card(site, officer, lang, work, [Path(site.root), cache_root(repo)])
        return files, {s: sheet_grid(site, s).count for s in ("A4", "SRA3")}, []

    return _ensure(repo, product, inputs, make)


def poster(repo: Path, site, kind: str, item, lang: str) -> Product:
    from cpsites.print.posters import HEADLINE, poster_id, render_poster

    pid = poster_id(kind, item)
    if kind == "area":
        title = f"{HEADLINE[lang]}: {item.name.get(lang)}"
        inputs = [o.path for o in item.officers] + [site.docs_dir / o.data.photo for o in item.officers if o.data.photo]
    elif kind == "event":
        title, inputs = item.data.title.get(lang), [item.path]
    else:
        title = item.text(lang).meta.headline
        texts = list(item.texts.values())
        inputs = ([t.path for t in texts] + [site.docs_dir / t.meta.image for t in texts if t.meta.image]
                  + [Path(site.root) / "events" / f"{t.meta.event}.yml" for t in texts if t.meta.event])
    product = Product("poster", pid, lang, title)
    inputs += [Path(site.root) / "department.yml", Path(site.root) / "mkdocs.yml"]

    def make(work: Path):
        files, warnings = render_poster(site, kind, item, lang, work, [Path(site.root), cache_root(repo)],
                                        cache_root(repo))
        return files, {}, warnings

    return _ensure(repo, product, inputs, make)


def trifold(repo: Path, site, brochure, lang: str) -> Product:
    from cpsites.print.trifold import render_trifold

    product = Product("brochure", brochure.slug, lang, brochure.meta(lang).title)
    inputs = [brochure.paths[lang], Path(site.root) / "department.yml", Path(site.root) / "mkdocs.yml",
              *(o.path for o in site.officers)]

    def make(work: Path):
        return render_trifold(site, brochure, lang, work, [Path(site.root)]), {}, []

    return _ensure(repo, product, inputs, make)


def _posters(site) -> list[tuple[str, object]]:
    """What every department gets: a poster per area, and one per open day."""
    from cpsites.content.officers import group_areas

    found = [("md", p) for p in site.posters] + [("area", a) for a in group_areas(site.officers)]
    return found + [("event", e) for e in site.events if e.data.kind == "open-day"]


# -- jobs, in processes --------------------------------------------------------------------------
_SITES: dict[str, object] = {}


def _site(site_dir: str):
    from cpsites.content import load_site

    if site_dir not in _SITES:
        _SITES[site_dir] = load_site(Path(site_dir))
    return _SITES[site_dir]


def poster_id(kind: str, item) -> str:
    from cpsites.print.posters import poster_id as pid

    return pid(kind, item)


def plan(repo: Path, depts: list[str] | None = None, officer: str | None = None,
         langs: list[str] | None = None, kinds: tuple[str, ...] = ("card", "poster", "brochure")) -> list[tuple[str, str, str, str]]:
    """(site folder, kind, id, language) of every product to make."""
    from cpsites.content import site_dirs

    jobs = []
    for d in site_dirs(repo):
        if depts and d.name not in depts:
            continue
        site = _site(str(d))
        for o in site.officers if "card" in kinds else []:
            if officer and o.id != officer:
                continue
            jobs += [(str(d), "card", o.id, lang) for lang in (langs or LANGS)]
        if officer is None and "brochure" in kinds:
            jobs += [(str(d), "brochure", b.slug, lang) for b in site.brochures for lang in b.paths
                     if not langs or lang in langs]
        if officer is None and "poster" in kinds:
            for kind, item in _posters(site):
                jobs += [(str(d), kind, poster_id(kind, item), lang) for lang in (langs or LANGS)]
    return jobs


def _job(args: tuple[str, str, str, str, str]) -> Product | list[Problem]:
    site_dir, kind, pid, lang, repo = args
    try:
        site = _site(site_dir)
        if kind == "card":
            officer = next(o for o in site.officers if o.id == pid)
            return card(Path(repo), site, officer, lang)
        if kind == "brochure":
            return trifold(Path(repo), site, next(b for b in site.brochures if b.slug == pid), lang)
        item = next(i for k, i in _posters(site) if k == kind and poster_id(k, i) == pid)
        return poster(Path(repo), site, kind, item, lang)
    except ContentError as exc:
        return exc.problems  # plain data: crosses the process boundary intact


def make_all(repo: Path, depts: list[str] | None = None, jobs: int | None = None, officer: str | None = None,
             langs: list[str] | None = None, write_manifest: bool = True,
             kinds: tuple[str, ...] = ("card", "poster", "brochure")) -> list[Product]:
    """Every product (from the cache where unchanged); writes each department's manifest."""
    work = [(*j, str(repo)) for j in plan(repo, depts, officer, langs, kinds)]
    if not work:
        return []
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(work)))
    results: list[Product] = []
    problems: list[Problem] = []
    if jobs > 1:
        import multiprocessing as mp

        with ProcessPoolExecutor(jobs, mp_context=mp.get_context("fork")) as pool:
            done = list(pool.map(_job, work))
    else:
        done = [_job(w) for w in work]
    for (site_dir, *_rest), r in zip(work, done):
        if isinstance(r, list):
            problems += r
        else:
            results.append(r)
    if problems:
        raise ContentError(problems)
    if write_manifest:
        for site_dir in dict.fromkeys(w[0] for w in work):
            slug = Path(site_dir).name
            mine = [asdict(p) for (d, *_r), p in zip(work, results) if d == site_dir]
            target = manifest_path(repo, slug)
            target.parent.mkdir(parents=True, exist_ok=True)
            part = target.with_name(target.name + f".{os.getpid()}.part")
            part.write_text(json.dumps({"slug": slug, "products": mine}, ensure_ascii=False, indent=1), "utf-8")
            os.replace(part, target)
    return results
