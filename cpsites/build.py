"""Build the portal and every department into a temporary folder, then swap it in (atomic).

A failed or interrupted build leaves the previous site/ exactly as it was.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import logging
import os
import re
import shutil
import signal
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from cpsites.project import Project, cache_dir
from cpsites.publish import exchange, exchange_works, recover, remove_later, swap
from cpsites.errors import ContentError, Problem

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


@dataclass
class BuildResult:
    name: str
    ok: bool
    pages: int = 0
    seconds: float = 0.0
    messages: list[str] = field(default_factory=list)
    images_processed: int = 0   # source pictures cpsites.images processed in this build
    images_cached: int = 0      # source pictures taken whole from the image cache
    reused: bool = False        # unchanged since the last build: its pages were linked, not built
    passes: list = field(default_factory=list)  # cpsites.web.languages.LanguagePass of a one-language build
    image_sources: tuple = ()   # (processed, used) source pictures of a one-language build
    pages_compressed: bool = False  # its pages got their .gz/.br as they were written (page_writer)
    pages_linked: int = 0       # pages linked from the published site, not drawn (web/page_reuse.py)
    problems: list = field(default_factory=list)  # errors of its check or print products: not built
    skipped: bool = False       # not built: another department failed its check in the same build
    editions: list = field(default_factory=list)  # cpsites.print.build.Edition made by its worker
    products: list = field(default_factory=list)  # cpsites.print.catalogue.Product made by its worker


class _Collect(logging.Handler):
    """Keeps MkDocs warnings and errors so we can show them as plain messages."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        msg = record.getMessage()
        if "Aborted with" in msg:
            return
        self.records.append(msg)


