"""Render one language edition of an issue with WeasyPrint, safely, and copy-fit its pages.

Safety: resources come only from the project (and the CMYK profile WeasyPrint needs); any other
URL, any WeasyPrint error and any layout crash stops the render with a message naming the issue
file. Files are written to a temporary name and renamed, so no half-written PDF is ever left.

Copy-fit: the screen edition is laid out first; what each page leaves empty under its columns is
measured from the layout boxes and filled with a house ad in the final layouts. A page whose
stories run over is an error naming the stories.
"""

from __future__ import annotations

import contextlib
import logging
import mimetypes
import os
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlparse

from cpsites.content.newspaper import Issue
from cpsites.errors import ContentError, Problem, display_path
from cpsites.print import fonts, hyphenation
from cpsites.print.newspaper import ICC_PROFILE, html_for, plan

PX_TO_MM = 25.4 / 96
MIN_FILLER_MM = 14.0  # less than this stays white: a thin strip of ad looks like a mistake
FILLER_SAFETY_MM = 2.5
UNDERFULL = 0.45  # a page whose house ad would take more than this share is reported


@dataclass
class EditionResult:
    lang: str
    files: dict[str, Path] = field(default_factory=dict)  # edition -> PDF
    warnings: list[str] = field(default_factory=list)
    fillers: dict[int, float] = field(default_factory=dict)


class ProjectFetcher:
    """Only files under the allowed folders, the CMYK profile and data: URLs; anything else fails."""

    def __init__(self, roots: list[Path], where: str):
        from weasyprint.urls import URLFetcher

        self._inner = URLFetcher(fail_on_errors=True, allowed_protocols={"file", "data"})
        self._fail_on_errors = True
        self.roots = [Path(r).resolve() for r in roots]
        self.files = {ICC_PROFILE.resolve()}
        self.where = where

    def __call__(self, url: str):
        return self.fetch(url)

    def fetch(self, url: str, headers=None):
        from weasyprint.urls import FatalURLFetchingError, URLFetcherResponse

        if url.startswith("data:"):
            return self._inner.fetch(url, headers)
        parsed = urlparse(url)
        if parsed.scheme == "file":
            path = Path(unquote(parsed.path)).resolve()
            if path in self.files or any(path.is_relative_to(r) for r in self.roots):
                if not path.is_file():
                    raise FatalURLFetchingError(f"{self.where}: the file {display_path(path)} does not exist")
                mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
                return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": mime})
        raise FatalURLFetchingError(f"{self.where}: the newspaper may only use files of the project; refused {url}")


class _Errors(logging.Handler):
    """WeasyPrint logs missing resources and bad CSS instead of failing: collect and fail."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.errors: list[str] = []
        self.warnings: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        (self.errors if record.levelno >= logging.ERROR else self.warnings).append(record.getMessage())


@contextlib.contextmanager
def _watch():
    handler = _Errors()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(handler)
    old = logger.level
    logger.setLevel(logging.WARNING)
    progress = logging.getLogger("weasyprint.progress")
    progress_old = progress.level
    progress.setLevel(logging.ERROR)
    try:
        yield handler
    finally:
        logger.removeHandler(handler)
        logger.setLevel(old)
        progress.setLevel(progress_old)


def _layout(issue: Issue, html: str, roots: list[Path], what: str):
    from weasyprint import HTML
    from weasyprint.urls import FatalURLFetchingError

    where = display_path(issue.path)
    with _watch() as log:
        try:
            doc = HTML(string=html, base_url=str(issue.path.parent) + "/",
                       url_fetcher=ProjectFetcher(roots, where)).render()
        except FatalURLFetchingError as exc:
            raise ContentError(Problem(where, 0, f"{what}: {exc}")) from None
        except AssertionError:
            # WeasyPrint's layout can trip over extreme content (a very tall photo in a spanning
            # story); say which issue and what to try instead of a bare traceback
            raise ContentError(Problem(where, 0, f"{what}: the layout engine could not place the pages; "
                                                 "a photo may be too tall for its place: give the story "
                                                 "`photo_height:` or `photo: false`")) from None
    if log.errors:
        raise ContentError([Problem(where, 0, f"{what}: {m}") for m in log.errors])
    return doc, log.warnings


def measure(doc, issue: Issue, lang: str) -> tuple[dict[int, float], list[Problem]]:
    """Empty height (mm) under the columns of each planned page, and problems for pages that overflow."""
    where = display_path(issue.path)
    page_of: dict[str, int] = {}
    for index, page in enumerate(doc.pages):
        for anchor in page.anchors:
            page_of.setdefault(anchor, index)
    problems: list[Problem] = []
    starts = [page_of.get(f"page-{n}") for n in range(1, issue.data.pages + 1)]
    leftovers: dict[int, float] = {}
    for n in range(1, issue.data.pages + 1):
        first = starts[n - 1]
        nxt = starts[n] if n < issue.data.pages else len(doc.pages)
        if first is None:  # pragma: no cover - every section has its id
            continue
        if nxt - first > 1:
            over = [s for s in issue.stories if s.ref.page == n and page_of.get(f"e-{s.name}", first) > first]
            extra = _used_height(doc.pages[first + 1])
            names = ", ".join(s.label for s in over) or "the boxes"
            line = over[0].line if over else 0
            problems.append(Problem(where, line,
                f"page {n} ({lang} edition) does not fit: {names} run{'s' if len(over) == 1 else ''} over by about "
                f"{extra:.0f} mm; shorten the text, move a story to another page, or make a photo smaller "
                "(`photo_height:`) or leave it out (`photo: false`)"))
            continue
        leftovers[n] = _page_content_height(doc.pages[first]) - _used_height(doc.pages[first])
    if len(doc.pages) != issue.data.pages and not problems:  # pragma: no cover - defensive
        problems.append(Problem(where, 0, f"the {lang} edition has {len(doc.pages)} pages instead of {issue.data.pages}"))
    return leftovers, problems


def _page_content_height(page) -> float:
    box = page._page_box
    return box.height * PX_TO_MM


def _used_height(page) -> float:
    """Height (mm) of the page section's fragment on this page."""
    box = page._page_box
    top = box.content_box_y()
    bottom = top
    for child in box.children:  # html > body > section
        for b in _descendants(child, 3):
            cls = (b.element.get("class") or "") if getattr(b, "element", None) is not None else ""
            if b.element_tag == "section" and "np-page" in cls:
                bottom = max(bottom, b.position_y + b.margin_height())
    return (bottom - top) * PX_TO_MM


