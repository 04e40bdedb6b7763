"""Render one language edition of an issue with WeasyPrint, safely, and copy-fit its pages.

Safety: resources come only from the project (and the CMYK profile WeasyPrint needs); any other
URL, any WeasyPrint error and any layout crash stops the render with a message naming the issue
file. Files are written to a temporary name and renamed, so no half-written PDF is ever left.

Copy-fit: a measuring layout sets every run of column text ("flow") as one long column on a tall
page. From its layout boxes we read how tall each flow is and where it may break (between
paragraphs and lines, never inside a box or between a headline and its text), and compute the
height at which its columns end level, as a designer would. The final layouts give each flow that
height with `column-fill: auto`, so WeasyPrint fills the columns in one pass instead of balancing
them by trial and error (its balancing re-lays the text dozens of times and was 95% of the time).
What a page leaves empty first grows its wide photos (up to 4:3), then takes a house ad. A page
whose stories run over is an error naming the stories.
"""

from __future__ import annotations

import bisect
import contextlib
import logging
import mimetypes
import os
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlparse

from cpsites.content.newspaper import Issue
from cpsites.errors import ContentError, Problem, display_path
from cpsites.print import columns as fixed_columns
from cpsites.print import fonts, hyphenation
from cpsites.print.newspaper import BLEED_MM, ICC_PROFILE, html_for, plan

PX_TO_MM = 25.4 / 96
MIN_FILLER_MM = 14.0  # less than this stays white: a thin strip of ad looks like a mistake
FILLER_SAFETY_MM = 2.5
FLOW_SAFETY_MM = 0.6  # rounding between our estimate of the column height and WeasyPrint's lines
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


@dataclass
class Flow:
    """One run of column text as the measuring layout saw it: a single long column."""

    id: str
    height: float  # px, the whole text in one column
    breaks: list[float]  # px from the top where a column may end (sorted)
    ends: dict[str, float]  # story name -> px from the top where it ends


@dataclass
class PageSurvey:
    number: int
    used: float  # mm the page takes in the measuring layout
    flows: list[Flow]
    heads: dict[str, tuple[float, float]]  # wide story -> (photo figure mm, side column mm)
    stories: list[str]  # story names on the page, in order
    spills: bool = False  # even the measuring page (six pages tall) could not hold it


def survey(doc, issue: Issue) -> dict[int, PageSurvey]:
    """Read the measuring layout: per page its height, its flows and its wide photos."""
    from weasyprint.formatting_structure.boxes import LineBox

    pages: dict[int, PageSurvey] = {}
    last: PageSurvey | None = None
    for page in doc.pages:
        ids = _boxes_by_id(page._page_box)
        top = page._page_box.content_box_y()
        if last is not None and f"page-{last.number}" in ids:
            last.spills = True  # the page before goes on here (its section's second fragment)
            continue
        for key, section in ids.items():
            if not key.startswith("page-"):
                continue
            n = int(key[5:])
            flows = []
            for fid, box in ids.items():
                if fid.startswith(f"f-{n}-"):
                    flows.append(_flow(fid, box, ids, LineBox))
            heads = {}
            for sid, box in ids.items():
                if sid.startswith("w-") and f"p-{sid[2:]}" in ids:
                    # grid items stretch to the row: their own height is what their content takes
                    heads[sid[2:]] = (_content_height(ids[f"p-{sid[2:]}"]) * PX_TO_MM, _content_height(box) * PX_TO_MM)
            used = (section.position_y + section.margin_height() - top) * PX_TO_MM
            pages[n] = last = PageSurvey(n, used, flows, heads, [s.name for s in issue.stories if s.ref.page == n])
    return pages


def _boxes_by_id(root) -> dict[str, object]:
    found: dict[str, object] = {}
    stack = [root]
    while stack:
        box = stack.pop()
        element = getattr(box, "element", None)
        if element is not None:  # pre-order: an element's principal box comes before anonymous ones
            ident = element.get("id")
            if ident and ident not in found:
                found[ident] = box
        stack.extend(reversed(getattr(box, "children", [])))
    return found


def _classes(box) -> set[str]:
    element = getattr(box, "element", None)
    return set((element.get("class") or "").split()) if element is not None else set()


