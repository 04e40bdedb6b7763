"""Plan an issue's pages and fill the newspaper templates (HTML + CSS paged media).

Layout lives in templates/newspaper.css; this module only decides what goes on which page,
prepares photos for their placed size, and hands the templates plain data. The page geometry
(columns, gaps) is computed here once so photos can be sized for exactly the width they print at.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
import markdown
import nh3
from markupsafe import Markup

from cpsites.content.newspaper import Issue, IssueStory, StoryText
from cpsites.errors import ContentError, Problem
from cpsites.project import site_url
from cpsites.i18n import format_date, format_datetime, t
from cpsites.print import fonts
from cpsites.images.cache import ImageCache
from cpsites.images.print import for_print

TEMPLATES = Path(__file__).parent / "templates"
DPI = {"print": 300, "screen": 150}
BLEED_MM = 3  # what the PDF's BleedBox declares
NAMEPLATE_PT, NAMEPLATE_CHARS = 58, 21  # the A3 nameplate size, and the longest title set at it
MARKS_AREA_MM = 12  # paper around the trim on the print page: the bleed, then the crop marks
MAX_PHOTO_RATIO = 0.68  # copy-fit may grow a wide photo up to about 3:2 (height : width)

# Story text may hold only these tags: no images, links or embedded objects reach the printer
# (raw HTML in Markdown once embedded /etc/passwd in a PDF through <link rel=attachment>).
STORY_TAGS = {"p", "br", "strong", "b", "em", "i", "blockquote", "ul", "ol", "li", "h3", "h4", "table", "thead",
              "tbody", "tr", "th", "td", "sub", "sup", "small", "q", "cite", "abbr"}


@dataclass(frozen=True)
class Geometry:
    """Page and column sizes in mm for a trim format."""

    trim: tuple[float, float]
    columns: int
    margin_x: float = 12.0
    margin_top: float = 16.0
    margin_bottom: float = 14.0
    gap: float = 4.5
    scale: float = 1.0  # type size relative to A3

    @property
    def content_width(self) -> float:
        return self.trim[0] - 2 * self.margin_x

    @property
    def content_height(self) -> float:
        return self.trim[1] - self.margin_top - self.margin_bottom

    @property
    def column(self) -> float:
        return (self.content_width - (self.columns - 1) * self.gap) / self.columns

    @property
    def photo_span(self) -> int:
        """Columns a wide story's photo takes; the rest hold its standfirst."""
        return self.columns - 2 if self.columns >= 5 else self.columns - 1

    def span(self, n: int) -> float:
        return n * self.column + (n - 1) * self.gap


def geometry_for(fmt: str, trim: tuple[float, float]) -> Geometry:
    if fmt == "A4":
        return Geometry(trim, 3, 11, 15, 13, 4.0, 0.85)
    if fmt == "tabloid":
        return Geometry(trim, 4, 11, 15, 13, 4.0, 0.9)
    return Geometry(trim, 5)


@dataclass
class PageItem:
    kind: str  # "story", "box" or "wide-body" (the text of a story whose head runs across)
    data: dict[str, Any]


@dataclass
class PlannedPage:
    number: int
    items: list[PageItem] = field(default_factory=list)
    filler_mm: float = 0.0  # house-ad space added by the copy-fit pass
    blocks: list[dict[str, Any]] = field(default_factory=list)


def page_blocks(page: PlannedPage, flow_heights: dict[str, float]) -> list[dict[str, Any]]:
    """The page as a stack: heads and wide boxes across the page, and between them "flows" of
    column text. Each flow is its own multi-column box with an explicit height (the copy-fit pass
    computes it), so WeasyPrint fills the columns in one go instead of balancing them by trial."""
    blocks: list[dict[str, Any]] = []
    flow: dict[str, Any] | None = None

    def new_flow() -> dict[str, Any]:
        fid = f"f-{page.number}-{len(blocks)}"
        block = {"type": "flow", "id": fid, "items": [], "height": flow_heights.get(fid)}
        blocks.append(block)
        return block

    for item in page.items:
        if item.kind == "story" and item.data["wide"]:
            blocks.append({"type": "head", "item": item.data})
            flow = new_flow()
            flow["items"].append(PageItem("wide-body", item.data))
        elif item.kind == "box" and item.data.get("span") == "all":
            blocks.append({"type": "wide-box", "item": item.data})
            flow = None
        else:
            if flow is None:
                flow = new_flow()
            flow["items"].append(item)
    return blocks