def build_one(config_file: Path, site_dir: Path, name: str, lang: str | None = None,
              previous: Path | None = None, reuse: tuple[str, str, str] | None = None,
              write_threads: int = 2) -> BuildResult:
    """Run one strict MkDocs build (all three languages, or only `lang`) in this process.
    `previous`: the published folder of the same target (its unchanged pages' compressed copies
    are reused, cpsites/web/page_writer.py). `reuse`: (frame, published folder, records folder):
    pages drawn from the same things as the published ones are linked (web/page_reuse.py).
    `write_threads`: threads that write pages while the next render; 0 when no core is spare."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError, PluginError

    start = time.perf_counter()
    handler = _Collect()
    root_logger = logging.getLogger("mkdocs")
    root_logger.addHandler(handler)
    old_level = root_logger.level
    root_logger.setLevel(logging.WARNING)
    from cpsites.images import reset_stats, stats, stats_sources

    reset_stats()
    # a build makes millions of short-lived objects: collect garbage less often (4 % faster,
    # measured; a few MB more at the peak)
    thresholds = gc.get_threshold()
    gc.set_threshold(20000, 20, 20)
    try:
        cfg = load_config(str(config_file), site_dir=str(site_dir), strict=True)
        from cpsites.web.page_writer import writing

        if lang is not None:
            from cpsites.web.i18n_plugin import single_language

            single_language(cfg, lang)
        from cpsites.web.page_reuse import PageReuse, reusing

        from cpsites.images.cache import default_cache_dir

        linking = PageReuse(reuse[0], site_dir, Path(reuse[1]), Path(reuse[2]),
                            default_cache_dir(Path(config_file).parent)) if reuse else None
        # pages written with their .gz/.br, by two threads when a core is spare (see the module)
        with writing((site_dir, previous) if previous is not None and previous.is_dir() else None,
                     write_threads) as writer, \
                reusing(linking):
            build(cfg)
        if linking is not None:
            linking.save()
        pages = sum(1 for _ in site_dir.rglob("index.html"))
        processed, cached = stats()
        passes = cfg.plugins["cpsites"].passes if lang is not None and "cpsites" in cfg.plugins else []
        return BuildResult(name, True, pages, time.perf_counter() - start,
                           images_processed=processed, images_cached=cached, passes=passes,
                           image_sources=stats_sources() if lang is not None else (),
                           pages_compressed=writer is not None,
                           pages_linked=linking.linked if linking is not None else 0)
    except (Abort, PluginError, ConfigurationError, ContentError) as exc:
        messages = [line for m in handler.records for line in _explain(m, config_file)]
        text = str(exc).strip()
        if text and not text.startswith("Aborted with"):
            messages += _explain(text, config_file)
        return BuildResult(name, False, 0, time.perf_counter() - start, list(dict.fromkeys(messages)) or [text])
    except Exception as exc:  # a bug of ours, not of the content: say so, with where to look
        import traceback

        detail = "".join(traceback.format_exception(exc)) if os.environ.get("CPSITES_DEBUG") else ""
        return BuildResult(name, False, 0, time.perf_counter() - start,
                           [f"{config_file}: internal error while building {name}: {type(exc).__name__}: {exc}"
                            " (this is a bug in cpsites, not in your content; set CPSITES_DEBUG=1 for details)"
                            + ("\n" + detail if detail else "")])
    finally:
        gc.set_threshold(*thresholds)
        root_logger.removeHandler(handler)
        root_logger.setLevel(old_level)


def build_languages_apart(config_file: Path, site_dir: Path, name: str, previous: Path | None = None,
                          reuse: tuple[str, str, str] | None = None, write_threads: int = 2) -> BuildResult:
    """The same build as build_one, with each language in a process of its own, side by side.

    After a small edit one department is rebuilt while the machine's other cores wait: its three
    languages are three builds that share nothing but their content. The other languages' processes
    are forked from this one, so they start with everything it has loaded (a warmed-up worker,
    cpsites/web/warm_up.py); each builds into a folder of its own, and this process merges their
    output into its own and writes what spans languages (cpsites/web/languages.py)."""
    import multiprocessing as mp

    from cpsites.i18n import DEFAULT_LANG

    start = time.perf_counter()
    ctx = mp.get_context("fork")
    # what this process holds is shared with the forked ones: the garbage collector's full passes
    # would walk it in each of them and copy every page of memory they touch
    gc.freeze()
    parts = language_parts(site_dir)
    children = []
    for lang, part in parts.items():
        receive, send = ctx.Pipe(duplex=False)
        child = ctx.Process(target=_build_one_language,
                            args=(config_file, part, name, lang, previous, reuse, write_threads, send), daemon=True)
        child.start()
        send.close()
        children.append((lang, child, receive))
    try:
        results = [build_one(config_file, site_dir, name, lang=DEFAULT_LANG, previous=previous, reuse=reuse,
                             write_threads=write_threads)]
        for lang, child, receive in children:
            try:
                results.append(receive.recv())
            except EOFError:  # the process died without a word (killed, out of memory)
                child.join()
                results.append(BuildResult(name, False, 0, 0.0, [
                    f"{config_file}: internal error while building {name} in {lang}: its process stopped "
                    f"(exit status {child.exitcode}); this is a bug in cpsites, not in your content"]))
            child.join()
        return join_languages(name, site_dir, parts, results, time.perf_counter() - start)
    finally:
        for _lang, child, _receive in children:
            if child.is_alive():
                child.kill()
                child.join()
        for part in parts.values():
            shutil.rmtree(part, ignore_errors=True)


def language_parts(site_dir: Path) -> dict[str, Path]:
    """Where each language but the default one is built when a site's languages are built apart
    (the default language builds into `site_dir` itself)."""
    from cpsites.i18n import DEFAULT_LANG, LANGS

    return {lang: site_dir.with_name(f".{site_dir.name}.{lang}") for lang in LANGS if lang != DEFAULT_LANG}


def join_languages(name: str, site_dir: Path, parts: dict[str, Path], results: list[BuildResult],
                   seconds: float) -> BuildResult:
    """One site from its languages built apart (`results`, the default language's first): the
    other languages' folders moved into `site_dir`, and what spans languages written (search
    index, sitemap: cpsites/web/languages.py)."""
    from cpsites.i18n import LANGS
    from cpsites.web import languages

    if not all(r.ok for r in results):
        messages = [m for r in results for m in r.messages]
        return BuildResult(name, False, 0, seconds, list(dict.fromkeys(messages)))
    index = languages.merge(site_dir, parts)
    passes = sorted((p for r in results for p in r.passes), key=lambda p: LANGS.index(p.lang))
    languages.finish(site_dir, passes, index)
    processed = frozenset().union(*(r.image_sources[0] for r in results))
    used = frozenset().union(*(r.image_sources[1] for r in results))
    return BuildResult(name, True, sum(1 for _ in site_dir.rglob("index.html")), seconds,
                       images_processed=len(processed), images_cached=len(used - processed),
                       pages_compressed=all(r.pages_compressed for r in results),
                       pages_linked=sum(r.pages_linked for r in results))


def _build_one_language(config_file: Path, site_dir: Path, name: str, lang: str, previous: Path | None,
                        reuse: tuple[str, str, str] | None, write_threads: int, send) -> None:
    send.send(build_one(config_file, site_dir, name, lang=lang, previous=previous, reuse=reuse,
                        write_threads=write_threads))
    send.close()


LINK_NOT_FOUND = re.compile(r"Doc file '([^']+)' contains a link '([^']+)', but the target")
NO_HOMEPAGE = re.compile(r"Could not find a homepage for locale '(\w+)'")
PLUGIN_PREFIX = "cpsites: the content has problems:\n"
CONFIG_VALUE = re.compile(r"Config value '([^']+)': (.+)", re.S)


def _explain(message: str, config_file: Path) -> list[str]:
    """Turn MkDocs' wording into lines a press officer can act on (file:line: what to do)."""
    message = message.strip().removeprefix("Error: ").removeprefix(PLUGIN_PREFIX)
    m = LINK_NOT_FOUND.match(message)
    if m:
        src = config_file.parent / "docs" / m.group(1)
        line = _line_containing(src, f"({m.group(2)}")
        where = os.path.relpath(src, Path.cwd()) + (f":{line}" if line else "")
        return [f"{where}: the link '{m.group(2)}' points to a page that does not exist; "
                "fix the file name in the link (e.g. about.md) or remove the link"]
    m = CONFIG_VALUE.match(message)
    if m:  # a setting MkDocs refuses: in the department's mkdocs.yml, or the base one it inherits
        key, what = m.group(1).split(".")[0], " ".join(m.group(2).split())
        found = [(path, line) for path in (config_file, config_file.parent.parent.parent / "mkdocs.yml")
                 for line in [_top_level_line(path, key)] if line]
        path, line = found[0] if found else (config_file, 0)
        where = os.path.relpath(path, Path.cwd()) + (f":{line}" if line else "")
        return [f"{where}: the setting `{key}` is not valid: {what} (see the MkDocs settings this "
                "project uses in the base mkdocs.yml; ask a developer if in doubt)"]
    m = NO_HOMEPAGE.search(message)
    if m:
        index = os.path.relpath(config_file.parent / "docs" / "index.az.md", Path.cwd())
        return [f"{index}: the home page is missing; create it (see the handbook, or copy another "
                "department's docs/index.az.md and change the text)"]
    return [line for line in message.splitlines() if line.strip()]


