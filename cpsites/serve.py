"""`cpsites serve`: a live preview of one department (or the portal) on 127.0.0.1.

MkDocs' own development server (LiveReloadServer) serves a temporary build and makes the open
browser tab reload after each rebuild. What we add:
- the department's data beside docs/ (officers/, tv/, events/, department.yml, ...) is watched too;
- every rebuild first runs the same checks as `cpsites check` (a tenth of a second), so a mistake
  made while previewing is explained in the same plain words, never as a Python traceback, and
  the browser keeps showing the last good version until the file is fixed and saved again.
scripts/bench_serve.py measures the time from saving a file to seeing it in the browser.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from cpsites.i18n import DEFAULT_LANG, LANGS

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

log = logging.getLogger("cpsites.serve")


def watch_paths(site_dir: Path) -> list[Path]:
    """Everything of a department beside docs/: department.yml and the data folders."""
    return [p for p in sorted(site_dir.iterdir())
            if p.name not in ("docs", "mkdocs.yml") and not p.name.startswith(".")
            and (p.is_dir() or p.suffix in (".yml", ".yaml", ".md"))]


class _Quiet(logging.Filter):
    """MkDocs' chatter that says nothing to a press officer (nav listings, i18n set-up)."""

    NOISE = ("are not included in the \"nav\"", "  - ", "Cleaning site directory", "mkdocs_static_i18n:",
             "Building documentation", "is not supported by lunr", "Step ", "Documentation built in",
             "Detected file changes", "Reloading browsers")

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno >= logging.WARNING:
            return True
        return not any(n in record.getMessage() for n in self.NOISE)


class _TemplateCache:
    """Compiled Jinja templates kept in memory across rebuilds (jinja2.BytecodeCache protocol).

    MkDocs compiles every template again in each language pass of each rebuild, a third of a
    rebuild's time; the cache checks each template's source, so an edited template is recompiled.
    """

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}
        import jinja2

        class Cache(jinja2.BytecodeCache):
            def load_bytecode(cache, bucket) -> None:  # noqa: N805
                if bucket.key in self.code:
                    bucket.bytecode_from_string(self.code[bucket.key])

            def dump_bytecode(cache, bucket) -> None:  # noqa: N805
                self.code[bucket.key] = bucket.bytecode_to_string()

        self.cache = Cache()

    def install(self) -> None:
        import mkdocs.theme

        original = mkdocs.theme.Theme.get_env
        cache = self.cache

        def get_env(theme):
            env = original(theme)
            env.bytecode_cache = cache
            return env

        mkdocs.theme.Theme.get_env = get_env  # this preview process only; builds are untouched


def _build_into(config_file: Path, out: Path, serve_url: str, langs: set[str] | None) -> float:
    """One MkDocs build of the preview into `out`; returns its duration in seconds."""
    import time

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    start = time.perf_counter()
    cfg = load_config(config_file=str(config_file), site_dir=str(out), strict=False)
    cfg.site_url = serve_url
    if langs:
        from cpsites.web.i18n_plugin import only_languages

        only_languages(cfg, langs)
    build(cfg, serve_url=serve_url, dirty=False)
    return time.perf_counter() - start


def _full_build_child(config_file: Path, out: Path, serve_url: str) -> None:
    logging.disable(logging.WARNING)  # the quick build in the parent reports problems
    _build_into(config_file, out, serve_url, None)


