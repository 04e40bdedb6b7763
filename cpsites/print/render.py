"""Render one language edition of an issue with WeasyPrint, safely, and copy-fit its pages.

Safety: resources come only from the project (and the CMYK profile WeasyPrint needs); any other
URL, any WeasyPrint error and any layout crash stops the render with a message naming the issue
file. Files are written to a temporary name and renamed, so no half-written PDF is ever left.

Copy-fit (copyfit.py): a measuring layout, then the final layouts with the column heights,
photo sizes and house ads it chose.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import mimetypes
import os
import re
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlparse

from cpsites.content.newspaper import Issue
from cpsites.errors import ContentError, Problem, display_path
from cpsites.print import columns as fixed_columns
from cpsites.print import fonts, hyphenation
from cpsites.print.copyfit import CopyFit, PageSurvey, copy_fit, overflowing_flows, survey, underfull
from cpsites.print.newspaper import BLEED_MM, ICC_PROFILE, html_for, plan


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

        from cpsites.print.weasy_internals import fail_on_errors, require

        require()
        self._inner = URLFetcher(fail_on_errors=True, allowed_protocols={"file", "data"})
        fail_on_errors(self)  # a refused address stops the render, never a warning
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
    return layout_html(html, issue.path.parent, roots, display_path(issue.path), what, issue=issue)


def layout_html(html: str, base: Path, roots: list[Path], where: str, what: str, issue: Issue | None = None):
    """Lay out any print product safely (cards, posters, brochures share this with the newspaper):
    the project-only fetcher, WeasyPrint's logged errors made fatal, layout crashes explained."""
    from weasyprint import HTML
    from weasyprint.urls import FatalURLFetchingError

    with _watch() as log:
        try:
            doc = HTML(string=html, base_url=str(base) + "/",
                       url_fetcher=ProjectFetcher(roots, where)).render()
        except FatalURLFetchingError as exc:
            story = _story_using(issue, str(exc)) if issue is not None else None
            if story is not None:  # name the story and its line in the issue file
                raise ContentError(Problem(where, story.line, f"{what}, {story.label}: {exc}")) from None
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


def _story_using(issue: Issue, message: str):
    """The story whose text or photo holds the address a refusal names, if one does."""
    url = message.rsplit("refused ", 1)[-1].strip()
    wanted = {url, unquote(urlparse(url).path), Path(unquote(urlparse(url).path)).name} - {""}
    for story in issue.stories:
        for st in story.texts.values():
            haystack = [st.body or "", str(st.image or "")]
            if any(w in h for w in wanted for h in haystack):
                return story
    return None


@dataclass
class Measured:
    geo: object
    pages: dict[int, PageSurvey]
    room: dict[str, float]
    fit: CopyFit
    warnings: list[str]


def measure_issue(issue: Issue, site, lang: str, cache_dir: Path, grayscale: bool | None = None) -> Measured:
    """The measuring layout and the copy-fit decisions for one language (raises for pages that do
    not fit). `cpsites check --paper` stops here: one layout, no photos prepared, no PDF."""
    hyphenation.install()
    fixed_columns.install()
    roots = [Path(site.root), Path(cache_dir), fonts.FONT_DIR]
    _check_fonts(issue, lang)
    ctx = plan(issue, site, lang, "screen", cache_dir, grayscale=grayscale, measure=True)
    geo = ctx["geo"]
    doc, warns = _layout(issue, html_for(ctx), roots, f"{lang} edition")
    room = {item.data["id"]: item.data["photo_room"] for page in ctx["pages"] for item in page.items
            if item.kind == "story"}
    pages = survey(doc, issue)
    return Measured(geo, pages, room, copy_fit(pages, issue, lang, geo.columns, geo.content_height, room), warns)


def render_edition(issue: Issue, site, lang: str, out_dir: Path, cache_dir: Path,
                   editions: tuple[str, ...] = ("screen", "print"), grayscale: bool | None = None,
                   stem: str | None = None, split: bool = False) -> EditionResult:
    """Render the screen and/or print PDF of one language; returns paths and copy-fit warnings.

    Three layouts: a measuring one (every flow as one long column), then the screen and the print
    edition with the column heights, photo sizes and house ads the copy-fit pass chose. `split`:
    the two final layouts run side by side in two processes (for a press officer waiting on one
    issue; a build that already renders editions in parallel gains nothing from it)."""
    result = EditionResult(lang)
    measured = measure_issue(issue, site, lang, cache_dir, grayscale)
    stem = stem or f"{issue.id}-{lang}"
    out_dir.mkdir(parents=True, exist_ok=True)
    order = sorted(editions, key=lambda e: e != "screen")

    def final(edition: str) -> CopyFit:
        return _final_edition(issue, site, lang, edition, measured, cache_dir, grayscale, out_dir / f"{stem}-{edition}.pdf")

    if split and len(order) == 2 and (os.cpu_count() or 1) > 1:
        fit = _side_by_side(lambda: final(order[1]), lambda: final(order[0]))
    else:
        for edition in order:
            fit = final(edition)
    result.files = {edition: out_dir / f"{stem}-{edition}.pdf" for edition in order}
    result.warnings.extend(underfull(issue, lang, fit, measured.geo.content_height))
    result.fillers = fit.fillers
    result.warnings += [f"{display_path(issue.path)}: {w}" for w in measured.warnings]
    return result


