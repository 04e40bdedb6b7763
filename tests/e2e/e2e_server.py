"""A small static web server for browser tests that behaves like the production nginx setup.

What it does, and why (see the README, "Serving the sites"):
- serves `X.gz` / `X.br` written by the build (cpsites/web/compress.py) with Content-Encoding
  when the browser accepts it, like nginx `gzip_static on;` / `brotli_static on;`;
- answers conditional requests (ETag, Last-Modified -> 304) like nginx does by default;
- sends `Cache-Control: max-age=3600` under `assets/`, like the README's `expires 1h;`;
- serves the nearest `404.html` with status 404 for a missing page;
- sends the sites' security headers and Content-Security-Policy (cpsites/web/headers.py), so
  every browser test runs under the policy and a violation shows as a console error;
- counts the bytes it writes per request, so tests can assert what a page view transfers.
Only for 127.0.0.1; no directory listings, no writes.
"""

from __future__ import annotations

import email.utils
import mimetypes
import os
import posixpath
import threading
import urllib.parse
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from cpsites.web.headers import headers_for

ASSET_MAX_AGE = 3600
EXTRA_TYPES = {".webmanifest": "application/manifest+json", ".ics": "text/calendar; charset=utf-8",
               ".xml": "application/xml", ".json": "application/json", ".js": "text/javascript",
               ".svg": "image/svg+xml", ".webp": "image/webp", ".avif": "image/avif"}


@dataclass
class Hit:
    """One answered request: what was asked, the status, the encoding used and bytes on the wire."""
    path: str
    status: int
    encoding: str
    wire_bytes: int


class _CountingWriter:
    def __init__(self, raw, hit_bytes: list[int]):
        self.raw = raw
        self.hit_bytes = hit_bytes

    def write(self, data: bytes) -> int:
        self.hit_bytes[0] += len(data)
        return self.raw.write(data)

    def flush(self) -> None:
        self.raw.flush()

    def __getattr__(self, name):
        return getattr(self.raw, name)