class Preview:
    """Builds for the preview, fastest first.

    After a save, the language the browser shows is built first (with Azerbaijani, which
    mkdocs-static-i18n always builds) and the browser reloads; then all three languages are built
    in a forked process and swapped in without a reload, so the language switcher works again a
    moment later. A save during that background build stops it (its result would be stale).
    Each build goes into a fresh folder (in memory, /dev/shm, where available) and a symlink swap
    makes it visible at once: the server never shows a half-written site.
    """

    def __init__(self, config_file: Path, serve_url: str, problems_of, prepare=None):
        import threading

        shm = Path("/dev/shm")
        parent = shm if shm.is_dir() and os.access(shm, os.W_OK) else None
        self.base = Path(tempfile.mkdtemp(prefix="cpsites-preview-", dir=parent))
        self.root = self.base / "current"
        self.config_file, self.serve_url, self.problems_of = config_file, serve_url, problems_of
        self.prepare = prepare or (lambda: None)  # the print road's part (newspaper editions), first
        self.active = "az"            # language of the page the browser asked for last
        self.lock = threading.Lock()  # guards swaps and the counters
        self.count = 0
        self.generation = 0           # +1 per quick build: a background build of an older one is stale
        self.child = None
        self.problems: list[str] = []  # of the last save, shown on every page until fixed
        self.full_wanted = threading.Event()
        threading.Thread(target=self._complete, daemon=True, name="cpsites-full-build").start()

    def _new_dir(self) -> Path:
        with self.lock:
            self.count += 1
            return self.base / f"build-{self.count}"

    def _swap(self, out: Path) -> None:
        link = self.base / "current.new"
        link.unlink(missing_ok=True)
        link.symlink_to(out.name)
        os.replace(link, self.root)
        for old in self.base.glob("build-*"):
            if old != out and old.name != f"build-{self.count}":
                shutil.rmtree(old, ignore_errors=True)

    def build_all_now(self) -> None:
        self.prepare()
        out = self._new_dir()
        took = _build_into(self.config_file, out, self.serve_url, None)
        with self.lock:
            self._swap(out)
        log.info(f"Preview ready (all languages) in {took:.2f} s")

    def quick(self) -> None:
        """The builder LiveReloadServer calls after a change; the browser reloads when it returns."""
        child = self.child
        if child is not None and child.is_alive():
            child.kill()  # building an older version of the files
        problems = [str(p) for p in self.problems_of()]
        if problems:
            return self._refuse(problems)
        langs = {DEFAULT_LANG, self.active}
        out = self._new_dir()
        try:
            self.prepare()
            took = _build_into(self.config_file, out, self.serve_url, langs)
        except Exception as exc:  # MkDocs' and our plugin's errors: the message, not the traceback
            shutil.rmtree(out, ignore_errors=True)
            return self._refuse([f"{type(exc).__name__}: {exc}".removeprefix("PluginError: ").removeprefix("ContentError: ")
                                 .removeprefix("Abort: ")])
        self.problems = []
        with self.lock:
            self.generation += 1
            self._swap(out)
        what = " + ".join(sorted(langs, key=LANGS.index))
        log.info(f"Preview updated ({what}) in {took:.2f} s")
        self.full_wanted.set()

    def _refuse(self, problems: list[str]) -> None:
        """Keep the last good version, say why in the terminal and on top of every page.

        Returning normally (not raising) lets the server reload the browser, which then shows
        the messages; MkDocs' own way would leave the browser waiting for a good build.
        """
        self.problems = problems
        log.error("\n".join(problems) + "\n\nThe preview still shows the last good version: fix the file "
                  "and save it again.")

    def banner(self) -> bytes:
        """The problems of the last save, as a box shown at the top of every previewed page."""
        problems = self.problems + refused_saves()
        if not problems:
            return b""
        import html

        items = "".join(f"<li>{html.escape(p)}</li>" for p in problems)
        return ('<div role="alert" style="position:sticky;top:0;z-index:1000;margin:0;padding:1em 1.5em;'
                'background:#fff0f0;color:#7a0000;border-bottom:3px solid #c00;font:15px/1.45 sans-serif">'
                "<strong>The preview is not up to date.</strong> Fix these problems and save the file "
                "again (the page then reloads by itself):"
                f'<ul style="margin:.5em 0 0;padding-left:1.2em;font-family:monospace">{items}</ul></div>'
                ).encode()

    def _complete(self) -> None:
        import multiprocessing
        import time

        fork = multiprocessing.get_context("fork")
        while True:
            self.full_wanted.wait()
            self.full_wanted.clear()
            generation = self.generation
            out = self._new_dir()
            start = time.perf_counter()
            self.child = fork.Process(target=_full_build_child, args=(self.config_file, out, self.serve_url),
                                      daemon=True)
            self.child.start()
            self.child.join()
            with self.lock:
                if self.child.exitcode == 0 and generation == self.generation:
                    self._swap(out)
                    log.info(f"Preview updated (all languages) in {time.perf_counter() - start:.2f} s")
                else:
                    shutil.rmtree(out, ignore_errors=True)

    def close(self) -> None:
        child = self.child
        if child is not None and child.is_alive():
            child.kill()
        shutil.rmtree(self.base, ignore_errors=True)


