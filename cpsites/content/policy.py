"""The content policy: an allow-list of what press officers' text may contain.

Content is untrusted input (it comes from many laptops). Press officers write Markdown; raw HTML,
addresses and attribute lists in it are checked here, in the content model, so `cpsites check`,
`cpsites build`, `cpsites serve` and plain `mkdocs build` say the same thing, with file:line and a
fix. Whatever is not listed below is refused: the HTML sanitiser of the web road (nh3) is the
second line, not the first, and a press officer learns what would have vanished from the page.

- HTML elements: only `TAGS`, with only their `ATTRIBUTES` (class and id on every element).
  `<script>`, frames, `<meta>`, `<base>`, `<link>`, `<style>`, forms, `<svg>` ... have their own
  message saying why and what to do instead.
- Addresses (Markdown links and pictures, reference definitions, <autolinks>, href/src/poster
  attributes, YAML values that are addresses): http, https, mailto, tel or a relative path.
  `file:`, `data:`, `javascript:`, `vbscript:` and any other scheme are refused, also when hidden
  by HTML entities (`java&#115;cript:`), whitespace or control characters, or capitals.
- `{: ...}` attribute lists (Markdown's attr_list) may set a class (.name) and an id (#name) only.
- A video in a page is a file of the site; YouTube and Vimeo go through a TV episode's `video:`
  field (cpsites/content/tv.py), which builds a privacy-friendly player.

Text inside code (``` fences and `inline code`) is shown as text, not run, so it is allowed:
the handbook uses that to show the forbidden forms.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

from cpsites.content.source import FRONT_MATTER  # the one definition of where front matter ends
from cpsites.errors import Problem, display_path

# -- the allow-list --------------------------------------------------------------------------------

TAGS = frozenset({
    "a", "abbr", "address", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup",
    "dd", "del", "details", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4",
    "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "section",
    "small", "source", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot",
    "th", "thead", "time", "tr", "u", "ul", "video",
})
# `markdown` is read by the md_in_html extension (markdown="1") and never reaches the page
GLOBAL_ATTRIBUTES = frozenset({"class", "id", "lang", "dir", "title", "markdown"})
ATTRIBUTES: dict[str, frozenset[str]] = {
    "a": frozenset({"href", "hreflang"}),
    "abbr": frozenset(),
    "img": frozenset({"src", "alt", "width", "height"}),
    "video": frozenset({"src", "poster", "controls", "preload", "width", "height", "playsinline", "muted"}),
    "source": frozenset({"src", "type"}),
    "td": frozenset({"colspan", "rowspan", "align"}),
    "th": frozenset({"colspan", "rowspan", "align", "scope"}),
    "col": frozenset({"span"}),
    "colgroup": frozenset({"span"}),
    "ol": frozenset({"start", "type", "reversed"}),
    "time": frozenset({"datetime"}),
    "details": frozenset({"open"}),
}
URL_ATTRIBUTES = frozenset({"href", "src", "poster", "cite", "srcset", "action", "formaction", "data",
                            "background", "xlink:href", "ping", "longdesc", "manifest", "codebase"})
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
# media in a page load from the site itself: a remote one would tell another site who reads
LOCAL_MEDIA = {"video": {"src", "poster"}, "source": {"src"}}

# Elements with a message of their own (why it is refused, what to do instead).
_FRAMES = ("iframe", "object", "embed", "applet", "frame", "frameset", "portal")
_PAGE = ("base", "meta", "link", "style", "head", "body", "html", "title")
_FORMS = ("form", "input", "button", "select", "textarea", "option", "fieldset", "label", "output")
_GRAPHICS = ("svg", "math", "canvas")

MESSAGES = {
    "script": "raw <script> is not allowed in content: it would run code in readers' browsers; "
              "remove it",
    "frame": "raw <{tag}> is not allowed in content: it loads another site inside the page, which "
             "can track readers; remove it (a video goes in a TV episode's `video:` field, see the "
             "handbook)",
    "page": "raw <{tag}> is not allowed in content: it changes how the whole page works or loads "
            "other files into it; remove it",
    "form": "raw <{tag}> is not allowed in content: a form could send what readers type to another "
            "site; remove it and give the department's phone or e-mail instead",
    "graphics": "raw <{tag}> is not allowed in content: drawings inside the text can carry scripts; "
                "save the picture as a file in images/ and show it with ![what it shows](images/name.png)",
    "tag": "the HTML tag <{tag}> is not allowed in content and would vanish from the page; write the "
           "text in Markdown, or put it in `backticks` if you mean the characters <{tag}>",
    "attribute": "the HTML attribute `{attr}=` is not allowed on <{tag}>; remove it (allowed: {allowed})",
    "event": "the HTML attribute `{attr}=` runs a script and is not allowed; remove it",
    "javascript": "a `javascript:` address runs a script and is not allowed; link to a page or to "
                  "an address starting with https://, mailto: or tel:",
    "data": "a `data:` address hides a whole file inside the text and is not allowed; put the file "
            "in the images/ folder and link it by name",
    "file": "a `file:` address is not allowed: it points at a file on one computer and could publish "
            "it; put the file in the site's docs/ folder and link it by name",
    "scheme": "the address \"{url}\" is not allowed: links may start with https://, http://, mailto: "
              "or tel:, or name a page or file of the site",
    "media": "the video \"{url}\" from another site is not allowed: readers' browsers would contact that "
             "site; put the file in docs/video/ and link it by name (a YouTube or Vimeo video goes in a "
             "TV episode's `video:` field)",
    "attr_list": "`{{: {attr} }}` is not allowed: an attribute list may only set a class (.name) or an id "
                 "(#name); remove `{attr}`",
}

# -- reading the text ------------------------------------------------------------------------------

_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_INLINE_CODE = re.compile(r"(`+)(?:(?!\1).)+?\1")


def code_free_lines(text: str) -> list[tuple[int, str]]:
    """(line number, text) of each line with fenced code blocks and `inline code` blanked out."""
    out: list[tuple[int, str]] = []
    fence: str | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        # each pattern is tried only on lines holding its first character (most lines are prose)
        m = _FENCE.match(line) if "`" in line or "~" in line else None
        if fence is None and m:
            fence = m.group(1)[0] * len(m.group(1))
            continue
        if fence is not None:
            if line.strip().startswith(fence) and not line.strip().strip(fence[0]):
                fence = None
            continue
        out.append((number, _INLINE_CODE.sub(lambda mm: " " * len(mm.group(0)), line) if "`" in line else line))
    return out


def _code_free_text(text: str, markdown: bool) -> list[str]:
    """The lines of `text` (index 0 = line 1), code blanked out in Markdown, line count kept."""
    lines = text.splitlines()
    if not markdown:
        return lines
    kept = dict(code_free_lines(text))
    return [kept.get(n, "") for n in range(1, len(lines) + 1)]


# Browsers drop ASCII whitespace and control characters inside a scheme ("java\tscript:") and
# decode entities in attributes, so an address is normalised the same way before it is judged.
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")


def _normalise(url: str) -> str:
    previous = None
    while previous != url:  # &amp;#106; decodes twice in some paths: decode until stable
        previous, url = url, html.unescape(url)
    return _INVISIBLE.sub("", url)


def address_problem(url: str) -> str | None:
    """Why an address may not be used in content, or None when it is fine."""
    plain = _normalise(url)
    m = _SCHEME.match(plain)
    if not m:
        return None  # a page or file of the site, an #anchor, ?query
    scheme = m.group(1).lower()
    if scheme in URL_SCHEMES:
        return None
    if scheme in ("javascript", "vbscript", "livescript"):
        return MESSAGES["javascript"]
    if scheme == "data":
        return MESSAGES["data"]
    if scheme == "file" or len(scheme) == 1:  # C:\Users\... is a file on one computer too
        return MESSAGES["file"]
    return MESSAGES["scheme"].format(url=url.strip())


# Where Markdown puts an address: [text](url "title"), ![alt](url), [ref]: url, <scheme:...>
_MD_LINK = re.compile(r"\]\(\s*(<[^>]*>|[^)\s]*)")
_MD_REF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*(<[^>]*>|\S+)")
_AUTOLINK = re.compile(r"<([a-zA-Z][a-zA-Z0-9+.\-]*:[^<>\s]*|[^<>\s@]+@[^<>\s@]+)>")
# A YAML value (after `key:` or a list dash) that is a dangerous address: video:, url:, photo: ...
_YAML_VALUE = re.compile(r"^\s*(?:-\s+)?(?:[\w.-]+\s*:(?:\s+|$))?(.*)$")
_DANGEROUS_VALUE = re.compile(r"^[\"']?(?:(?:java|vb|live)script:|data:(?:[\w.+-]+/|,)|file:/)", re.I)
# attr_list: {: #id .class key=value } (the colon is optional); only lists made wholly of tokens
_ATTR_TOKEN = r"(?:[#.][\w-]+|[\w:-]+=(?:\"[^\"]*\"|'[^']*'|[^\s}]*)|[\w-]+)"
_ATTR_LIST = re.compile(r"\{:?\s*(" + _ATTR_TOKEN + r"(?:\s+" + _ATTR_TOKEN + r")*)\s*\}")
_ATTR_KEY = re.compile(r"([\w:-]+)=")


class _TagScanner(HTMLParser):
    """Collects (line, problem) for every tag and attribute outside the allow-list.

    `strict=False` is for plain-text values (YAML data, front matter): they reach pages escaped,
    so `<Açıq>` in a title is text; only what is dangerous wherever it is (scripts, frames, forms,
    page-level tags, event attributes, script addresses) is refused there."""

    def __init__(self, strict: bool = True) -> None:
        super().__init__(convert_charrefs=True)
        self.strict = strict
        self.found: list[tuple[int, str]] = []
        self.graphics = 0  # inside a refused <svg>/<math>: its own parts need no message each

    def _add(self, message: str) -> None:
        self.found.append((self.getpos()[0], message))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._check(tag, attrs)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._check(tag, attrs)
        if tag in _GRAPHICS:
            self.graphics = max(0, self.graphics - 1)  # <svg/> opens nothing

    def handle_endtag(self, tag: str) -> None:
        if tag in _GRAPHICS:
            self.graphics = max(0, self.graphics - 1)
        elif tag not in TAGS and not self.graphics:
            self._tag(tag)

    def _tag(self, tag: str) -> bool:
        """Report a tag outside the allow-list; True when it was one."""
        if tag in TAGS:
            return False
        if tag == "script":
            self._add(MESSAGES["script"])
        elif tag in _FRAMES:
            self._add(MESSAGES["frame"].format(tag=tag))
        elif tag in _PAGE:
            self._add(MESSAGES["page"].format(tag=tag))
        elif tag in _FORMS:
            self._add(MESSAGES["form"].format(tag=tag))
        elif tag in _GRAPHICS:
            self._add(MESSAGES["graphics"].format(tag=tag))
        elif self.strict:
            self._add(MESSAGES["tag"].format(tag=tag))
        else:
            return False  # plain text that looks like a tag: shown as written
        return True

    def _check(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # event attributes first: they are the dangerous part even on a tag we refuse anyway
        for name, _ in attrs:
            if name.startswith("on"):
                self._add(MESSAGES["event"].format(attr=name))
        if self.graphics:
            return
        if tag in _GRAPHICS:
            self.graphics += 1
        if self._tag(tag):
            return
        allowed = GLOBAL_ATTRIBUTES | ATTRIBUTES.get(tag, frozenset())
        for name, value in attrs:
            if name.startswith("on"):
                continue
            if name not in allowed and not self.strict:
                if name in URL_ATTRIBUTES and value is not None and address_problem(value):
                    self._add(address_problem(value))
                continue
            if name not in allowed:
                self._add(MESSAGES["attribute"].format(attr=name, tag=tag, allowed=", ".join(sorted(allowed))))
                continue
            if name in URL_ATTRIBUTES and value is not None:
                problem = address_problem(value)
                if problem:
                    self._add(problem)
                elif name in LOCAL_MEDIA.get(tag, ()) and _SCHEME.match(_normalise(value)):
                    self._add(MESSAGES["media"].format(url=value.strip()))


def scan(text: str, path: Path | str, markdown: bool = True) -> list[Problem]:
    """Every policy breach in `text` (a Markdown file or a YAML data file), one per line and kind."""
    lines = _code_free_text(text, markdown)
    problems: list[Problem] = []
    seen: set[tuple[int, str]] = set()

    def add(line: int, message: str) -> None:
        if (line, message) not in seen:
            seen.add((line, message))
            # the file's name for messages: worked out only when there is one (most files are fine)
            problems.append(Problem(problems[0].file if problems else display_path(path), line, message))

    scrubbed: list[str] = []
    for number, line in enumerate(lines, start=1):
        # each pattern is tried only on lines holding what it starts with (most lines are prose:
        # the check of a 100-post project tried ~400,000 patterns in vain)
        if "<" in line:
            for m in _AUTOLINK.finditer(line):
                target = m.group(1)
                if "@" in target and not _SCHEME.match(target):
                    continue  # <name@example.org>, an e-mail address
                problem = address_problem(target)
                if problem:
                    add(number, problem)
            # autolinks are not tags: keep them away from the HTML scanner
            line = _AUTOLINK.sub(lambda mm: " " * len(mm.group(0)), line)
        scrubbed.append(line)
        for m in _MD_LINK.finditer(line) if "](" in line else ():
            problem = address_problem(m.group(1).strip("<>"))
            if problem:
                add(number, problem)
        m = _MD_REF.match(line) if "]:" in line else None
        if m:
            problem = address_problem(m.group(1).strip("<>"))
            if problem:
                add(number, problem)
        if not markdown:
            value = _YAML_VALUE.match(line).group(1).strip()
            if _DANGEROUS_VALUE.match(_normalise(value)):
                add(number, address_problem(value.strip("\"'")) or MESSAGES["scheme"].format(url=value))
        if markdown and "{" in line:
            for m in _ATTR_LIST.finditer(line):
                for key in _ATTR_KEY.findall(m.group(1)):
                    add(number, MESSAGES["event"].format(attr=key) if key.lower().startswith("on")
                        else MESSAGES["attr_list"].format(attr=key + "=..."))

    # Markdown bodies against the allow-list; YAML and front matter (plain-text values) against
    # what is dangerous anywhere. Each scanner sees its own lines, the others blanked.
    data_end = _front_matter_end(text) if markdown else len(scrubbed)
    for strict, keep in ((False, range(0, data_end)), (True, range(data_end, len(scrubbed)))):
        if not keep:
            continue
        scanner = _TagScanner(strict=strict)
        try:
            scanner.feed("\n".join(line if i in keep else "" for i, line in enumerate(scrubbed)))
            scanner.close()
        except Exception:  # noqa: BLE001 - HTMLParser is lenient; never let odd text stop a check
            pass
        for line, message in scanner.found:
            add(line, message)
    return sorted(problems, key=lambda p: p.line)


def _front_matter_end(text: str) -> int:
    """How many lines a Markdown file's front matter takes (0 without one)."""
    m = FRONT_MATTER.match(text)
    return text[: m.end()].count("\n") if m else 0