def story_html(body_md: str, extensions: tuple[str, ...] = (), tags: set[str] = STORY_TAGS) -> Markup:
    """Story Markdown as print HTML: the site's caption blocks are understood, and figures (a web
    photo with its caption) are left out whole rather than printed as a stray caption.
    (Tri-folds add the admonition extension and h2 headings.)"""
    html = markdown.markdown(body_md, extensions=["sane_lists", "tables", "pymdownx.blocks.caption", *extensions],
                             output_format="html")
    clean = nh3.clean(html, tags=tags, clean_content_tags={"figure", "script", "style"}, attributes={},
                      url_schemes=set(), strip_comments=True)
    clean = EMPTY_PARAGRAPH.sub("", clean)
    # e-mail and web addresses break without a hyphen a reader would type (cleaned HTML has no
    # attributes, so the pattern only ever meets text)
    return Markup(ADDRESS.sub(lambda m: f'<span class="addr">{m.group(0)}</span>', clean))


EMPTY_PARAGRAPH = re.compile(r"<p>\s*</p>")
ADDRESS = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\b(?:https?://|www\.)[^\s<]*[^\s<.,;:!?)»]")


def _photo_cache(cache_dir: Path) -> ImageCache:
    # inside the newspaper cache: the only folder besides the project WeasyPrint may read from
    return ImageCache(Path(cache_dir) / "photos")


def _photo_size(story: IssueStory, geo: Geometry, growth: dict[str, float] | None) -> tuple[float, float]:
    """Placed width and height (mm) of a story's photo: wide ones across geo.photo_span columns
    (grown by the copy-fit pass), others one column wide."""
    ref = story.ref
    if ref.lead or ref.span == "all":
        pw = geo.span(geo.photo_span)
        ph = ref.photo_height or round(pw * (0.62 if ref.lead else 0.5), 1)
        return pw, round(ph + (growth or {}).get(story.name, 0.0), 1)
    pw = geo.column
    return pw, ref.photo_height or round(pw * 0.68, 1)


# the measuring layout needs only the photo's place: a blank pixel, not the prepared picture
BLANK_PIXEL = ("data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGP4DwABAQEA"
               "WlGSJwAAAABJRU5ErkJggg==")


def _photo_slot(text: StoryText, width_mm: float, height_mm: float) -> dict[str, Any] | None:
    if text.image is None:
        return None
    return {"src": BLANK_PIXEL, "alt": text.image_alt or "", "caption": text.caption,
            "width": round(width_mm, 2), "height": round(height_mm, 2)}


def _photo(issue: Issue, story: IssueStory, text: StoryText, edition: str, grayscale: bool,
           width_mm: float, height_mm: float, cache_dir: Path) -> dict[str, Any] | None:
    if text.image is None:
        return None
    # the shared image pipeline: verified (bombs, truncated and disguised files refused), EXIF
    # orientation applied, metadata (GPS!) stripped, sized for the placed size, never upscaled
    try:
        prepared = for_print(text.image, width_mm, height_mm, dpi=DPI[edition], grayscale=grayscale,
                             cache=_photo_cache(cache_dir),
                             cmyk_profile=ICC_PROFILE if edition == "print" else None)
    except ContentError as exc:
        from cpsites.errors import display_path

        why = "; ".join(p.message for p in exc.problems)
        raise ContentError(Problem(str(display_path(issue.path)), story.line,
                                   f"{story.label}: the photo {display_path(text.image)} cannot be used: {why}")) from None
    return {"src": prepared.path.as_uri(), "alt": text.image_alt or "", "caption": text.caption,
            "width": round(width_mm, 2), "height": round(height_mm, 2)}


def plan(issue: Issue, site, lang: str, edition: str, cache_dir: Path,
         fillers: dict[int, float] | None = None, grayscale: bool | None = None,
         flow_heights: dict[str, float] | None = None, photo_growth: dict[str, float] | None = None,
         measure: bool = False) -> dict[str, Any]:
    """Everything the template needs for one language edition.

    measure=True lays every flow out as one long column on a tall page, so the copy-fit pass can
    read the height of the text and where it may break; flow_heights and photo_growth (mm) are
    that pass's decisions for the final layout."""
    dept = site.department
    geo = geometry_for(issue.data.format, issue.trim)
    gray = issue.data.grayscale if grayscale is None else grayscale
    gray = gray and edition == "print"
    pages = [PlannedPage(n) for n in range(1, issue.data.pages + 1)]
    sizes = {story.name: _photo_size(story, geo, photo_growth) for story in issue.stories}
    photos: dict[str, dict[str, Any] | None] = {}
    if measure:
        photos = {s.name: _photo_slot(s.texts[lang], *sizes[s.name]) for s in issue.stories if s.ref.photo}
    else:
        # Pillow decodes, resizes and encodes without the GIL: prepare the photos side by side
        wanted = [s for s in issue.stories if s.ref.photo and s.texts[lang].image is not None]
        with ThreadPoolExecutor(max_workers=min(4, os.cpu_count() or 1)) as pool:
            done = pool.map(lambda s: _photo(issue, s, s.texts[lang], edition, gray, *sizes[s.name], cache_dir), wanted)
            photos = dict(zip((s.name for s in wanted), done))
    for story in issue.stories:
        text = story.texts[lang]
        ref = story.ref
        wide = ref.lead or ref.span == "all"
        pw, ph = sizes[story.name]
        item = {
            "id": story.name,
            "label": story.label,
            "lead": ref.lead,
            "wide": wide,
            "photo_room": round(pw * MAX_PHOTO_RATIO - ph, 1) if wide and not ref.photo_height else 0.0,
            "kicker": text.kicker,
            "title": text.title,
            "summary": text.summary,
            "author": text.author,
            "date": format_date(story.date, lang) if story.date else None,
            "body": story_html(text.body),
            "photo": photos.get(story.name),
        }
        pages[ref.page - 1].items.append(PageItem("story", item))
    for box, line in issue.boxes:
        data = _box(box, site, issue, lang, edition, cache_dir)
        if data is not None:
            pages[box.page - 1].items.append(PageItem("box", {**data, "span": box.span, "line": line}))
    for n, mm in (fillers or {}).items():
        pages[n - 1].filler_mm = mm
    for page in pages:
        page.blocks = page_blocks(page, flow_heights or {})
    contents = [{"title": s.texts[lang].title, "page": s.ref.page} for s in issue.stories
                if s.ref.page > 1][:8]
    return {
        "lang": lang,
        "edition": edition,
        "measure": measure,
        "marks_area": MARKS_AREA_MM,
        "grayscale": gray,
        "geo": geo,
        "issue": issue,
        "dept": dept,
        "title": dept.newspaper.get(lang),
        # the nameplate stays on one line: a long title (Вести общественной полиции) is set smaller
        "nameplate_pt": round(NAMEPLATE_PT * min(1.0, NAMEPLATE_CHARS / max(1, len(dept.newspaper.get(lang)))), 1),
        "dept_name": dept.name.get(lang),
        "number": issue.number,
        "date": format_date(issue.date, lang),
        "pages": pages,
        "contents": contents,
        "site_url": site_url(site.root, dept.slug),
        "qr": _qr(site_url(site.root, dept.slug), edition),
        "t": lambda key, **kw: t(key, lang, **kw),
        "page_label": PAGE_LABEL[lang],
        "fonts": Markup(fonts.font_face_css()),
        "icc": ICC_PROFILE.as_uri() if edition == "print" and not gray else None,
        "colors": _colors(dept.accent, edition, gray),
        "editor": issue.data.editor.get(lang) if issue.data.editor else None,
        "print_run": issue.data.print_run,
    }


# "səh. 2 / 8", "стр. 2 из 8", "page 2 of 8": (before the number, between the numbers)
PAGE_LABEL = {"az": ("səh. ", " / "), "ru": ("стр. ", " из "), "en": ("page ", " of ")}
ICC_PROFILE = Path("/usr/share/color/icc/ghostscript/default_cmyk.icc")  # Debian libgs-common


def _colors(accent: str, edition: str, gray: bool) -> dict[str, str]:
    """CSS colours: RGB on screen; on paper K-only text and an ink-limited CMYK accent."""
    if edition == "screen":
        return {"ink": "#161616", "accent": accent, "tint": _mix(accent, 0.1), "rule": "#222",
                "muted": "#555", "paper": "#fff"}
    if gray:
        return {"ink": "device-cmyk(0 0 0 1)", "accent": "device-cmyk(0 0 0 0.85)", "tint": "device-cmyk(0 0 0 0.1)",
                "rule": "device-cmyk(0 0 0 1)", "muted": "device-cmyk(0 0 0 0.7)", "paper": "device-cmyk(0 0 0 0)"}
    c, m, y, k = rgb_to_cmyk(accent)
    tc, tm, ty, tk = (v * 0.12 for v in (c, m, y, k))
    return {"ink": "device-cmyk(0 0 0 1)", "accent": f"device-cmyk({c:.3f} {m:.3f} {y:.3f} {k:.3f})",
            "tint": f"device-cmyk({tc:.3f} {tm:.3f} {ty:.3f} {tk:.3f})", "rule": "device-cmyk(0 0 0 1)",
            "muted": "device-cmyk(0 0 0 0.7)", "paper": "device-cmyk(0 0 0 0)"}


INK_LIMIT = 2.4  # total area coverage on newsprint


def rgb_to_cmyk(hex_colour: str) -> tuple[float, float, float, float]:
    """Full grey-component replacement, then capped to the newsprint ink limit."""
    r, g, b = (int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5))
    k = 1 - max(r, g, b)
    if k >= 1:
        return 0.0, 0.0, 0.0, 1.0
    c, m, y = ((1 - x - k) / (1 - k) for x in (r, g, b))
    total = c + m + y + k
    if total > INK_LIMIT:
        f = (INK_LIMIT - k) / (c + m + y)
        c, m, y = c * f, m * f, y * f
    return c, m, y, k