def _descendants(box, depth: int):
    yield box
    if depth and hasattr(box, "children"):
        for c in box.children:
            yield from _descendants(c, depth - 1)


def render_edition(issue: Issue, site, lang: str, out_dir: Path, cache_dir: Path,
                   editions: tuple[str, ...] = ("screen", "print"), grayscale: bool | None = None,
                   stem: str | None = None) -> EditionResult:
    """Render the screen and/or print PDF of one language; returns paths and copy-fit warnings."""
    hyphenation.install()
    where = display_path(issue.path)
    roots = [Path(site.root), Path(cache_dir), fonts.FONT_DIR]
    result = EditionResult(lang)
    _check_fonts(issue, lang)

    # pass 1: measure how full each page is (screen layout: same geometry as print, lighter photos)
    ctx = plan(issue, site, lang, "screen", cache_dir, grayscale=grayscale)
    doc, warns = _layout(issue, html_for(ctx), roots, f"{lang} edition")
    leftovers, problems = measure(doc, issue, lang)
    if problems:
        raise ContentError(problems)
    fillers = {n: round(left - FILLER_SAFETY_MM, 1) for n, left in leftovers.items() if left >= MIN_FILLER_MM}
    geo_h = ctx["geo"].content_height
    for n, mm in fillers.items():
        if mm > UNDERFULL * geo_h:
            result.warnings.append(f"{where}: page {n} of the {lang} edition is only {100 - 100 * mm / geo_h:.0f}% "
                                   "full; a house ad fills the rest; add a story or a photo there")
    result.fillers = fillers
    stem = stem or f"{issue.id}-{lang}"
    out_dir.mkdir(parents=True, exist_ok=True)
    for edition in editions:
        if edition == "screen" and not fillers:
            final = doc  # nothing to fill: the measuring layout is the final one
        else:
            ctx = plan(issue, site, lang, edition, cache_dir, fillers=fillers, grayscale=grayscale)
            final, _ = _layout(issue, html_for(ctx), roots, f"{lang} {edition} edition")
            _, problems = measure(final, issue, lang)
            if problems:
                raise ContentError(problems)
        target = out_dir / f"{stem}-{edition}.pdf"
        _write(final, target, edition, issue)
        result.files[edition] = target
    result.warnings += [f"{where}: {w}" for w in warns]
    return result


def _write(doc, target: Path, edition: str, issue: Issue) -> None:
    part = target.with_name(target.name + ".part")
    try:
        variant = "pdf/ua-1" if edition == "screen" else "pdf/x-4"
        doc.write_pdf(part, pdf_variant=variant, pdf_identifier=f"{issue.id}-{edition}".encode())
        os.replace(part, target)
    finally:
        part.unlink(missing_ok=True)


def _check_fonts(issue: Issue, lang: str) -> None:
    problems = []
    for story in issue.stories:
        text = story.texts[lang]
        chars = fonts.missing_characters("".join(filter(None, (text.title, text.body, text.kicker, text.summary,
                                                                text.author, text.caption))))
        if chars:
            problems.append(Problem(display_path(issue.path), story.line,
                                    f"{story.label} ({lang}) uses characters the newspaper fonts cannot print: "
                                    f"{fonts.describe(chars)}; replace them"))
    if problems:
        raise ContentError(problems)
