"""The content policy: raw HTML and addresses that could run code in a reader's browser are refused.

Press officers write Markdown; a pasted `<script>`, an `<iframe>` embed, an `onerror=` attribute
or a `javascript:` / `data:` link would either run code on the police site or be silently
stripped by the sanitiser, which hides the mistake. We refuse them with a message instead, in the
content model, so `cpsites check`, `cpsites build` and `mkdocs serve` all say the same thing.
Videos and embeds go through our own syntax (a TV episode's `video:` field), never raw HTML.

Text inside code (``` fences and `inline code`) is shown as text, not run, so it is allowed:
the handbook uses that to show the forbidden forms.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from cpsites.errors import Problem, display_path

FORBIDDEN_TAGS = ("script", "iframe", "object", "embed", "applet", "frame", "frameset", "base", "meta")
_TAG = re.compile(r"<\s*/?\s*(" + "|".join(FORBIDDEN_TAGS) + r")\b", re.I)
# an on*= attribute inside something that looks like an HTML tag: <img src=x onerror=...>
_EVENT_ATTR = re.compile(r"<[a-zA-Z][^<>]*?\s(on[a-zA-Z]+)\s*=", re.S)
# scripts in addresses; browsers ignore tabs and line breaks inside them (java\tscript:)
# Only where an address goes (a link, src=/href=, <autolink>, a [ref]: line): prose may mention it.
_ADDRESS = r"(?:\]\(\s*<?|=\s*[\"']?\s*|<|^\s*\[[^\]]+\]:\s*<?)"
_JS_URL = re.compile(_ADDRESS + r"(?:java|vb)[\t\r\n]*script[\t ]*:", re.I)
# data: addresses: data:image/png;base64,... or data:text/html,... and any data: link target
_DATA_URL = re.compile(r"(?<![\w-])data:\s*[\w.+-]+/[\w.+-]+\s*[;,]|" + _ADDRESS + r"data:", re.I)

_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_INLINE_CODE = re.compile(r"(`+)(?:(?!\1).)+?\1")

MESSAGES = {
    "script": "raw <script> is not allowed in content: it would run code in readers' browsers; "
              "remove it",
    "frame": "raw <{tag}> is not allowed in content: it loads another site inside the page, which "
             "can track readers; remove it (a video goes in a TV episode's `video:` field, see the "
             "handbook)",
    "page": "raw <{tag}> is not allowed in content: it changes how the whole page works; remove it",
    "event": "the HTML attribute `{attr}=` runs a script and is not allowed; remove it",
    "javascript": "a `javascript:` address runs a script and is not allowed; link to a page or to "
                  "an address starting with https://, mailto: or tel:",
    "data": "a `data:` address hides a whole file inside the text and is not allowed; put the file "
            "in the images/ folder and link to it by name",
}


def code_free_lines(text: str) -> list[tuple[int, str]]:
    """(line number, text) of each line with fenced code blocks and `inline code` blanked out."""
    out: list[tuple[int, str]] = []
    fence: str | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        m = _FENCE.match(line)
        if fence is None and m:
            fence = m.group(1)[0] * len(m.group(1))
            continue
        if fence is not None:
            if line.strip().startswith(fence) and not line.strip().strip(fence[0]):
                fence = None
            continue
        out.append((number, _INLINE_CODE.sub(lambda mm: " " * len(mm.group(0)), line)))
    return out


def scan(text: str, path: Path | str, markdown: bool = True) -> list[Problem]:
    """Every policy breach in `text` (a Markdown file or a YAML data file), one per line and kind."""
    lines = code_free_lines(text) if markdown else list(enumerate(text.splitlines(), start=1))
    file = display_path(path)
    problems: list[Problem] = []
    # attributes may sit on a later line of a multi-line tag: look at the text with line ends kept
    joined = "\n".join(line for _, line in lines)
    numbers = [n for n, _ in lines]
    seen: set[tuple[int, str]] = set()

    def add_at(line: int, message: str) -> None:
        if (line, message) not in seen:
            seen.add((line, message))
            problems.append(Problem(file, line, message))

    def add(offset: int, message: str) -> None:
        add_at(numbers[min(joined.count("\n", 0, offset), len(numbers) - 1)] if numbers else 0, message)

    for m in _TAG.finditer(joined):
        tag = m.group(1).lower()
        kind = "script" if tag == "script" else "page" if tag in ("base", "meta") else "frame"
        add(m.start(), MESSAGES[kind].format(tag=tag))
    for m in _EVENT_ATTR.finditer(joined):
        add(m.start(1), MESSAGES["event"].format(attr=m.group(1).lower()))
    for number, line in lines:
        # browsers decode entities in addresses: java&#115;cript: is javascript:
        decoded = html.unescape(line)
        if _JS_URL.search(decoded):
            add_at(number, MESSAGES["javascript"])
        if _DATA_URL.search(decoded):
            add_at(number, MESSAGES["data"])
    return problems