def _final_edition(issue: Issue, site, lang: str, edition: str, measured: Measured, cache_dir: Path,
                   grayscale: bool | None, target: Path) -> CopyFit:
    """One final layout written to `target`; returns the copy-fit it used (corrected if a flow ran over)."""
    where = display_path(issue.path)
    roots = [Path(site.root), Path(cache_dir), fonts.FONT_DIR]
    geo, fit, extra = measured.geo, measured.fit, {}
    for attempt in range(4):
        ctx = plan(issue, site, lang, edition, cache_dir, fillers=fit.fillers, grayscale=grayscale,
                   flow_heights=fit.flow_heights, photo_growth=fit.photo_growth)
        doc, _ = _layout(issue, html_for(ctx), roots, f"{lang} {edition} edition")
        over = overflowing_flows(doc, geo.columns)
        if not over and len(doc.pages) == issue.data.pages:
            break
        if attempt == 3 or not over:  # pragma: no cover - the estimate is off by more than we correct
            raise ContentError(Problem(where, 0, f"the {lang} {edition} edition came out with {len(doc.pages)} "
                                                 f"pages instead of {issue.data.pages}; move a story to a page with room"))
        # the estimate was a little short: give those flows what ran over, spread over the columns
        for fid, mm in over.items():
            extra[fid] = extra.get(fid, 0.0) + mm / geo.columns + 1.0
        fit = copy_fit(measured.pages, issue, lang, geo.columns, geo.content_height, measured.room, extra)
    _write(doc, target, edition, issue)
    return fit


def _side_by_side(in_child, in_parent):
    """in_child() in a forked process while in_parent() runs here; returns in_parent()'s result.
    An error in the child (a ContentError with its file and line) is raised here."""
    import pickle

    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns, never runs the parent's clean-up
        status, payload = 0, b""
        try:
            os.close(read)
            in_child()
        except BaseException as exc:  # noqa: BLE001 - carried to the parent as it is
            status = 1
            try:
                payload = pickle.dumps(exc)
            except Exception:  # noqa: BLE001 - an exception that cannot travel: its words do
                payload = pickle.dumps(RuntimeError(f"{type(exc).__name__}: {exc}"))
        finally:
            with os.fdopen(write, "wb") as out:
                out.write(payload)
            os._exit(status)
    os.close(write)
    try:
        result = in_parent()
    finally:
        with os.fdopen(read, "rb") as incoming:
            payload = incoming.read()
        _, status = os.waitpid(pid, 0)
    if status != 0:
        raise pickle.loads(payload) if payload else RuntimeError("the print layout process ended abnormally")
    return result


def _write(doc, target: Path, edition: str, issue: Issue) -> None:
    variant = "pdf/ua-1" if edition == "screen" else "pdf/x-4"
    # an edition's date is the issue's own (not the build's: editions are cached by content)
    write_pdf(doc, target, variant, f"{issue.id}-{edition}", _bleed_box if edition == "print" else None,
              date=issue.data.date)


def write_pdf(doc, target: Path, variant: str, identifier: str, finisher=None, *,
              date: dt.date | dt.datetime) -> None:
    """Write to a temporary name and rename: no half-written PDF is ever left behind.

    Reproducible: the PDF's dates are `date` (never the wall clock, which WeasyPrint would write
    for PDF/X), and the XMP document ID is derived from `identifier` instead of being random."""
    part = target.with_name(target.name + ".part")
    stamp = date.isoformat() if isinstance(date, dt.datetime) else f"{date.isoformat()}T00:00:00+04:00"
    doc.metadata.created = doc.metadata.modified = stamp

    def finish(document, pdf) -> None:
        _stable_document_id(pdf, identifier)
        if finisher is not None:
            finisher(document, pdf)

    try:
        doc.write_pdf(part, pdf_variant=variant, pdf_identifier=identifier.encode(), finisher=finish)
        os.replace(part, target)
    finally:
        part.unlink(missing_ok=True)


_XMP_DOCUMENT_ID = re.compile(rb"xmp\.did:[0-9a-f-]{36}")


def _stable_document_id(pdf, identifier: str) -> None:
    """WeasyPrint writes a random UUID as the PDF/X XMP DocumentID: one derived from the edition
    instead, so two renders of the same edition give the same bytes."""
    stable = f"xmp.did:{uuid.uuid5(uuid.NAMESPACE_URL, 'cpsites:' + identifier)}".encode()
    for obj in pdf.objects:
        stream = getattr(obj, "stream", None)  # a pydyf.Stream: its dictionary is `extra`
        if stream and (getattr(obj, "extra", None) or {}).get("Type") == "/Metadata":
            obj.stream = [_XMP_DOCUMENT_ID.sub(stable, part) if isinstance(part, bytes) else part
                          for part in stream]


def _bleed_box(document, pdf) -> None:
    """The print page is the trim plus MARKS_AREA_MM on each side, so the crop marks stand outside
    the bleed, where the printer expects them; the PDF's BleedBox says the bleed is BLEED_MM."""
    bleed = BLEED_MM * 72 / 25.4
    for obj in pdf.objects:
        if isinstance(obj, dict) and obj.get("Type") == "/Page" and "TrimBox" in obj:
            left, top, right, bottom = (float(v) for v in obj["TrimBox"])
            obj["BleedBox"] = type(obj["TrimBox"])([left - bleed, top - bleed, right + bleed, bottom + bleed])


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
