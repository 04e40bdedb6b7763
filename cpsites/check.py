"""`cpsites check`: every content problem of the portal and the departments, in seconds, no build.

The content model (load_site and the loaders it calls) validates every file's fields. This module
adds what needs the whole site in view: links between pages and to images resolve, pages still
holding the text `cpsites new` wrote, and a translation report (which pages lack ru or en).
`cpsites build` runs the same checks first, so both commands refuse the same input with the same
messages.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from cpsites.content import load_site, unique
from cpsites.content.pages import TYPED_FOLDERS, PageFile, read_pages, scan_data_files
from cpsites.content.containment import inside
from cpsites.content.policy import code_free_lines
from cpsites.errors import ContentError, Problem, display_path
from cpsites.i18n import DEFAULT_LANG, LANGS
from cpsites.project import Project

# `cpsites new` writes this comment under the text a press officer must replace.
PLACEHOLDER = "cpsites: replace this text"

_MARKER = re.compile(r"(?:#|<!--)\s*" + re.escape(PLACEHOLDER))
_INLINE_LINK = re.compile(r"(!?)\[((?:[^\[\]]|\[[^\]]*\])*)\]\(\s*<?([^)\s>]*)>?(?:\s+[\"'(][^)]*)?\)")
_IMG_TAG = re.compile(r"<img\b[^>]*>", re.I)
_ALT = re.compile(r"\balt\s*=\s*([\"'])(.*?)\1", re.I)
_REF_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)")
_HTML_ATTR = re.compile(r"\b(href|src|poster)\s*=\s*[\"']([^\"']*)[\"']", re.I)
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


@dataclass
class Report:
    """What `check` found in one site (a department or the portal)."""

    name: str
    problems: list[Problem] = field(default_factory=list)
    missing_translations: dict[str, list[str]] = field(default_factory=dict)  # page -> missing langs
    pages: int = 0

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity != "error"]


def check_department(site_dir: Path, images: bool = True, today=None) -> Report:
    """Load and validate a department folder (sites/<slug>), then check what loading cannot."""
    from cpsites.content.containment import resolving_once

    with resolving_once():  # each file's links resolved once, not by every step again
        return _check_department(Path(site_dir), images, today)


def _check_department(site_dir: Path, images: bool, today) -> Report:
    report = Report(site_dir.name)
    site = None
    try:
        site = load_site(site_dir)
    except ContentError as exc:
        report.problems.extend(exc.problems)
    if site is not None:
        from cpsites.content import site_warnings

        if today is None:  # the editor's save gate and direct callers: now, in Baku
            from cpsites import clock

            today = clock.now().date()
        report.problems.extend(site_warnings(site, today))
    if images:  # the preview leaves them to the build, which opens the pictures it uses anyway
        report.problems.extend(image_problems(site_dir))
    _check_pages(site_dir / "docs", report, data_roots=[site_dir], pages=site.pages if site else None)
    report.problems.extend(_home_page(site_dir / "docs"))
    report.problems = unique(report.problems)
    return report


def check_portal(project: Project) -> Report:
    """The portal's own pages (docs/ at the project root: the welcome page and the handbook)."""
    report = Report("portal")
    docs = project.root / "docs"
    _, problems = read_pages(docs)
    report.problems.extend(problems)
    report.problems.extend(scan_data_files(docs))
    report.problems.extend(image_problems(docs))
    _check_pages(docs, report, data_roots=[])
    report.problems.extend(_home_page(docs))
    report.problems = unique(report.problems)
    return report


