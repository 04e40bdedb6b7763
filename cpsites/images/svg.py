"""SVG drawings: refuse active content, drop editor metadata, read the drawing's size.

An SVG is a program as much as a picture: it can carry <script>, on* event attributes,
javascript: links, <foreignObject> HTML and references to other hosts. Such a file is refused with
a message naming it. A clean drawing is published as its own bytes minus <metadata>, comments and
the editor's private attributes (Inkscape records file paths of the author's computer there).

    check_svg(path, data) -> (width, height)      raises ContentError
    clean_svg(data) -> bytes
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from cpsites.errors import ContentError

ACTIVE_ELEMENTS = {"script", "foreignobject", "iframe", "embed", "object", "handler", "listener"}
FIX = "export the drawing again as plain SVG without scripts, or as PNG"


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1].rsplit(":", 1)[-1].lower()


def check_svg(path: Path, data: bytes) -> tuple[int, int]:
    """The drawing's size in CSS pixels; ContentError for anything active or unreadable."""
    head = data[:8192].lower()
    if b"<!entity" in head or (b"<!doctype" in head and b"[" in head.split(b"<!doctype", 1)[1][:2000]):
        raise ContentError.at(path, f"the SVG drawing defines its own entities (<!ENTITY>), which can "
                              f"attack the build machine; {FIX}")
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise ContentError.at(path, f"the SVG drawing is not valid XML ({exc}); {FIX}") from None
    if _local(root.tag) != "svg":
        raise ContentError.at(path, f"the file is not an SVG drawing (its first element is "
                              f"<{_local(root.tag)}>); {FIX}")
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        tag = _local(el.tag)
        if tag in ACTIVE_ELEMENTS:
            what = "a script" if tag == "script" else f"a <{tag}> element"
            raise ContentError.at(path, f"the SVG drawing contains {what}, which could attack "
                                  f"visitors of the site; {FIX}")
        for name, value in el.attrib.items():
            attr = _local(name)
            v = re.sub(r"[\s\x00-\x1f]", "", value).lower()
            if attr.startswith("on"):
                raise ContentError.at(path, f"the SVG drawing has an event attribute `{attr}` (a "
                                      f"script) on <{tag}>; {FIX}")
            if "javascript:" in v or "vbscript:" in v or v.startswith("data:text/html"):
                raise ContentError.at(path, f"the SVG drawing contains a javascript: link on <{tag}>; {FIX}")
            if attr == "href" and v and not (v.startswith("#") or v.startswith("data:image/")):
                raise ContentError.at(path, f'the SVG drawing loads "{value[:60]}" from elsewhere; '
                                      f"embed everything in the drawing itself; {FIX}")
        if tag == "style" and el.text and re.search(r"@import|url\(\s*['\"]?\s*(https?:|//|file:)",
                                                    el.text, re.I):
            raise ContentError.at(path, f"the SVG drawing's style loads files from elsewhere; {FIX}")
    return _size(path, root)


def _size(path: Path, root: ET.Element) -> tuple[int, int]:
    def number(value: str | None) -> float | None:
        if not value:
            return None
        m = re.fullmatch(r"\s*([0-9.]+)\s*(px)?\s*", value)
        return float(m.group(1)) if m else None

    w, h = number(root.get("width")), number(root.get("height"))
    box = root.get("viewBox") or root.get("viewbox")
    if box:
        parts = re.split(r"[\s,]+", box.strip())
        try:
            bw, bh = float(parts[2]), float(parts[3])
        except (IndexError, ValueError):
            bw = bh = 0
        if bw > 0 and bh > 0:
            if w and not h:
                h = w * bh / bw
            elif h and not w:
                w = h * bw / bh
            elif not w and not h:
                w, h = bw, bh
    if not w or not h:
        raise ContentError.at(path, "the SVG drawing has no size: give the <svg> element a viewBox "
                              '(for example viewBox="0 0 800 600") so the page can reserve its space')
    return max(1, round(w)), max(1, round(h))


def clean_svg(data: bytes) -> bytes:
    """The drawing without metadata, comments and editor attributes (after check_svg passed)."""
    text = data.decode("utf-8", errors="replace")
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    text = re.sub(r"<(\w+:)?metadata\b.*?</(\w+:)?metadata\s*>", "", text, flags=re.S | re.I)
    text = re.sub(r"<(\w+:)?metadata\b[^>]*/>", "", text, flags=re.I)
    text = re.sub(r"<(sodipodi|inkscape):[\w-]+\b[^>]*/>", "", text)
    text = re.sub(r"<(sodipodi|inkscape):([\w-]+)\b.*?</\1:\2\s*>", "", text, flags=re.S)
    text = re.sub(r'\s(sodipodi|inkscape):[\w-]+\s*=\s*("[^"]*"|\'[^\']*\')', "", text)
    return text.encode("utf-8")