def refused_saves() -> list[str]:
    """What the editor's save gate refused last (`cpsites edit` names the file): those files were not
    written, so the preview shows the last good version and says why."""
    import json

    file = os.environ.get("CPSITES_SAVE_REFUSED")
    try:
        return [str(m) for m in json.loads(Path(file).read_text("utf-8"))] if file else []
    except (OSError, ValueError, TypeError):
        return []


def _changes_observer():
    """A watchdog observer on inotify that reports only changes to files.

    inotify also reports files being opened and read; MkDocs' handler rebuilds on any event, so
    each build, reading the files, would start the next one.
    """
    from watchdog import events
    from watchdog.observers import Observer

    changes = [events.FileCreatedEvent, events.FileModifiedEvent, events.FileDeletedEvent,
               events.FileMovedEvent, events.FileClosedEvent]

    class ChangesObserver(Observer):
        def schedule(self, event_handler, path, *, recursive=False, event_filter=None):
            return super().schedule(event_handler, path, recursive=recursive, event_filter=changes)

    return ChangesObserver()


def serve(config_file: Path, watch: list[Path], problems_of, host: str = "127.0.0.1", port: int = 8000,
          open_browser: bool = False, prepare=None) -> None:
    """Serve until Ctrl+C. `problems_of()` returns the content errors to refuse a rebuild with;
    `prepare()` runs before every build (the print road: the newspaper editions the site links)."""
    from cpsites.mkdocs_server import preview_server

    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(message)s"))
    handler.addFilter(_Quiet())
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    _TemplateCache().install()

    from mkdocs.config import load_config

    first = load_config(config_file=str(config_file), strict=False)
    mount_path = urlsplit(first.site_url or "/").path or "/"
    if not mount_path.endswith("/"):
        mount_path += "/"
    preview = Preview(config_file, f"http://{host}:{port}{mount_path}", problems_of, prepare)

    def on_request(path: str) -> None:
        # remember which language the reader looks at: it is built first after a save
        if path.startswith(mount_path) and (path.endswith("/") or path.endswith(".html")):
            first_part = path[len(mount_path):].split("/", 1)[0]
            preview.active = first_part if first_part in LANGS else DEFAULT_LANG

    def with_banner(content: bytes) -> bytes:
        banner = preview.banner()
        if banner and b"<body" in content:
            start = content.index(b">", content.index(b"<body")) + 1
            content = content[:start] + banner + content[start:]
        return content

    def error_page(code: int) -> bytes | None:
        page = preview.root / f"{code}.html"
        return page.read_bytes() if code in (404, 500) and page.is_file() else None

    try:  # MkDocs polls the files every 0.5 s; the kernel's notifications (inotify) come at once
        observer = _changes_observer()
    except Exception:  # noqa: BLE001 - keep MkDocs' polling where notifications are unavailable
        observer = None
    server = preview_server(on_request=on_request, decorate=with_banner, error_page=error_page, observer=observer,
                            builder=preview.quick, host=host, port=port, root=str(preview.root), mount_path=mount_path)
    try:
        try:
            preview.build_all_now()  # everything, before the first page is served
        except Exception as exc:  # noqa: BLE001 - MkDocs' and the plugin's errors, in plain words
            import sys

            print(f"{exc}".removeprefix("PluginError: "), file=sys.stderr)
            sys.exit(2)
        server.watch(first.docs_dir)
        server.watch(str(config_file))
        for path in watch:
            server.watch(str(path))
        if os.environ.get("CPSITES_SAVE_REFUSED"):  # a refused save reloads the page with the reason
            server.watch(os.environ["CPSITES_SAVE_REFUSED"])
        for theme_dir in first.theme.dirs[:1]:  # our overrides/, not Material's installed files
            server.watch(theme_dir)
        try:
            server.serve(open_in_browser=open_browser)
        except KeyboardInterrupt:
            log.info("Stopped.")
        finally:
            server.shutdown()
    finally:
        preview.close()


def preview_url(config_file: Path, host: str, port: int) -> str:
    """Where the preview is: the path of site_url (e.g. /mingachevir/) on the local server."""
    import yaml

    site_url = ""
    for line in config_file.read_text("utf-8").splitlines():
        if line.startswith("site_url:"):
            site_url = yaml.safe_load(line.split(":", 1)[1]) or ""
    path = urlsplit(site_url).path or "/"
    return f"http://{host}:{port}{path if path.endswith('/') else path + '/'}"