def _flow(fid: str, box, ids: dict, line_box_type) -> Flow:
    """Where the text of a flow may break between columns, following the CSS rules it is laid out
    with: not inside a box, photo or quote, not between a headline and its text, at least two lines
    of a paragraph on either side of a break (orphans, widows)."""
    top = box.content_box_y()
    breaks: list[float] = []
    children = [c for c in box.children if c.is_in_normal_flow()]
    for k, child in enumerate(children):
        if k:
            breaks.append(child.position_y - top)
        cls = _classes(child)
        if "wide-body" in cls:
            bodies = [child]
        elif "story" in cls:
            bodies = [c for c in child.children if "story-body" in _classes(c)]
        else:
            continue  # a boxed panel never breaks
        for body in bodies:
            blocks = [c for c in body.children if c.is_in_normal_flow()]
            after_heading = False
            for j, block in enumerate(blocks):
                if j and not after_heading:
                    breaks.append(block.position_y - top)
                tag = getattr(block, "element_tag", "")
                after_heading = tag in ("h3", "h4")
                if tag == "p":
                    lines = [c for c in block.children if isinstance(c, line_box_type)]
                    breaks.extend(line.position_y - top for line in lines[2:len(lines) - 1])
                elif tag in ("ul", "ol"):
                    breaks.extend(li.position_y - top for li in block.children[1:])
    ends = {}
    for ident, b in ids.items():
        if ident.startswith("e-") and top <= b.position_y <= top + box.height + 1:
            ends[ident[2:]] = b.position_y - top
    return Flow(fid, box.height, sorted(set(breaks)), ends)


def fill(flow: Flow, columns: int, height: float) -> float:
    """How much of the flow's text `columns` columns of `height` px take (px), column by column,
    breaking only where the text allows. All of it (flow.height) when it fits."""
    start = 0.0
    for _ in range(columns):
        if flow.height - start <= height + 0.01:
            return flow.height
        i = bisect.bisect_right(flow.breaks, start + height) - 1
        if i < 0 or flow.breaks[i] <= start:
            return start  # something that cannot break is taller than the column
        start = flow.breaks[i]
    return start


def balance(flow: Flow, columns: int) -> float:
    """The shortest column height (px) that holds the whole flow: the columns end level."""
    lo, hi = flow.height / columns, flow.height
    if fill(flow, columns, lo) >= flow.height:
        return lo
    while hi - lo > 0.5:
        mid = (lo + hi) / 2
        if fill(flow, columns, mid) >= flow.height:
            hi = mid
        else:
            lo = mid
    return hi


@dataclass
class CopyFit:
    flow_heights: dict[str, float] = field(default_factory=dict)  # mm
    photo_growth: dict[str, float] = field(default_factory=dict)  # mm added to a wide photo
    fillers: dict[int, float] = field(default_factory=dict)  # mm of house ad per page
    leftovers: dict[int, float] = field(default_factory=dict)  # mm the page leaves empty


def copy_fit(pages: dict[int, PageSurvey], issue: Issue, lang: str, columns: int, content_height: float,
             photo_room: dict[str, float], extra: dict[str, float] | None = None) -> CopyFit:
    """Decide the column heights, wide-photo growth and house ads of every page; raise for pages
    whose stories do not fit."""
    where = display_path(issue.path)
    extra = extra or {}
    fit = CopyFit()
    problems: list[Problem] = []
    for n in range(1, issue.data.pages + 1):
        page = pages.get(n)
        if page is None:  # pragma: no cover - every section has its id
            continue
        if page.spills:
            ended = {name for f in page.flows for name in f.ends}
            late = [s for s in issue.stories if s.ref.page == n and s.name not in ended]
            problems.append(Problem(where, late[0].line if late else 0,
                f"page {n} ({lang} edition) does not fit: {', '.join(s.label for s in late) or 'its stories'} "
                "run over by more than a whole page; shorten the text or move stories to other pages"))
            continue
        heights = {f.id: balance(f, columns) * PX_TO_MM + FLOW_SAFETY_MM + extra.get(f.id, 0.0) for f in page.flows}
        fixed = page.used - sum(f.height * PX_TO_MM for f in page.flows)
        left = content_height - fixed - sum(heights.values())
        if left < 0:
            problems.append(_overflow(page, issue, lang, columns, content_height - fixed, heights, -left, where))
            continue
        for name, (figure, side) in page.heads.items():
            room = photo_room.get(name, 0.0)
            if room <= 0 or left <= FILLER_SAFETY_MM:
                continue
            want = left - FILLER_SAFETY_MM  # grow the photo until the page is full, within 4:3
            grow = min(room, want + max(0.0, side - figure))
            gained = max(0.0, figure + grow - side) - max(0.0, figure - side)
            if gained > 0:
                fit.photo_growth[name] = round(grow, 1)
                left -= gained
        fit.flow_heights.update({k: round(v, 2) for k, v in heights.items()})
        fit.leftovers[n] = left
        if left >= MIN_FILLER_MM:
            fit.fillers[n] = round(left - FILLER_SAFETY_MM, 1)
    if problems:
        raise ContentError(problems)
    return fit


