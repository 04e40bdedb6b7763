"""Parts of Material's page frame drawn once per folder instead of once per page.

Material draws the menu, the tabs and the config block anew for every page (a third of a
department's template time). On a page that is not in the menu (a news post, an officer, an
event: most pages) nothing in them is marked active, and every link in them is relative to the
page's folder; two pages whose folders share a parent (news/a/ and news/b/) get the same bytes
unless a link points inside one of those folders. So the frame is drawn for the first such page
of a parent folder and kept for the others of the same language pass.

The templates ask with `cp.frame.get(name)` and hand back what they drew with
`cp.frame.keep(name, html)` (overrides/partials/nav.html, tabs.html, main.html's config block).
The header is the same but for the page's title and its language links: it is kept as the pieces
around them (`keep_around`, `fill`; overrides/partials/header.html);
pages in the menu, pages at the top, and anything unusual get None and are drawn as Material
would. tests/web/test_fragments.py builds the sample sites with and without this and compares
every page byte for byte.
"""

from __future__ import annotations

import posixpath
from typing import Any, Iterable, Iterator

from markupsafe import Markup

ENABLED = True  # tests switch it off to build the pages drawn whole, for comparison


def _items(items: Iterable[Any]) -> Iterator[Any]:
    for item in items:
        yield item
        yield from _items(getattr(item, "children", None) or [])


class FrameFragments:
    """The kept parts of one language pass (one MkDocs navigation)."""

    def __init__(self, nav: Any, other_targets: Iterable[str] = ()) -> None:
        self.nav = nav
        self._items = list(_items(nav.items))
        self._pages = {id(p) for p in nav.pages}
        urls = [getattr(item, "url", None) for item in self._items]
        homepage = getattr(nav, "homepage", None)
        self._targets = [u for u in urls + [homepage and homepage.url, *other_targets] if isinstance(u, str)]
        self._store: dict[tuple[str, str], Markup] = {}

    def key(self, page: Any) -> str | None:
        """The parent folder shared by pages that get the same frame; None: draw it whole."""
        url = getattr(page, "url", None)
        if not ENABLED or not url or not url.endswith("/") or id(page) in self._pages:
            return None  # the home page, file URLs, and pages in the menu (marked active there)
        if any(item.active for item in self._items):
            return None  # something in the menu is marked for this page
        if any(target.startswith(url) for target in self._targets):
            return None  # a link into the page's own folder: relative to it, not to the parent
        return posixpath.dirname(url.rstrip("/"))

    def for_page(self, page: Any) -> "PageFrame":
        return PageFrame(self._store, self.key(page))


class PageFrame:
    """What one page's templates see as `cp.frame`."""

    def __init__(self, store: dict[tuple[str, str], Markup], key: str | None) -> None:
        self._store, self._key = store, key

    def get(self, name: str) -> Markup | None:
        return None if self._key is None else self._store.get((name, self._key))

    def keep(self, name: str, html: Markup) -> Markup:
        if self._key is not None:
            self._store[(name, self._key)] = html
        return html

    def keep_around(self, name: str, html: Markup, parts: list[str]) -> Markup:
        """Keep `html` as the pieces around this page's own `parts` (the header: its title and its
        language links), in order, where each part is there exactly once: a title that is also
        a word of the header ("Axtar") leaves nothing kept, so nothing is cut in a wrong place."""
        text = str(html)
        if self._key is None or not all(parts) or any(text.count(str(p)) != 1 for p in parts):
            return html
        pieces, rest = [], text
        for part in parts:
            before, found, rest = rest.partition(str(part))
            if not found:
                return html  # not in this order
            pieces.append(before)
        self._store[(name, self._key)] = (*pieces, rest)
        return html

    def fill(self, name: str, parts: list[str]) -> Markup | None:
        """What keep_around kept, with this page's own `parts` in their places; None: draw it."""
        pieces = None if self._key is None else self._store.get((name, self._key))
        if not isinstance(pieces, tuple) or len(pieces) != len(parts) + 1:
            return None
        out = [pieces[0]]
        for part, piece in zip(parts, pieces[1:]):
            out += [str(part), piece]
        return Markup("".join(out))
