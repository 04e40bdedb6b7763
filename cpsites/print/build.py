"""Every issue of every department: rendered once per content, in processes, cached by hash.

An edition (one issue in one language: screen PDF, print PDF, cover thumbnail) is stored in
.cache/paper/editions/<key>/ (cpsites/editions.py: the key, the file names, the manifest).
`cpsites build` (and the preview) render the missing ones here, in processes, and write each
department's manifest before the sites are built; the web road (cpsites/web/newspaper.py) reads
the manifest and copies the files, and never renders.
"""

from __future__ import annotations

import os
import shutil
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from cpsites.content.newspaper import Issue
from cpsites.editions import cache_root, edition_key, file_names
from cpsites.editions import write_manifest
from cpsites.errors import ContentError, Problem

COVER_WIDTH = 480  # px of the archive page's thumbnail


@dataclass
class Edition:
    slug: str
    issue_id: str
    lang: str
    key: str = ""
    files: dict[str, Path] = field(default_factory=dict)  # screen, print, cover
    cached: bool = False
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)


def ensure_edition(site, issue: Issue, lang: str, repo: Path, grayscale: bool | None = None,
                   split: bool = False) -> Edition:
    """The edition's files from the cache, rendered first when the content changed (`split`: the
    screen and print layouts side by side in two processes, see render_edition)."""
    from cpsites.print.render import render_edition

    start = time.perf_counter()
    root = cache_root(repo)
    key = edition_key(site, issue, lang, grayscale)
    final = root / "editions" / key
    stem = f"{issue.id}-{lang}"
    names = file_names(issue.id, lang)
    edition = Edition(site.slug, issue.id, lang, key=key)
    if all((final / n).is_file() for n in names.values()):
        edition.files = {k: final / n for k, n in names.items()}
        edition.cached = True
        notes = final / "warnings.txt"
        edition.warnings = notes.read_text("utf-8").splitlines() if notes.is_file() else []
        return edition
    work = root / "editions" / f".{key}.{os.getpid()}"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    try:
        result = render_edition(issue, site, lang, work, root, grayscale=grayscale, stem=stem, split=split)
        cover(result.files["screen"], work / names["cover"])
        (work / "warnings.txt").write_text("\n".join(result.warnings), "utf-8")
        try:
            os.replace(work, final)  # atomic: another process may have finished the same edition
        except OSError:
            shutil.rmtree(work, ignore_errors=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    edition.files = {k: final / n for k, n in names.items()}
    edition.warnings = result.warnings
    edition.seconds = time.perf_counter() - start
    return edition


def cover(pdf: Path, target: Path, width: int = COVER_WIDTH) -> None:
    """Page 1 as a JPEG thumbnail for the archive page."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    try:
        page = doc[0]
        scale = width / page.get_width()
        image = page.render(scale=scale).to_pil().convert("RGB")
        part = target.with_name(target.name + ".part")
        image.save(part, "JPEG", quality=82, optimize=True)
        os.replace(part, target)
    finally:
        doc.close()


# -- every department ---------------------------------------------------------------------------
def plan_jobs(repo: Path, depts: list[str] | None = None) -> list[tuple[str, str, str]]:
    """(site folder, issue id, language) of every edition to build."""
    from cpsites.content import load_site, site_dirs

    jobs = []
    problems: list[Problem] = []
    for d in site_dirs(repo):
        if depts and d.name not in depts:
            continue
        if not (d / "newspaper").is_dir():
            continue
        try:
            issues = load_site(d).issues
        except ContentError as exc:
            problems += exc.problems
            continue
        for issue in issues:
            jobs += [(str(d), issue.id, lang) for lang in issue.languages]
    if problems:
        raise ContentError(problems)
    return jobs


_SITES: dict[str, tuple] = {}


def _job(args: tuple[str, str, str, str, bool]) -> Edition | list[Problem]:
    site_dir, issue_id, lang, repo, split = args
    try:
        return edition_for(Path(site_dir), issue_id, lang, Path(repo), split=split)
    except ContentError as exc:
        return exc.problems  # plain data: crosses the process boundary intact


def edition_for(site_dir: Path, issue_id: str, lang: str, repo: Path, grayscale: bool | None = None,
                measure_only: bool = False, split: bool = False) -> Edition | None:
    from cpsites.content import load_site

    if str(site_dir) not in _SITES:  # load a department once per process
        site = load_site(site_dir)
        _SITES[str(site_dir)] = (site, {i.id: i for i in site.issues})
    site, issues = _SITES[str(site_dir)]
    if issue_id not in issues:
        raise ContentError(Problem(f"{site_dir}/newspaper", 0, f'there is no issue "{issue_id}"; known: '
                                   f'{", ".join(sorted(issues)) or "none"}'))
    if measure_only:  # loaded and found: the caller measures it
        return None
    return ensure_edition(site, issues[issue_id], lang, repo, grayscale, split=split)


def build_all_editions(repo: Path, depts: list[str] | None = None, jobs: int | None = None,
                       progress=None) -> list[Edition]:
    """Warm the cache for every edition, in processes; raises ContentError listing every problem."""
    planned = plan_jobs(repo, depts)
    cores = jobs or os.cpu_count() or 1
    # fewer editions than cores (one changed issue): each edition's two layouts side by side
    work = [(site, issue, lang, str(repo), len(planned) < cores) for site, issue, lang in planned]
    if not work:
        return []
    jobs = max(1, min(cores, len(work)))
    results: list[Edition] = []
    problems: list[Problem] = []

    def take(r):
        if isinstance(r, list):
            problems.extend(r)
        else:
            results.append(r)
            if progress:
                progress(r)

    if jobs > 1:
        import multiprocessing as mp

        with ProcessPoolExecutor(jobs, mp_context=mp.get_context("fork")) as pool:
            for r in pool.map(_job, work):
                take(r)
    else:
        for w in work:
            take(_job(w))
    if problems:
        raise ContentError(problems)
    for site_dir in dict.fromkeys(w[0] for w in work):  # the web road reads these
        write_manifest(Path(site_dir), [(e.issue_id, e.lang, e.key) for (d, *_), e in zip(work, results)
                                        if d == site_dir])
    return results


def _fit_job(args: tuple[str, str, str, str]) -> list[Problem]:
    """Copy-fit one edition without rendering it: errors for pages that run over, warnings for
    pages that are mostly house ad."""
    from cpsites.errors import display_path
    from cpsites.print.copyfit import underfull
    from cpsites.print.render import measure_issue

    site_dir, issue_id, lang, repo = args
    try:
        edition_for(Path(site_dir), issue_id, lang, Path(repo), measure_only=True)
        site, issues = _SITES[str(site_dir)]
        issue = issues[issue_id]
        measured = measure_issue(issue, site, lang, cache_root(Path(repo)) / "fit")
    except ContentError as exc:
        return exc.problems
    where = display_path(issue.path)
    return [Problem(where, 0, w.removeprefix(f"{where}: "), severity="warning")
            for w in underfull(issue, lang, measured.fit, measured.geo.content_height)]


def fit_all(repo: Path, depts: list[str] | None = None, jobs: int | None = None) -> list[Problem]:
    """`cpsites check --paper`: lay out every edition once (no photos, no PDF) to find pages that
    do not fit, about three times faster than rendering them."""
    work = [(site, issue, lang, str(repo)) for site, issue, lang in plan_jobs(repo, depts)]
    if not work:
        return []
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(work)))
    if jobs == 1:
        return [p for w in work for p in _fit_job(w)]
    import multiprocessing as mp

    with ProcessPoolExecutor(jobs, mp_context=mp.get_context("fork")) as pool:
        return [p for found in pool.map(_fit_job, work) for p in found]