def _top_level_line(path: Path, key: str) -> int:
    """The line of a YAML file where the top-level `key:` is set (the last time: that one counts), or 0."""
    try:
        lines = path.read_text("utf-8").splitlines()
    except OSError:
        return 0
    return max((n for n, line in enumerate(lines, 1) if line.startswith(f"{key}:")), default=0)


def _line_containing(path: Path, needle: str) -> int:
    try:
        for n, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            if needle in line:
                return n
    except OSError:
        pass
    return 0


def targets(repo: Path, depts: list[str] | None) -> list[tuple[str, Path, str]]:
    """(name, config file, output sub-folder) for the portal and the chosen departments."""
    from cpsites.content import site_dirs

    out = [("portal", repo / "mkdocs.yml", "")]
    known = {d.name: d for d in site_dirs(repo)}
    for slug in depts or sorted(known):
        if slug not in known:
            raise ContentError(Problem(f"sites/{slug}", 0,
                                       f'there is no department "{slug}"; known: {", ".join(sorted(known))}'))
        out.append((slug, known[slug] / "mkdocs.yml", slug))
    return out


def split_last(work: list[Job], departments: int, cores: int) -> list[Job]:
    """More departments than cores (`work`'s first `departments` jobs, largest first): the last,
    smallest one becomes one job per language, so the build does not end with one core building
    a whole department while the others wait (build_all joins them, join_languages). Its default
    language goes first: the other two, last, then find its print products made (each job makes
    what the cache lacks, see _check_and_print)."""
    if not 1 < cores < departments:
        return work
    from cpsites.i18n import DEFAULT_LANG

    last = work[departments - 1]
    others = [last._replace(lang=lang, site_dir=str(part)) for lang, part in language_parts(Path(last.site_dir)).items()]
    return [last._replace(lang=DEFAULT_LANG)] + work[:departments - 1] + others + work[departments:]


