"""MkDocs' server internals the preview extends (cpsites/mkdocs_server.py)."""

from __future__ import annotations

from cpsites import mkdocs_server
from tests.conftest import REPO


def test_the_installed_mkdocs_server_is_the_one_tested():
    assert mkdocs_server.compatible() == []
    major, minor = mkdocs_server.TESTED.split(".")
    assert f'"mkdocs>={major}.{minor},<{major}.{int(minor) + 1}"' in (REPO / "pyproject.toml").read_text("utf-8")


def test_the_preview_server_sees_requests_and_decorates_pages(tmp_path):
    from urllib.request import urlopen

    (tmp_path / "index.html").write_text("<html><body><p>x</p></body></html>")
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    seen: list[str] = []
    server = mkdocs_server.preview_server(
        on_request=seen.append, decorate=lambda html: html.replace(b"<p>", b"<p class=ok>"),
        error_page=lambda code: b"nothing here" if code == 404 else None,
        builder=lambda: None, host="127.0.0.1", port=port, root=str(tmp_path), mount_path="/")
    import threading

    server.watch(str(tmp_path))
    thread = threading.Thread(target=server.serve, daemon=True)
    thread.start()
    try:
        import time

        for _ in range(100):
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.05)
        with urlopen(f"http://127.0.0.1:{port}/") as r:
            assert b"<p class=ok>" in r.read()
        try:
            urlopen(f"http://127.0.0.1:{port}/missing")
        except Exception as exc:  # noqa: BLE001 - 404
            assert b"nothing here" in exc.read()
        assert "/" in seen and "/missing" in seen
    finally:
        server.shutdown()