def _mix(hex_colour: str, amount: float) -> str:
    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    mix = [round(255 - (255 - v) * amount) for v in (r, g, b)]
    return "#" + "".join(f"{v:02x}" for v in mix)


def _qr(url: str, edition: str) -> Markup:
    """The site's address as a QR code: an <img> with alt text, so the tagged PDF describes it.

    Screen: a small SVG. Print: a 1-bit PNG, which the PDF holds as DeviceGray, so the code prints
    in black ink only (an SVG's black is RGB, which a PDF/X workflow would separate into four inks)."""
    import base64
    import io

    import segno

    buf = io.BytesIO()
    qr = segno.make(url, error="m")
    if edition == "print":
        qr.save(buf, kind="png", border=1, scale=12, dark="black", light="white")
        from PIL import Image

        gray = io.BytesIO()  # 8-bit gray: WeasyPrint turns 1-bit PNGs into RGB
        Image.open(io.BytesIO(buf.getvalue())).convert("L").save(gray, "PNG")
        buf = gray
        mime = "image/png"
    else:
        qr.save(buf, kind="svg", xmldecl=False, svgns=True, nl=False, border=1, scale=1, dark="#000")
        mime = "image/svg+xml"
    data = base64.b64encode(buf.getvalue()).decode()
    return Markup(f'<img class="qr" src="data:{mime};base64,{data}" alt="QR: {Markup.escape(url)}">')