def write_threads(apart: list[bool], cores: int) -> int:
    """Threads that write each build's pages (web/page_writer.py): two when a core would otherwise
    wait, i.e. when the processes building at once (three for a target built apart, in `apart`'s
    order of starting) are fewer than the cores; else none (they would only cost)."""
    busy = sum(3 if a else 1 for a in apart[:cores])
    return 2 if busy < cores else 0


class Job(NamedTuple):
    """One target for a build process (a tuple: handed to worker processes)."""

    name: str
    config_file: str
    site_dir: str
    cache: str
    apart: bool = False          # its languages built side by side (build_languages_apart)
    previous: str = ""           # its published folder, if any
    reuse: tuple[str, str, str] | None = None  # page_reuse's (frame, published, records)
    write_threads: int = 0       # see write_threads()
    check: dt.date | None = None  # check the department as of that day and make its print products
                                  # first, in the same process (see build_all's `check`)
    lang: str | None = None      # one language only, into its own folder (language_parts)


# A department failed its check: the other workers of the same build check theirs but build none.
# Made before any worker process starts (_failure_flag), so they all share it.
_checks_failed = None


def _failure_flag():
    global _checks_failed
    if _checks_failed is None:
        import multiprocessing as mp

        _checks_failed = mp.get_context("fork").Event()
    return _checks_failed


def _worker(job: tuple) -> BuildResult:
    job = Job(*job)
    made: tuple[list, list] = ([], [])
    if job.check is not None:
        problems, made = _check_and_print(job)
        # the department just loaded stays for the build: out of the garbage collector's way (its
        # full passes would walk it again and again), once the last build's garbage is gone
        gc.collect()
        gc.freeze()
        if problems:
            if _checks_failed is not None:
                _checks_failed.set()
            return BuildResult(job.name, False, problems=problems)
        if _checks_failed is not None and _checks_failed.is_set():
            return BuildResult(job.name, False, skipped=True, editions=made[0], products=made[1])
    previous = Path(job.previous) if job.previous else None
    if job.lang is not None:
        result = build_one(Path(job.config_file), Path(job.site_dir), job.name, lang=job.lang, previous=previous,
                           reuse=job.reuse, write_threads=job.write_threads)
    else:
        build = build_languages_apart if job.apart else build_one
        result = build(Path(job.config_file), Path(job.site_dir), job.name, previous=previous,
                       reuse=job.reuse, write_threads=job.write_threads)
    result.editions, result.products = made
    # one language's folder is compressed once joined (build_all), as its search index and sitemap change
    if result.ok and job.lang is None:
        # compress in the worker, in parallel; the final pass only finds what is left
        from cpsites.web.compress import precompress

        precompress(Path(job.site_dir), Path(job.cache) / "compress", pages_done=result.pages_compressed)
    return result


def _check_and_print(job: Job) -> tuple[list[Problem], tuple[list, list]]:
    """A department's errors (the same as `cpsites check`'s), then its newspaper editions and print
    products (from their caches when unchanged), in the process that builds it next: it loads the
    department once for all three (cpsites.content keeps it)."""
    from cpsites.check import check_department
    from cpsites.print.build import build_all_editions
    from cpsites.print.catalogue import make_all

    site_dir = Path(job.config_file).parent
    problems = check_department(site_dir, today=job.check).errors
    if problems:
        return problems, ([], [])
    repo = site_dir.parent.parent
    try:
        return [], (build_all_editions(repo, [job.name], 1), make_all(repo, [job.name], 1))
    except ContentError as exc:
        return exc.problems, ([], [])


def early_worker(repo: Path, workers: int = 1) -> ProcessPoolExecutor:
    """A build worker started before anything else, while this process works out what changed:
    it imports MkDocs and the theme and loads the compiled templates (cpsites/web/warm_up.py, with
    the portal's config: what every build shares). warm_pool keeps it after a small edit and
    stops it otherwise, before it competes with the check for the cores. `workers` > 1 when the
    whole site will be built (nothing published yet, or --full): then all of them build, each
    checking its departments first (build_all's `check`), and warm_pool keeps them."""
    import multiprocessing as mp

    from cpsites.web.warm_up import warm_up

    _failure_flag()  # before the fork: the workers share it
    pool = ProcessPoolExecutor(workers, mp_context=mp.get_context("fork"), initializer=warm_up,
                               initargs=([str(repo / "mkdocs.yml")],))
    pool.cpsites_workers = workers
    pool.submit(int)  # starts the processes now (a fork pool starts them all at its first job)
    return pool