def check_all(project: Project, depts: list[str] | None = None, portal: bool = True,
              images: bool = True, jobs: int = 1) -> list[Report]:
    """Reports for the portal (unless only some departments were asked for) and the departments.

    jobs > 1: departments are checked side by side in that many processes (the command line's
    check; not the preview, whose server threads must not be forked)."""
    known = {d.name: d for d in project.department_dirs()}
    reports = [check_portal(project)] if portal and not depts else []
    slugs = depts or sorted(known)
    found = [known[s] for s in slugs if s in known]
    today = project.now.date()
    if jobs > 1 and len(found) > 1:
        import multiprocessing as mp
        from concurrent.futures import ProcessPoolExecutor

        from cpsites.content import weight

        # largest first, so the last department to finish is a small one
        order = sorted(found, key=weight, reverse=True)
        with ProcessPoolExecutor(min(jobs, len(found)), mp_context=mp.get_context("fork")) as pool:
            checked = {d.name: report for d, report in
                       zip(order, pool.map(_check_in_worker, [(d, images, today) for d in order]))}
    else:
        checked = {d.name: check_department(d, images=images, today=today) for d in found}
    for slug in slugs:
        if slug not in known:
            unknown = Report(slug)
            unknown.problems.append(Problem(f"sites/{slug}", 0, f'there is no department "{slug}"; '
                                            f'known: {", ".join(sorted(known))}'))
            reports.append(unknown)
            continue
        reports.append(checked[slug])
    return reports



def _check_in_worker(args: tuple) -> Report:
    site_dir, images, today = args
    return check_department(site_dir, images=images, today=today)


def image_problems(root: Path) -> list[Problem]:
    """Every picture under root opened the way the build opens it: damaged, truncated, disguised
    or gigantic files (decompression bombs) and SVG drawings with scripts are found here, with the
    image pipeline's own messages. JPEGs are decoded at 1/8 size, so this stays fast."""
    try:
        from cpsites.images.pipeline import is_image_path
    except ImportError:
        return []
    problems: list[Problem] = []
    for path in sorted(Path(root).rglob("*")):
        if not path.is_file() or not is_image_path(path) \
                or any(p.startswith(".") for p in path.relative_to(root).parts) or not inside(path, root):
            continue  # a link to outside the folder is reported by the content model, never opened
        problems.extend(picture_problems(path))
    return problems


def picture_problems(path: Path) -> list[Problem]:
    """One picture opened the way the build opens it (see image_problems). A picture that opened
    well once is not decoded again: the verdict is kept in the picture cache under the file's
    content hash, the pipeline and Pillow versions and the size limit (a damaged file never gets one)."""
    from cpsites.images.cache import cache_for
    from cpsites.images.pillow_flags import MAX_PIXELS
    from cpsites.images.pipeline import decode, probe

    try:
        source = probe(path)
        if not source.is_svg:
            cache = cache_for(path)
            verdict = cache.key(source.digest, {"op": "opens", "scale": 8, "max_pixels": MAX_PIXELS})
            if cache.get(verdict, "ok") is None:
                decode(source, scale=1 / 8)
                cache.put(verdict, "ok", b"")
    except ContentError as exc:
        return list(exc.problems)
    return []


# -- pages: links, images, placeholders, translations --------------------------------------------

def _check_pages(docs: Path, report: Report, data_roots: list[Path], pages: list[PageFile] | None = None) -> None:
    if pages is None:
        pages, _ = read_pages(docs)  # problems of unreadable pages are already in the report
    report.pages = len({p.base for p in pages})
    index = _PageIndex(docs, pages, data_roots)
    for page in pages:
        report.problems.extend(_links(page, index))
    for root in data_roots or [docs]:
        report.problems.extend(_placeholders(root))
    langs: dict[str, set[str]] = {}
    for page in pages:
        langs.setdefault(page.base, set()).add(page.lang)
    for base, have in sorted(langs.items()):
        missing = [lg for lg in LANGS if lg not in have]
        if missing:
            report.missing_translations[base] = missing
        if DEFAULT_LANG not in have and base.split("/", 1)[0] not in TYPED_FOLDERS:  # news: its own message
            first = next(p for p in pages if p.base == base)
            report.problems.append(Problem(display_path(first.path), 0,
                                           f"there is no Azerbaijani version {Path(base).name}.az.md; "
                                           "every page needs one (it is shown where a translation is missing)"))


def _home_page(docs: Path) -> list[Problem]:
    """Every site needs docs/index.az.md (the build says the same when it is missing)."""
    if (docs / "index.az.md").is_file():
        return []
    return [Problem(display_path(docs / "index.az.md"), 0, "the home page is missing; create it (see the "
                    "handbook, or copy another department's docs/index.az.md and change the text)")]