# -- boxes ------------------------------------------------------------------------------------
def _box(box, site, issue: Issue, lang: str, edition: str, cache_dir: Path) -> dict[str, Any] | None:
    """Data for a boxed panel; None when the department has no such content yet (box skipped)."""
    title = box.title.get(lang) if box.title else None
    kind = box.box
    if kind == "emergency":
        d = site.department
        rows = [(t("police", lang), d.phones.police), (t("single_emergency", lang), d.phones.emergency),
                (t("ambulance", lang), "103"), (t("fire", lang), "101"), (t("duty", lang), d.phones.duty)]
        if d.phones.helpline:
            rows.append((t("trust", lang), d.phones.helpline))
        return {"kind": kind, "title": title or t("emergency", lang), "rows": rows}
    if kind == "partnership":
        body = story_html(box.text.get(lang)) if box.text else Markup("<p>{}</p>").format(t("paper_partnership_text", lang))
        return {"kind": kind, "title": title or t("paper_partnership", lang), "body": body}
    if kind == "contents":
        items = [{"title": s.texts[lang].title, "page": s.ref.page} for s in issue.stories if s.ref.page > 1]
        return {"kind": kind, "title": title or t("paper_in_this_issue", lang), "items": items[:box.limit]}
    if kind == "officers":
        officers = getattr(site, "officers", None)
        if not officers:
            return None
        rows = []
        for o in list(officers)[:box.limit]:
            areas = getattr(o, "areas", None) or []
            rows.append({
                "name": _text(getattr(o, "name", ""), lang),
                "rank": _text(getattr(o, "rank", ""), lang),
                "areas": ", ".join(f"№ {a.number} {_text(a.name, lang)}" for a in areas),
                "phone": str(getattr(o, "phone", "") or ""),
                "reception": _text(getattr(getattr(o, "reception", None), "hours", ""), lang),
            })
        return {"kind": kind, "title": title or t("paper_officers", lang), "rows": rows}
    if kind == "tv":
        episodes = getattr(site, "tv", None) or getattr(site, "episodes", None)
        if not episodes:
            return None
        rows = _upcoming(episodes, issue.date, box.limit, lang)
        if not rows:
            return None
        d = site.department
        return {"kind": kind, "title": title or t("paper_tv", lang), "rows": rows,
                "programme": d.tv_programme.get(lang), "channel": d.tv_channel.get(lang)}
    if kind == "events":
        events = getattr(site, "events", None)
        if not events:
            return None
        rows = _upcoming(events, issue.date, box.limit, lang)
        if not rows:
            return None
        return {"kind": kind, "title": title or t("paper_events", lang), "rows": rows}
    if kind == "priorities":
        current = [p for p in getattr(site, "priorities", []) if p.current]
        if not current:
            return None
        areas = site.areas
        rows = []
        for p in current[:box.limit]:
            area = t("whole_city", lang) if p.data.area == "city" else \
                f"{t('area_n', lang)} {p.data.area}" + (f" — {areas[p.data.area].get(lang)}" if p.data.area in areas else "")
            rows.append({"area": area, "issue": p.data.issue.get(lang), "status": p.status_label(lang)})
        return {"kind": kind, "title": title or t("working_on", lang), "rows": rows}
    if kind == "poll":
        polls = getattr(site, "polls", [])
        poll = next((p for p in polls if p.id == box.poll), None) if box.poll else (polls[0] if polls else None)
        if poll is None:
            return None
        q = next((q for q in poll.data.questions if q.id == box.question), poll.data.questions[0])
        rows = [{"label": s.label.get(lang), "percent": s.percent, "shown": f"{s.percent:.1f}".replace(".", "," if lang != "en" else ".")}
                for s in poll.shares(q)]
        return {"kind": kind, "title": title or poll.data.title.get(lang), "question": q.text.get(lang),
                "rows": rows, "note": f"n = {sum(a.count for a in q.answers)}, {poll.data.method.get(lang)}"}
    return None  # pragma: no cover - the schema allows only the kinds above