def stop_worker(pool: ProcessPoolExecutor | None) -> None:
    """Stop a pool's processes now, busy or not (an early worker that is not needed)."""
    if pool is None:
        return
    processes = list(getattr(pool, "_processes", None) or {})  # the pool's own record of its pids
    for pid in processes:
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)
    # and wait for the pool's own thread to see them gone and close its pipes: left running, it
    # raced Python's exit handler, which then wrote to a closed pipe and printed a traceback
    # ("OSError: [Errno 9] Bad file descriptor", 1 build in 10; CPython gh-125451, fixed in 3.12)
    pool.shutdown(wait=True, cancel_futures=True)


def warm_pool(plan: "Plan", jobs: int | None = None, early: ProcessPoolExecutor | None = None
              ) -> ProcessPoolExecutor | None:
    """After a small edit (one department changed, and perhaps the portal): the build's worker
    processes, warmed up (cpsites/web/warm_up.py) while this process checks the content; hand it
    to build_all. `early`: a worker started before the plan (early_worker), kept when one target
    is to be built, else stopped. When more changed: `early` itself if it has a worker per core
    (early_worker), else None; either way the workers check, make the print products of and build
    one department after another (build_all's `check`)."""
    work = [str(cfg) for name, cfg, _ in plan.targets if name not in plan.unchanged]
    if len(plan.changed_depts) > 1 and getattr(early, "cpsites_workers", 1) > 1:
        return early  # a whole build's workers, started early (see early_worker)
    if not work or len(plan.changed_depts) > 1:
        stop_worker(early)
        return None
    import multiprocessing as mp

    from cpsites.web.warm_up import warm_up

    if early is not None and len(work) == 1:
        early.submit(warm_up, work)  # the department's own content, in the same head start
        return early
    stop_worker(early)
    pool = ProcessPoolExecutor(min(len(work), jobs or os.cpu_count() or 1), mp_context=mp.get_context("fork"),
                               initializer=warm_up, initargs=(work,))
    pool.submit(int)  # starts the processes now (a fork pool starts them all at its first job)
    return pool


def cache_root(repo: Path) -> Path:
    """The build's caches (manifest, compressed assets; images and papers keep their own)."""
    return cache_dir(repo)


@dataclass
class Plan:
    """What a build will do: its targets, and which of them are unchanged since the last build."""

    repo: Path
    out: Path
    depts: list[str] | None
    targets: list[tuple[str, Path, str]]
    fingerprints: dict[str, str]
    unchanged: set[str]
    manifest: object  # cpsites.incremental.Manifest
    hasher: object    # cpsites.incremental.Hasher
    frames: dict[str, str] = field(default_factory=dict)  # what a department's pages share (page_reuse)

    @property
    def changed_depts(self) -> list[str]:
        return [name for name, _, _ in self.targets[1:] if name not in self.unchanged]

    @property
    def portal_changed(self) -> bool:
        return "portal" not in self.unchanged


def plan_build(project: Project, out: Path, depts: list[str] | None = None, full: bool = False) -> Plan:
    """Targets and fingerprints; `full` builds everything whatever changed."""
    from cpsites.incremental import Hasher, Manifest, fingerprints, frames

    repo, out = project.root.resolve(), Path(out).resolve()
    plan = targets(repo, depts)
    manifest = Manifest.load(cache_root(repo), out)
    hasher = Hasher(known=manifest.files)
    prints = fingerprints(repo, plan, hasher)
    unchanged = set()
    if not full and out.is_dir():
        for name, _cfg, sub in plan:
            if manifest.targets.get(name) == prints[name] and (out / sub / "index.html").is_file():
                unchanged.add(name)
    # the frames of what is to be built; --full draws every page too (page_reuse needs a frame)
    changed = [t for t in plan if t[0] not in unchanged]
    return Plan(repo, out, depts, plan, prints, unchanged, manifest, hasher,
                {} if full else frames(repo, changed, hasher))


