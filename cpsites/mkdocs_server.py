"""MkDocs' development server (LiveReloadServer), extended where it has no public hook.

The preview (cpsites/serve.py) needs three things MkDocs 1.6 does not offer: to see each request
(the language the reader looks at is built first after a save), to add a box to every served page
(the problems of the last save), and inotify instead of polling (`observer`), plus our own 404
page (`error_handler`). They are the private `_serve_request` and `_inject_js_into_html` methods
and two attributes set in `__init__`, so they live here only, are used only on the MkDocs they
were tested with (`compatible()`), and tests/workflow/test_mkdocs_server.py asserts them. To drop
this module: a preview server of our own (a WSGI app over the build folder and a reload script).
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable
from importlib.metadata import version

TESTED = "1.6"  # MkDocs minor version (pyproject: mkdocs>=1.6,<1.7)
SIGNATURES = {
    "__init__": ["self", "builder", "host", "port", "root", "mount_path", "polling_interval", "shutdown_delay"],
    "_serve_request": ["self", "environ", "start_response"],
    "_inject_js_into_html": ["self", "content", "epoch"],
    "watch": ["self", "path", "func", "recursive"],
}
ATTRIBUTES = ("observer", "error_handler")  # set in __init__, replaced by us


def compatible() -> list[str]:
    """What differs from the MkDocs server this was tested with ([] when nothing)."""
    from mkdocs.livereload import LiveReloadServer

    problems = []
    if not version("mkdocs").startswith(TESTED + "."):
        problems.append(f"MkDocs {version('mkdocs')} installed, cpsites is tested with {TESTED}.x")
    for name, params in SIGNATURES.items():
        method = getattr(LiveReloadServer, name, None)
        if method is None or list(inspect.signature(method).parameters) != params:
            problems.append(f"LiveReloadServer.{name} is not ({', '.join(params)}) any more")
    source = inspect.getsource(LiveReloadServer.__init__)
    problems += [f"LiveReloadServer no longer sets `{a}`" for a in ATTRIBUTES
                 if not re.search(rf"self\.{a}\b[^=\n]*=[^=]", source)]
    return problems


def preview_server(*, on_request: Callable[[str], None], decorate: Callable[[bytes], bytes],
                   error_page: Callable[[int], bytes | None], observer=None, **kwargs):
    """A LiveReloadServer that tells `on_request` each requested path, passes every served HTML
    page through `decorate`, answers errors with `error_page` and watches with `observer`."""
    problems = compatible()
    if problems:
        raise RuntimeError("the preview cannot run on this MkDocs: " + "; ".join(problems)
                           + " (install the versions in pyproject.toml: `make venv`)")
    from mkdocs.livereload import LiveReloadServer

    class Server(LiveReloadServer):
        def _serve_request(self, environ, start_response):
            on_request(environ.get("PATH_INFO", ""))
            return super()._serve_request(environ, start_response)

        def _inject_js_into_html(self, content, epoch):
            return decorate(super()._inject_js_into_html(content, epoch))

    server = Server(**kwargs)
    if observer is not None:
        server.observer = observer
    server.error_handler = error_page
    return server