def _text(value: Any, lang: str) -> str:
    if value is None:
        return ""
    if hasattr(value, "get") and not isinstance(value, dict):
        return value.get(lang)
    return str(value)


def _when(obj: Any) -> dt.datetime | dt.date | None:
    for attr in ("start", "air", "airs", "air_time", "datetime", "date"):
        v = getattr(obj, attr, None)
        if v is None and getattr(obj, "data", None) is not None:
            v = getattr(obj.data, attr, None)
        if isinstance(v, (dt.datetime, dt.date)):
            return v
    return None


def _upcoming(items, since: dt.date, limit: int, lang: str) -> list[dict[str, str]]:
    """Items from the issue date on (or the latest ones when none are ahead), soonest first."""
    dated = [(w, it) for it in items if (w := _when(it)) is not None]
    key = lambda pair: pair[0] if isinstance(pair[0], dt.datetime) else dt.datetime.combine(pair[0], dt.time())  # noqa: E731
    ahead = sorted((p for p in dated if key(p).date() >= since), key=key)
    chosen = ahead[:limit] or sorted(dated, key=key, reverse=True)[:limit]
    rows = []
    for when, it in chosen:
        title = _text(getattr(it, "title", None) or getattr(getattr(it, "data", None), "title", None), lang)
        place = getattr(it, "place", None) or getattr(getattr(it, "data", None), "place", None)
        rows.append({"when": format_datetime(when, lang) if isinstance(when, dt.datetime) else format_date(when, lang),
                     "title": title, "place": _text(place, lang) if place is not None else ""})
    return rows


# -- templates --------------------------------------------------------------------------------
_env: jinja2.Environment | None = None


def environment() -> jinja2.Environment:
    global _env
    if _env is None:
        _env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES),
                                  autoescape=jinja2.select_autoescape(["html"], default=False),
                                  undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
        _env.filters["css_str"] = css_string
    return _env


def css_string(value: object) -> str:
    """A CSS string literal: content: {{ x | css_str }} (quotes and backslashes escaped)."""
    text = str(value).replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")
    return f'"{text}"'


def html_for(context: dict[str, Any], template: str = "newspaper") -> str:
    """<template>.html with <template>.css (cards, posters and brochures use it too)."""
    env = environment()
    # CSS is rendered on its own and marked safe: autoescape would break quoted values in <style>
    css = Markup(env.get_template(f"{template}.css").render(**context))
    return env.get_template(f"{template}.html").render(css=css, **context)