def _reuse(name: str, src: Path, dest: Path, skip: set[str] = frozenset(), pages: int | None = None) -> BuildResult:
    """An unchanged target: its previous pages linked into the new site (`pages`: their number
    as the manifest recorded it, else counted)."""
    from cpsites.incremental import link_tree

    start = time.perf_counter()
    link_tree(src, dest, skip)
    if pages is None:
        pages = sum(1 for p in dest.rglob("index.html") if not (skip and p.relative_to(dest).parts[0] in skip))
    return BuildResult(name, True, pages, time.perf_counter() - start, reused=True)


def build_all(project: Project, out: Path, depts: list[str] | None = None, jobs: int | None = None,
              progress=None, paper_progress=None, products_progress=None,
              plan: Plan | None = None, pool: ProcessPoolExecutor | None = None,
              check: bool = False) -> list[BuildResult]:
    """Build into a fresh temporary folder beside `out`; swap it in only if every build succeeded.

    Targets unchanged since the last build (cpsites/incremental.py) are linked, not built. When
    only departments changed, each rebuilt department is swapped into `out` on its own instead
    (one atomic rename each, `publish.exchange`) and nothing else is touched.
    `pool`: build workers started earlier (warm_pool); the caller shuts it down.
    `check`: each changed department is checked (cpsites.check, as of the project's day) and gets its
    newspaper editions and print products in the process that then builds it, which loads it once
    for all three. A department that fails: its result has the problems and no pages, and the
    departments not yet built are only checked (`skipped`), so every error is found; nothing is
    published. Without `check` the caller has checked, and the print road runs here first."""
    repo = project.root.resolve()
    out = out.resolve()
    plan = plan or plan_build(project, out, depts)
    recover(out)
    if all(name in plan.unchanged for name, _, _ in plan.targets):
        # nothing changed since the last build: the published site is already this build's output
        results = [BuildResult(name, True, plan.manifest.pages.get(name, 0), 0.0, reused=True)
                   for name, _, _ in plan.targets]
        if progress:
            for r in results:
                progress(r)
        return results
    tmp = out.parent / f".{out.name}.building-{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    results: list[BuildResult] = []
    slugs = {sub for _, _, sub in plan.targets[1:]} | {d.name for d in project.department_dirs()} \
        | {n for n in plan.manifest.targets if n != "portal"}
    try:
        # Newspapers first, every edition in processes (cached by content hash in .cache/paper/);
        # the department builds then only copy the PDFs (cpsites/web/newspaper.py).
        from cpsites.print.build import build_all_editions

        if plan.changed_depts and not check:
            build_all_editions(repo, plan.changed_depts, jobs, progress=paper_progress)
            # cards, posters, tri-folds likewise; the print/ pages read their manifests
            from cpsites.print.catalogue import make_all

            made = make_all(repo, plan.changed_depts, jobs)
            if products_progress:
                products_progress(made)
            _warn_products(made, set())
        # The portal and the changed departments are built side by side, largest first, so the
        # last to finish is a small one. MkDocs empties a build's output folder first, so the
        # portal builds into a folder of its own (inside the new site, so a killed build's is tidied
        # up with it), moved into place afterwards.
        portal = plan.targets[0]
        portal_dir = tmp / ".portal"
        work, unchanged = [], []
        if portal[0] in plan.unchanged:
            unchanged.append((portal[0], out, tmp, slugs))
        else:
            work.append(Job(portal[0], str(portal[1]), str(portal_dir), str(cache_root(repo))))
        unchanged += [(name, out / sub, tmp / sub, frozenset()) for name, _cfg, sub in plan.targets[1:]
                      if name in plan.unchanged]
        from cpsites.content import weight

        today = project.now.date() if check else None
        depts_work = [Job(name, str(cfg), str(tmp / sub), str(cache_root(repo)), check=today)
                      for name, cfg, sub in plan.targets[1:] if name not in plan.unchanged]
        # the portal (small) last: it fills the gap while the last department finishes
        work = sorted(depts_work, key=lambda w: weight(Path(w.config_file).parent), reverse=True) + work
        # Fewer departments to build than cores (after a small edit: one): each builds its
        # languages side by side, in processes of its own (build_languages_apart). The portal
        # likewise when it is built alone.
        cores = jobs or os.cpu_count() or 1
        apart = {w.name for w in depts_work if len(depts_work) < cores} | (
            {w.name for w in work} if len(work) == 1 and cores > 1 else set())
        # the published folder of each: pages that come out as they were keep their .gz/.br
        published = {name: out / sub for name, _cfg, sub in plan.targets}
        threads = write_threads([w.name in apart for w in work], cores)
        work = [w._replace(apart=w.name in apart, write_threads=threads,
                           previous=str(published[w.name]) if (published[w.name] / "index.html").is_file() else "",
                           reuse=_page_records(repo, plan, w.name, published[w.name])) for w in work]
        work = split_last(work, len(depts_work), cores)
        split: dict[str, list[tuple[Job, BuildResult]]] = {w.name: [] for w in work if w.lang is not None}

        # Only departments changed, each already published: each is swapped into the site on
        # its own (one atomic rename each, publish.exchange); the others stay as they are, not linked
        # into a new site one file at a time (~1,400 files a department).
        in_place = _can_exchange(plan, depts)

        def link_unchanged() -> None:
            for name, src, dest, skip in unchanged:
                if in_place:
                    results.append(BuildResult(name, True, plan.manifest.pages.get(name, 0), 0.0, reused=True))
                else:
                    results.append(_reuse(name, src, dest, skip=skip, pages=plan.manifest.pages.get(name)))
                if progress:
                    progress(results[-1])

        jobs = min(jobs or os.cpu_count() or 1, len(work))
        built: dict[str, BuildResult] = {}
        warned: set[str] = set()

        from cpsites.i18n import LANGS

        def done(job: Job, result: BuildResult) -> None:
            if job.name in split:
                split[job.name].append((job, result))
                if len(split[job.name]) < len(LANGS):  # one result per language
                    return
                result = _join_split(split.pop(job.name), Path(cache_root(repo)) / "compress")
            built[result.name] = result
            if paper_progress:
                for edition in result.editions:
                    paper_progress(edition)
            if products_progress and result.products:
                products_progress(result.products)
            _warn_products(result.products, warned)
            if progress:
                progress(result)

        if check:
            _failure_flag().clear()  # made before any worker started: they share it
        if work and (jobs > 1 or unchanged):
            import multiprocessing as mp

            # processes, not threads: mkdocs-static-i18n monkey-patches MkDocs during a build;
            # this process links the unchanged targets meanwhile (after one edit: ten departments)
            own = pool is None
            if own:
                gc.freeze()  # what the workers inherit (the plan, the portal's check): out of the collector's way
            workers = pool or ProcessPoolExecutor(max(jobs, 1), mp_context=mp.get_context("fork"))
            with workers if own else contextlib.nullcontext(workers) as workers:
                futures = {workers.submit(_worker, w): w for w in work}
                link_unchanged()
                for future in as_completed(futures):
                    done(futures[future], future.result())
        else:
            link_unchanged()
            for w in work:
                done(w, _worker(w))
        # in the order of the plan: the portal, then the departments
        results += [built[name] for name, _, _ in plan.targets if name in built]
        if portal[0] in built and built[portal[0]].ok:
            _move_into(portal_dir, tmp)
        if in_place:
            if not all(r.ok for r in results):
                return results  # the published site untouched; tmp goes in `finally`
            previous = dict(plan.manifest.targets)  # every other target stays as it is
            plan.manifest.forget()
            for _name, _cfg, sub in plan.targets[1:]:
                if (tmp / sub).is_dir():
                    exchange(tmp / sub, out / sub)  # the previous folder is now in tmp
            _record(plan, results, previous)
            # the replaced folders: deleted in the background, never put back by recover()
            trash = out.parent / f".{out.name}.drop-{os.getpid()}.{time.monotonic_ns()}"
            os.replace(tmp, trash)
            remove_later(trash)
            return results
        carried: set[str] = set()
        if depts:
            # a partial build keeps the other departments of the previous site
            carried = _carry_over(out, tmp, keep={sub for _, _, sub in plan.targets[1:]}, repo=repo)
        if all(r.ok for r in results):
            # last, so every file any step wrote gets its .gz/.br (see cpsites/web/compress.py);
            # the departments' folders have theirs: built ones from their worker, linked ones
            # from the build that made them
            from cpsites.web.compress import precompress

            precompress(tmp, cache_root(repo) / "compress", skip={sub for _, _, sub in plan.targets[1:]} | carried)
            kept = {n: fp for n, fp in plan.manifest.targets.items() if n in carried}
            plan.manifest.forget()
            swap(tmp, out)
            _record(plan, results, kept)
        return results
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _join_split(parts: list[tuple[Job, BuildResult]], compressed: Path) -> BuildResult:
    """A department built as one job per language (build_all): one result, its site joined and
    compressed. Each job checked the department and made its print products (the same ones: the
    first to get there made them, the others found them in the cache)."""
    from cpsites.i18n import LANGS

    parts = sorted(parts, key=lambda part: LANGS.index(part[0].lang))
    (default, _), results = parts[0], [r for _, r in parts]
    made = (min((r.editions for r in results), key=lambda made: sum(e.cached for e in made)),
            min((r.products for r in results), key=lambda made: sum(p.cached for p in made)))
    problems = [p for r in results for p in r.problems]
    if problems or any(r.skipped for r in results):
        return BuildResult(default.name, False, problems=problems, skipped=not problems,
                           editions=made[0], products=made[1])
    site_dir = Path(default.site_dir)
    joined = join_languages(default.name, site_dir, language_parts(site_dir), results, sum(r.seconds for r in results))
    joined.editions, joined.products = made
    if joined.ok:
        from cpsites.web.compress import precompress

        precompress(site_dir, compressed, pages_done=joined.pages_compressed)
    return joined