def _placeholders(root: Path) -> list[Problem]:
    """Lines still holding the sample text `cpsites new` wrote (marked with PLACEHOLDER)."""
    problems = []
    for path in sorted(root.rglob("*")):
        if not path.is_file() or path.suffix not in (".md", ".yml") or path.name == "mkdocs.yml" \
                or not inside(path, root):
            continue
        try:
            text = path.read_text("utf-8")
        except (OSError, UnicodeDecodeError):
            continue  # reported by the loaders
        if PLACEHOLDER not in text:
            continue
        lines = [n for n, line in enumerate(text.splitlines(), 1) if _MARKER.search(line)]
        if not lines:
            continue  # the words mentioned in text (this handbook), not a note of `cpsites new`
        where = f"line {lines[0]}" if len(lines) == 1 else "lines " + ", ".join(map(str, lines))
        problems.append(Problem(display_path(path), lines[0],
                                f"sample text from `cpsites new` is still here ({where}); write your own "
                                f'and delete each note "{PLACEHOLDER}"', severity="warning"))
    return problems


class _PageIndex:
    """Which link targets exist: pages in any language, files, and generated section pages."""

    def __init__(self, docs: Path, pages: list[PageFile], data_roots: list[Path]):
        self.docs = docs
        self.bases = {p.base for p in pages}
        self.rels = {p.rel for p in pages}
        # listing pages (news/, officers/, ...) are generated for folders of content
        self.sections = {d.name for d in docs.iterdir() if d.is_dir()} if docs.is_dir() else set()
        for root in data_roots:
            self.sections |= {d.name for d in root.iterdir() if d.is_dir() and d.name != "docs"}

    def has_page(self, rel: str) -> bool:
        """rel is a docs-relative path of a .md link target: about.md, news/x.md, about.ru.md."""
        if rel in self.rels:
            return True
        stem = rel[:-3]
        parts = stem.rsplit(".", 1)
        if len(parts) == 2 and parts[1] in LANGS:
            stem = parts[0]
        if stem in self.bases:
            return True
        return stem.endswith("index") and self._generated(stem)

    def has_folder_page(self, rel: str) -> bool:
        """rel is a folder-style target (about/, news/2026/): a page, a folder or a generated page."""
        rel = rel.rstrip("/")
        if rel in ("", "."):
            return True
        if rel in self.bases or f"{rel}/index" in self.bases or (self.docs / rel).is_dir():
            return True
        return self._generated(rel)

    def _generated(self, stem: str) -> bool:
        first = stem.split("/", 1)[0]
        return first in self.sections

    def similar(self, rel: str) -> list[str]:
        import difflib

        names = sorted({b + ".md" for b in self.bases})
        return difflib.get_close_matches(rel, names, n=1, cutoff=0.6)


def _targets(page: PageFile):
    """(line, target, is_image, alt text or None) of every link and image in a page, code excepted."""
    for number, line in code_free_lines(page.text):
        if number < page.body_line:
            continue
        # each pattern only on lines holding what it needs (most lines are prose)
        for m in _INLINE_LINK.finditer(line) if "](" in line else ():
            image = bool(m.group(1))
            yield number, m.group(3), image, (m.group(2) if image else None)
        m = _REF_DEF.match(line) if "]:" in line else None
        if m:
            yield number, m.group(1), False, None
        if "=" not in line:
            continue  # no HTML attribute
        for tag in _IMG_TAG.findall(line) if "<" in line else ():
            src = _HTML_ATTR.search(tag)
            alt = _ALT.search(tag)
            if src:
                yield number, src.group(2), True, alt.group(2) if alt else ""
        for m in _HTML_ATTR.finditer(_IMG_TAG.sub("", line) if "<" in line else line):
            yield number, m.group(2), m.group(1).lower() != "href", None