class _Handler(BaseHTTPRequestHandler):
    server: "SiteServer"
    protocol_version = "HTTP/1.1"

    def setup(self) -> None:
        super().setup()
        self._bytes = [0]
        self.wfile = _CountingWriter(self.wfile, self._bytes)

    def log_message(self, fmt: str, *args) -> None:  # quiet: tests read self.server.hits
        pass

    def do_HEAD(self) -> None:
        self._serve(head=True)

    def do_GET(self) -> None:
        self._serve(head=False)

    def _serve(self, head: bool) -> None:
        self._bytes[0] = 0
        status, encoding = self._respond(head)
        self.wfile.flush()
        self.server.record(Hit(self.path, status, encoding, self._bytes[0]))

    def _respond(self, head: bool) -> tuple[int, str]:
        url_path = urllib.parse.urlsplit(self.path).path
        if url_path.startswith("/__e2e__/") and url_path[len("/__e2e__/"):] in self.server.tools:
            body = self.server.tools[url_path[len("/__e2e__/"):]].read_bytes()
            return self._send_bytes(200, body, "text/javascript; charset=utf-8", head), ""
        rel = posixpath.normpath(urllib.parse.unquote(url_path)).lstrip("/")
        if rel.startswith("..") or "\x00" in rel:
            return self._send_bytes(400, b"bad path", "text/plain", head), ""
        target = (self.server.root / rel) if rel not in ("", ".") else self.server.root
        if target.is_dir():
            if not url_path.endswith("/"):
                self.send_response(301)
                self.send_header("Location", url_path + "/")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return 301, ""
            target = target / "index.html"
        if not target.is_file():
            page = self._nearest_404(target)
            body = page.read_bytes() if page else b"not found"
            return self._send_bytes(404, body, "text/html; charset=utf-8", head), ""
        return self._send_file(target, head)

    def _nearest_404(self, target: Path) -> Path | None:
        folder = target.parent
        while True:
            if (folder / "404.html").is_file():
                return folder / "404.html"
            if folder == self.server.root or self.server.root not in folder.parents:
                return None
            folder = folder.parent

    def _content_type(self, path: Path) -> str:
        ctype = EXTRA_TYPES.get(path.suffix) or mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        if ctype.startswith("text/") or ctype in ("application/json", "application/xml", "image/svg+xml"):
            if "charset" not in ctype:
                ctype += "; charset=utf-8"
        return ctype

    def end_headers(self) -> None:
        for name, value in headers_for(urllib.parse.urlsplit(self.path).path).items():
            self.send_header(name, value)
        super().end_headers()

    def _send_file(self, path: Path, head: bool) -> tuple[int, str]:
        accepted = {p.split(";")[0].strip() for p in self.headers.get("Accept-Encoding", "").split(",")}
        body_path, encoding = path, ""
        if self.server.precompressed:
            for enc, suffix in (("br", ".br"), ("gzip", ".gz")):
                candidate = path.with_name(path.name + suffix)
                if enc in accepted and enc in self.server.encodings and candidate.is_file():
                    body_path, encoding = candidate, enc
                    break
        stat = body_path.stat()
        etag = '"%x-%x"' % (int(stat.st_mtime), stat.st_size)
        last_modified = email.utils.formatdate(stat.st_mtime, usegmt=True)
        fresh = self.headers.get("If-None-Match") == etag or (
            "If-None-Match" not in self.headers and self.headers.get("If-Modified-Since") == last_modified)
        self.send_response(304 if fresh else 200)
        self.send_header("Content-Type", self._content_type(path))
        self.send_header("ETag", etag)
        self.send_header("Last-Modified", last_modified)
        if encoding:
            self.send_header("Content-Encoding", encoding)
        if self.server.precompressed:
            self.send_header("Vary", "Accept-Encoding")
        rel = path.relative_to(self.server.root).as_posix()
        if "/assets/" in "/" + rel:
            self.send_header("Cache-Control", f"max-age={ASSET_MAX_AGE}")
        if fresh:
            self.send_header("Content-Length", "0")
            self.end_headers()
            return 304, encoding
        self.send_header("Content-Length", str(stat.st_size))
        self.end_headers()
        if not head:
            self.wfile.write(body_path.read_bytes())
        return 200, encoding

    def _send_bytes(self, status: int, body: bytes, ctype: str, head: bool) -> int:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if not head:
            self.wfile.write(body)
        return status


class SiteServer(ThreadingHTTPServer):
    """Serves `root` on 127.0.0.1 (a free port) in a background thread; `url` is its base URL."""

    daemon_threads = True

    def __init__(self, root: Path, precompressed: bool = True, encodings: tuple[str, ...] = ("br", "gzip"),
                 tools: dict[str, Path] | None = None):
        self.root = Path(root).resolve()
        # test tools served from the site's own origin (`/__e2e__/<name>`), so a test can load
        # them into a page under the Content-Security-Policy (no inline script is allowed)
        self.tools = dict(tools or {})
        self.precompressed = precompressed
        self.encodings = encodings  # ("gzip",): a server without the brotli module
        self.hits: list[Hit] = []
        self._lock = threading.Lock()
        super().__init__(("127.0.0.1", 0), _Handler)
        self.url = f"http://127.0.0.1:{self.server_address[1]}/"
        self._thread = threading.Thread(target=self.serve_forever, name="e2e-site-server", daemon=True)

    def record(self, hit: Hit) -> None:
        with self._lock:
            self.hits.append(hit)

    def take_hits(self) -> list[Hit]:
        """The requests answered since the last call (and forget them)."""
        with self._lock:
            hits, self.hits = self.hits, []
        return hits

    def __enter__(self) -> "SiteServer":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.shutdown()
        self.server_close()


if __name__ == "__main__":  # manual use: python tests/e2e/e2e_server.py site/
    import sys
    import time

    with SiteServer(Path(sys.argv[1] if len(sys.argv) > 1 else "site")) as srv:
        print(srv.url, flush=True)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass
    os._exit(0)
