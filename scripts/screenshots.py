"""Screenshots of built pages with the Debian Chromium, for looking at what readers see.

    .venv/bin/python scripts/screenshots.py [--site site] [--out /tmp/shots] PATH ...

Each PATH (e.g. mingachevir/ru/news/) is shot at 390 px and 1280 px wide. Serves site/ on
127.0.0.1 for the duration; no other host is contacted.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import shutil
import subprocess
import tempfile
import threading
from pathlib import Path

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars"]


def serve(root: Path) -> tuple[http.server.ThreadingHTTPServer, int]:
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(root))
    handler.log_message = lambda *a, **k: None  # type: ignore[assignment]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, server.server_address[1]


def shoot(url: str, png: Path, width: int, height: int) -> None:
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([chromium, *FLAGS, f"--user-data-dir={profile}", f"--window-size={width},{height}",
                        f"--screenshot={png}", url], check=True, capture_output=True, timeout=120)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--site", type=Path, default=Path("site"))
    ap.add_argument("--out", type=Path, default=Path("/tmp/shots"))
    ap.add_argument("--height", type=int, default=2200)
    ap.add_argument("--widths", default="390,1280")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    server, port = serve(args.site)
    try:
        for path in args.paths:
            for width in (int(w) for w in args.widths.split(",")):
                name = (path.strip("/").replace("/", "_") or "portal") + f"-{width}.png"
                shoot(f"http://127.0.0.1:{port}/{path.lstrip('/')}", args.out / name, width, args.height)
                print(args.out / name)
    finally:
        server.shutdown()


if __name__ == "__main__":
    main()
