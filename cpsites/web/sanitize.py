"""Allow-list sanitising of HTML rendered from press officers' Markdown (nh3).

Content is untrusted: whatever raw HTML a post carries, only these tags, attributes and URL
schemes reach the published page.
"""

from __future__ import annotations

import nh3

TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd", "del",
    "details", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6",
    "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "picture", "pre", "q", "s", "section",
    "small", "source", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot",
    "th", "thead", "time", "tr", "u", "ul", "video", "address", "aside", "button", "template",
}
COMMON = {"class", "id", "lang", "dir", "title", "role", "aria-label", "aria-hidden", "aria-describedby"}
ATTRIBUTES = {
    "*": COMMON,
    "a": {"href", "hreflang", "download", "type"},
    "img": {"src", "alt", "width", "height", "srcset", "sizes", "loading", "decoding"},
    "source": {"srcset", "sizes", "type", "media", "src", "width", "height"},
    "video": {"src", "poster", "controls", "preload", "width", "height", "playsinline"},
    "td": {"colspan", "rowspan", "align"}, "th": {"colspan", "rowspan", "align", "scope"},
    "col": {"span"}, "time": {"datetime"}, "ol": {"start", "type"}, "details": {"open"},
    "button": {"type", "data-src", "data-title", "data-provider"},
    "div": {"data-src", "data-provider", "data-title"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}


def clean(html: str) -> str:
    return nh3.clean(html, tags=TAGS, attributes=ATTRIBUTES, url_schemes=URL_SCHEMES,
                     link_rel=None, strip_comments=True)