def _overflow(page: PageSurvey, issue: Issue, lang: str, columns: int, room: float, heights: dict[str, float],
              over: float, where: str) -> Problem:
    """Name the stories that end below the page foot."""
    late: list[str] = []
    for flow in page.flows:
        h = heights[flow.id]
        if late or room <= 0:
            late += list(flow.ends)
        elif h > room:
            fits_to = fill(flow, columns, room / PX_TO_MM)
            late += [name for name, end in flow.ends.items() if end > fits_to + 0.5]
        room -= h
    stories = {s.name: s for s in issue.stories if s.ref.page == page.number}
    over_stories = [stories[name] for name in late if name in stories] or \
        [stories[name] for name in page.stories[-1:] if name in stories]
    names = ", ".join(s.label for s in over_stories) or "the boxes"
    line = over_stories[0].line if over_stories else 0
    return Problem(where, line,
                   f"page {page.number} ({lang} edition) does not fit: {names} run{'s' if len(over_stories) == 1 else ''} "
                   f"over by about {over:.0f} mm; shorten the text, move a story to another page, or make a photo "
                   "smaller (`photo_height:`) or leave it out (`photo: false`)")


def overflowing_flows(doc, columns: int) -> dict[str, float]:
    """Flows of a final layout whose text ran into more than `columns` columns: id -> mm of text
    beyond them. (With a fixed height WeasyPrint adds columns to the side instead of a page.)"""
    over: dict[str, float] = {}
    for page in doc.pages:
        for ident, box in _boxes_by_id(page._page_box).items():
            if ident.startswith("f-"):
                cols = [c for c in box.children if c.is_in_normal_flow()]
                if getattr(box, "cpsites_text_left", False):  # columns.py could not place it all
                    over[ident] = max(over.get(ident, 0.0), box.height * PX_TO_MM / 2)
                elif len(cols) > columns:
                    over[ident] = sum(_content_height(c) for c in cols[columns:]) * PX_TO_MM
    return over


def _content_height(column) -> float:
    kids = [c for c in column.children if c.is_in_normal_flow()]
    if not kids:
        return 0.0
    return kids[-1].position_y + kids[-1].margin_height() - column.content_box_y()


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


def underfull(issue: Issue, lang: str, fit: CopyFit, geo) -> list[str]:
    where = display_path(issue.path)
    height = geo.content_height
    return [f"{where}: page {n} of the {lang} edition is only {100 - 100 * mm / height:.0f}% full; a house ad "
            "fills the rest; add a story or a photo there" for n, mm in fit.fillers.items() if mm > UNDERFULL * height]


def render_edition(issue: Issue, site, lang: str, out_dir: Path, cache_dir: Path,
                   editions: tuple[str, ...] = ("screen", "print"), grayscale: bool | None = None,
                   stem: str | None = None) -> EditionResult:
    """Render the screen and/or print PDF of one language; returns paths and copy-fit warnings.

    Three layouts: a measuring one (every flow as one long column), then the screen and the print
    edition with the column heights, photo sizes and house ads the copy-fit pass chose."""
    where = display_path(issue.path)
    roots = [Path(site.root), Path(cache_dir), fonts.FONT_DIR]
    result = EditionResult(lang)
    measured = measure_issue(issue, site, lang, cache_dir, grayscale)
    geo, pages, room, fit, warns = (measured.geo, measured.pages, measured.room, measured.fit,
                                    measured.warnings)
    extra: dict[str, float] = {}

    stem = stem or f"{issue.id}-{lang}"
    out_dir.mkdir(parents=True, exist_ok=True)
    order = sorted(editions, key=lambda e: e != "screen")
    for edition in order:
        for attempt in range(4):
            ctx = plan(issue, site, lang, edition, cache_dir, fillers=fit.fillers, grayscale=grayscale,
                       flow_heights=fit.flow_heights, photo_growth=fit.photo_growth)
            final, _ = _layout(issue, html_for(ctx), roots, f"{lang} {edition} edition")
            over = overflowing_flows(final, geo.columns)
            if not over and len(final.pages) == issue.data.pages:
                break
            if attempt == 3 or not over:  # pragma: no cover - the estimate is off by more than we correct
                raise ContentError(Problem(where, 0, f"the {lang} {edition} edition came out with {len(final.pages)} "
                                                     f"pages instead of {issue.data.pages}; move a story to a page with room"))
            # the estimate was a little short: give those flows what ran over, spread over the columns
            for fid, mm in over.items():
                extra[fid] = extra.get(fid, 0.0) + mm / geo.columns + 1.0
            fit = copy_fit(pages, issue, lang, geo.columns, geo.content_height, room, extra)
        target = out_dir / f"{stem}-{edition}.pdf"
        _write(final, target, edition, issue)
        result.files[edition] = target

    result.warnings.extend(underfull(issue, lang, fit, geo))
    result.fillers = fit.fillers
    result.warnings += [f"{where}: {w}" for w in warns]
    return result


def _write(doc, target: Path, edition: str, issue: Issue) -> None:
    part = target.with_name(target.name + ".part")
    try:
        variant = "pdf/ua-1" if edition == "screen" else "pdf/x-4"
        doc.write_pdf(part, pdf_variant=variant, pdf_identifier=f"{issue.id}-{edition}".encode(),
                      finisher=_bleed_box if edition == "print" else None)
        os.replace(part, target)
    finally:
        part.unlink(missing_ok=True)


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