def _links(page: PageFile, index: _PageIndex) -> list[Problem]:
    problems = []
    where = ""  # the file's name for messages: filled in below, only when there are any
    folder = posixpath.dirname(page.rel)
    for line, raw, is_image, alt in _targets(page):
        target = unquote(raw.split("#", 1)[0].split("?", 1)[0]).strip()
        if is_image and target and (_SCHEME.match(target) or target.startswith("/")) \
                and not target.lower().startswith("data:"):  # data: is the content policy's
            # pictures are published from docs/ only (no requests to other sites); web road's words
            problems.append(Problem(where, line, f'the picture "{raw}" is not a file of this site\'s docs/ '
                                    "folder; put the photo in docs/images/ and link it from there, for "
                                    "example ![What the photo shows](../images/news/photo.jpg)"))
            continue
        if not target or _SCHEME.match(target) or target.startswith(("/", "\\")):
            continue  # anchors on the same page, web addresses, mailto:, tel:, absolute paths
        rel = posixpath.normpath(posixpath.join(folder, target))
        if rel == ".." or rel.startswith("../"):
            problems.append(Problem(where, line, f"the link \"{raw}\" leads outside the site's pages; "
                                    "link to a page or file inside the docs folder"))
            continue
        if target.endswith(".md"):
            if not index.has_page(rel):
                close = index.similar(rel)
                hint = (f'; did you mean "{posixpath.relpath(close[0], folder or ".")}"?' if close
                        else "; fix the file name in the link or remove the link")
                problems.append(Problem(where, line, f'the link "{raw}" points to a page that does not exist{hint}'))
        elif target.endswith("/") or "." not in posixpath.basename(target):
            if not index.has_folder_page(rel):
                problems.append(Problem(where, line,
                                        f'the link "{raw}" may point to a page that does not exist; link to '
                                        "the page's .md file instead (for example about.md) so it can be checked",
                                        severity="warning"))
        elif not (index.docs / rel).is_file():
            what = "image" if is_image else "file"
            problems.append(Problem(where, line,
                                    f'the {what} "{raw}" does not exist; put the file at '
                                    f"{display_path(index.docs / rel)} or fix the path in the link"))
        elif alt is not None and not alt.strip():
            # the same words as the web road's picture step (cpsites/web/images.py)
            problems.append(Problem(where, line,
                                    f'the picture "{rel}" has no alternative text; write what it shows '
                                    "between the square brackets, for example "
                                    f"![Pupils visit the duty room]({raw})"))
    if problems:
        where = display_path(page.path)
        for problem in problems:
            problem.file = where
    return problems


# -- output ----------------------------------------------------------------------------------------

def ordered(problems: list[Problem]) -> list[Problem]:
    """Errors first, then warnings; each sorted by file and line."""
    key = lambda p: (p.file, p.line, p.message)  # noqa: E731
    return (sorted((p for p in problems if p.severity == "error"), key=key)
            + sorted((p for p in problems if p.severity != "error"), key=key))


def translation_report(report: Report) -> list[str]:
    """Lines of the translation report of one site."""
    if not report.pages:
        return []
    missing = report.missing_translations
    head = (f"{report.name}: {report.pages} pages, {report.pages - len(missing)} in all three languages")
    lines = [head]
    for base, langs in sorted(missing.items()):
        lines.append(f"  {base}: missing {', '.join(langs)}")
    return lines


def errors_before_build(project: Project, depts: list[str] | None = None, jobs: int = 1,
                        in_build: bool = False) -> list[Problem]:
    """The errors `build` refuses before it starts: those of the portal, of the chosen departments,
    and of every department.yml (the portal lists every department). `in_build`: the chosen
    departments are checked by the build itself (build.build_all's `check`), not here."""
    from cpsites.content.department import load_department

    # depts=[]: no department changed since the last build (incremental): the portal alone
    reports = [check_portal(project)] + (check_all(project, depts, portal=False, jobs=jobs)
                                         if depts != [] and not in_build else [])
    problems = [p for r in reports for p in r.errors]
    if depts is not None:
        for site_dir in project.department_dirs():
            if site_dir.name not in depts:
                try:
                    load_department(site_dir)
                except ContentError as exc:
                    problems.extend(exc.problems)
    return ordered(unique(problems))