def _warn_products(made: list, warned: set[str]) -> None:
    """The print products' warnings (a picture too small for print ...), each once per build."""
    for note in dict.fromkeys(w for p in made for w in p.warnings):
        if note not in warned:
            warned.add(note)
            logging.getLogger("cpsites").warning("warning: %s", note)


def _page_records(repo: Path, plan: Plan, name: str, published: Path) -> tuple[str, str, str] | None:
    """(frame, published folder, records folder) for page_reuse, or None: every page drawn."""
    import hashlib

    frame = plan.frames.get(name)
    if not frame:
        return None
    where = hashlib.sha256(str(published.resolve()).encode()).hexdigest()[:16]
    return frame, str(published), str(cache_root(repo) / "build" / "pages" / where)


def _record(plan: Plan, results: list[BuildResult], kept: dict[str, str]) -> None:
    """The manifest describes the new site: what was built or linked now, and the previous
    site's targets it still holds unchanged (`kept`: their fingerprints)."""
    manifest = plan.manifest
    manifest.targets = {**kept, **plan.fingerprints}
    manifest.files = {**plan.hasher.known, **plan.hasher.used}
    manifest.pages = {**{n: c for n, c in manifest.pages.items() if n in kept},
                      **{r.name: r.pages for r in results}}
    manifest.save()


