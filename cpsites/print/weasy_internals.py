"""The two WeasyPrint internals the print road reads, outside the multi-column patch (columns.py).

- A laid-out page's box tree (`Page._page_box`): the copy-fit pass (copyfit.py) measures where each
  flow ends on the measuring layout. WeasyPrint has no public API for the boxes of a page.
- `_fail_on_errors` on the URL fetcher: WeasyPrint's `fetch()` reads it on whatever fetcher it is
  given; set on ours (render.ProjectFetcher), a refused address stops the render instead of
  becoming a warning and a missing picture (the security fence around untrusted content).

Both are used only on the tested WeasyPrint (the same versions as columns.py, pinned in
pyproject.toml) and `compatible()` checks WeasyPrint still has them; `require()` stops a render
with a plain message otherwise (a fetch that no longer fails would silently weaken the fence).
tests/print/test_weasy_internals.py asserts them. To drop: a WeasyPrint with a public box API and
a public `fail_on_errors` for custom fetchers.
"""

from __future__ import annotations

import inspect
from importlib.metadata import version

from cpsites.print.columns import TESTED_WEASYPRINT


def compatible() -> list[str]:
    """What differs from the WeasyPrint this was tested with ([] when nothing)."""
    import weasyprint.document
    import weasyprint.urls

    problems = []
    if version("weasyprint") not in TESTED_WEASYPRINT:
        problems.append(f"WeasyPrint {version('weasyprint')} is not one of the tested versions "
                        f"{', '.join(TESTED_WEASYPRINT)}")
    if "self._page_box = " not in inspect.getsource(weasyprint.document.Page.__init__):
        problems.append("weasyprint.document.Page no longer keeps its box tree in `_page_box`")
    if "url_fetcher._fail_on_errors" not in inspect.getsource(weasyprint.urls.fetch):
        problems.append("weasyprint.urls.fetch no longer reads the fetcher's `_fail_on_errors`")
    return problems


_checked: list[str] | None = None


def require() -> None:
    """Stop with a plain message when the installed WeasyPrint is not the one tested."""
    global _checked
    if _checked is None:
        _checked = compatible()
    if _checked:
        raise RuntimeError("the print road cannot run on this WeasyPrint: " + "; ".join(_checked)
                           + " (install the version in pyproject.toml: `make venv`)")


def page_box(page):
    """The root box of a laid-out page (weasyprint.document.Page)."""
    return page._page_box


def fail_on_errors(fetcher) -> None:
    """Make WeasyPrint stop the render when `fetcher` raises (see the module's docstring)."""
    fetcher._fail_on_errors = True
