"""Start the editor: decap-server (git mode), the admin page and the live preview, all on 127.0.0.1.

Four ports from `--port` up: the editor page (port), the preview (port + 1), the save gate that
checks and commits every save (port + 2, `gate.py`) and decap-server, Decap's local git backend,
which the gate asks for everything but saving (port + 3). Ctrl+C stops them all.
"""

from __future__ import annotations

import http.server
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
from functools import partial
from pathlib import Path

import yaml

from cpsites.editor.config import decap_config
from cpsites.editor.gate import Gate
from cpsites.editor.gate import handler as gate_handler
from cpsites.i18n import LANGS

HOST = "127.0.0.1"  # never another interface: the editor writes to the department's files
HERE = Path(__file__).parent
NPM = HERE / "npm"
DECAP_DIST = NPM / "node_modules" / "decap-cms" / "dist"
DECAP_SERVER = NPM / "node_modules" / "decap-server" / "dist" / "index.js"

PAGE = """<!doctype html>
<html lang="{lang}"><head><meta charset="utf-8"><title>cpsites — {dept}</title>
<link href="/config-{lang}.yml" type="text/yaml" rel="cms-config-url">
<script>window.CPSITES = {settings};</script>
</head><body>
<script>window.CMS_MANUAL_INIT = true;</script>
<script src="/decap/decap-cms.js"></script>
<script src="/static/az.js"></script>
<script src="/static/cpsites-editor.js"></script>
</body></html>
"""


class MissingInstall(RuntimeError):
    pass


# Decap cleans accents with the `diacritics` package, which leaves ə (and Ə) alone, so "Məktəb"
# would become "m-kt-b". Its one slug function is given our Latin letters first (ə→e, ı→i, ş→s, ...;
# static/cpsites-editor.js). Found by its error message, so a Decap update that moves it fails loudly.
SLUG_FUNCTION = re.compile(r'(function \w+\(e,t,n\)\{)(if\(!\w+\(\)\(e\)\)throw new Error\("The input slug must be a string\."\);)')


def patched_decap() -> bytes:
    code = (DECAP_DIST / "decap-cms.js").read_text("utf-8")
    code, found = SLUG_FUNCTION.subn(r'\1\2e=window.cpsitesLatin(e);', code, count=1)
    if not found:
        raise MissingInstall("this Decap CMS version has no slug function cpsites knows; install the "
                             "version in cpsites/editor/npm/package-lock.json with `make editor`")
    return code.encode()


def check_install() -> None:
    if not (DECAP_DIST / "decap-cms.js").is_file() or not DECAP_SERVER.is_file():
        raise MissingInstall(f"Decap CMS is not installed in {NPM}: run `make editor` "
                             f"(or `npm ci --prefix {NPM}`) once, then start the editor again.")
    if not shutil.which("node"):
        raise MissingInstall("Node.js is missing (the editor's save service runs on it): install the "
                             "Debian package nodejs, then start the editor again.")


def site_styles(preview_url: str) -> list[str]:
    """The built site's stylesheets (Material's names carry a hash), for the editor's preview pane."""
    from html.parser import HTMLParser
    from urllib.parse import urljoin
    from urllib.request import urlopen

    found: list[str] = []

    class Links(HTMLParser):
        def handle_starttag(self, tag, attrs):
            a = dict(attrs)
            if tag == "link" and a.get("rel") == "stylesheet" and a.get("href"):
                found.append(urljoin(preview_url, a["href"]))
    try:
        with urlopen(preview_url, timeout=5) as response:
            Links().feed(response.read().decode("utf-8"))
    except OSError:  # the preview is still building: the editor works, its pane is unstyled
        pass
    return found


def page_handler(dept: str, port: int, preview_url: str):
    backend = f"http://{HOST}:{port + 2}/api/v1"
    configs = {lang: yaml.safe_dump(decap_config(dept, lang, backend, preview_url), allow_unicode=True, sort_keys=False)
               for lang in LANGS}

    decap = patched_decap()

    class Handler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):  # quiet: the press officer reads the two addresses only
            pass

        def end_headers(self):
            self.send_header("Cache-Control", "no-store")
            super().end_headers()

        def _send(self, body: bytes, ctype: str) -> None:
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self):
            path = self.path.split("?", 1)[0]
            lang = path.strip("/") or "az"
            if lang in LANGS:
                settings = json.dumps({"lang": lang, "dept": dept, "preview": preview_url,
                                       "styles": site_styles(preview_url)})
                settings = settings.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
                return self._send(PAGE.format(lang=lang, dept=dept, settings=settings).encode(), "text/html; charset=utf-8")
            if path.startswith("/config-") and path.endswith(".yml") and path[8:-4] in configs:
                return self._send(configs[path[8:-4]].encode(), "text/yaml; charset=utf-8")
            if path == "/decap/decap-cms.js":
                return self._send(decap, "text/javascript")
            for prefix, folder in (("/decap/", DECAP_DIST), ("/static/", HERE / "static")):
                if path.startswith(prefix):
                    file = (folder / path[len(prefix):]).resolve()
                    if file.is_relative_to(folder.resolve()) and file.is_file():
                        ctype = {".js": "text/javascript", ".css": "text/css", ".wasm": "application/wasm"}.get(
                            file.suffix, "application/octet-stream")
                        return self._send(file.read_bytes(), ctype)
            self.send_error(404)

    return Handler


def run(repo: Path, dept: str, port: int) -> None:
    check_install()
    patched_decap()  # before anything starts
    preview_url = f"http://{HOST}:{port + 1}/{dept}/"
    # Decap talks to the save gate (port + 2), which checks and commits saves and passes reading on
    # to decap-server (port + 3)
    gate = Gate(repo, dept, rejected_file=Gate.cache_of(repo) / "refused.json")
    gate._rejected([])
    env = dict(os.environ, PORT=str(port + 3), BIND_HOST=HOST, MODE="git", GIT_REPO_DIRECTORY=str(repo),
               ORIGIN=f"http://{HOST}:{port}", LOG_LEVEL="warn")
    # Ctrl+C reaches the children too; started in the background, they would ignore it
    interruptible = partial(signal.signal, signal.SIGINT, signal.SIG_DFL)
    children = [
        subprocess.Popen(["node", str(DECAP_SERVER)], env=env, cwd=repo, preexec_fn=interruptible),
        subprocess.Popen([sys.executable, "-m", "cpsites.cli", "serve", "--dept", dept, "--port", str(port + 1)],
                         cwd=repo, preexec_fn=interruptible,
                         env=dict(os.environ, CPSITES_SAVE_REFUSED=str(gate.rejected_file))),
    ]
    server = http.server.ThreadingHTTPServer((HOST, port), page_handler(dept, port, preview_url))
    saving = http.server.ThreadingHTTPServer((HOST, port + 2), gate_handler(gate, f"http://{HOST}:{port + 3}"))
    print(f"Editor:  http://{HOST}:{port}/   (Русский: /ru/, English: /en/)\n"
          f"Preview: {preview_url}\n"
          "Every save is a git commit. Stop with Ctrl+C.", flush=True)
    for s in (server, saving):
        threading.Thread(target=s.serve_forever, daemon=True).start()
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        while not stop.is_set() and all(c.poll() is None for c in children):
            stop.wait(0.5)
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
        saving.shutdown()
        for c in children:
            if c.poll() is None:
                c.send_signal(signal.SIGINT)
        for c in children:
            try:
                c.wait(timeout=10)
            except subprocess.TimeoutExpired:
                c.kill()
        print("Stopped.", flush=True)