def _can_exchange(plan: Plan, depts: list[str] | None) -> bool:
    """Whether the build can swap its departments into the published site one by one: the
    portal is unchanged, every changed department is published already, and the site holds the
    departments it should (a full build: those of the last build, none removed since)."""
    names = {name for name, _, _ in plan.targets}
    return (bool(plan.changed_depts) and not plan.portal_changed and exchange_works(plan.out.parent)
            and all(name in plan.manifest.targets and (plan.out / sub / "index.html").is_file()
                    for name, _cfg, sub in plan.targets[1:] if name not in plan.unchanged)
            and (bool(depts) or set(plan.manifest.targets) == names))


def _move_into(src: Path, dest: Path) -> None:
    """The portal's pages into the site's top folder, beside the departments' sub-folders."""
    for child in sorted(src.iterdir()):
        target = dest / child.name
        if target.exists():
            raise ContentError(Problem(f"sites/{child.name}", 0,
                                       f'a department may not be called "{child.name}": the portal has a '
                                       "folder or file of that name; rename the department's folder"))
        os.replace(child, target)
    src.rmdir()


def _carry_over(old: Path, new: Path, keep: set[str], repo: Path) -> set[str]:
    """Link the previous site's other departments into the new one; returns their names."""
    from cpsites.incremental import link_tree

    carried: set[str] = set()
    if not old.is_dir():
        return carried
    for child in old.iterdir():
        if child.is_dir() and (child / "index.html").is_file() and child.name not in keep \
                and not (new / child.name).exists() and (repo / "sites" / child.name).is_dir():
            link_tree(child, new / child.name)
            carried.add(child.name)
    return carried
