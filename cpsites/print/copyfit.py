"""Copy-fit: decide, from a measuring layout, how tall each page's columns are, how much its wide
photos grow and how big its house ad is; refuse pages whose stories run over.

The measuring layout (templates with measure=True) sets every run of column text ("flow") as one
long column on a tall page. From its layout boxes we read how tall each flow is and where it may
break (between paragraphs and lines, never inside a box, photo or quote, never between a headline
and its text, at least two lines of a paragraph on either side), and bisect the height at which
its columns end level, as a designer would. The final layouts give each flow that height with
`column-fill: auto` (see columns.py), so WeasyPrint fills the columns in one pass instead of
balancing them by trial and error (its balancing re-laid the text dozens of times per page and
was 95% of the render time). What a page leaves empty first grows its wide photos (up to 3:2),
then takes a house ad.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from cpsites.print.weasy_internals import page_box
from cpsites.content.newspaper import Issue
from cpsites.errors import ContentError, Problem, display_path

PX_TO_MM = 25.4 / 96
MIN_FILLER_MM = 14.0  # less than this stays white: a thin strip of ad looks like a mistake
FILLER_SAFETY_MM = 2.5
FLOW_SAFETY_MM = 0.6  # rounding between our estimate of the column height and WeasyPrint's lines
UNDERFULL = 0.45  # a page whose house ad would take more than this share is reported


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
        ids = _boxes_by_id(page_box(page))
        top = page_box(page).content_box_y()
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
        for ident, box in _boxes_by_id(page_box(page)).items():
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


def underfull(issue: Issue, lang: str, fit: CopyFit, height: float) -> list[str]:
    """Warnings for pages that are mostly house ad (`height`: the page's content height in mm)."""
    where = display_path(issue.path)
    return [f"{where}: page {n} of the {lang} edition is only {100 - 100 * mm / height:.0f}% full; a house ad "
            "fills the rest; add a story or a photo there" for n, mm in fit.fillers.items() if mm > UNDERFULL * height]
