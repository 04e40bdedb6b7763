"""The editor's save gate over HTTP, as Decap calls it: good saves are written and committed (only
their files), bad ones are refused with `check`'s file:line message and leave nothing behind.

No browser here: Decap's requests are sent as Decap sends them (action, params). The browser test
(tests/e2e/test_editor_browser.py) drives the whole editor.
"""

from __future__ import annotations

import base64
import http.server
import io
import json
import shutil
import subprocess
import threading
from pathlib import Path
from urllib.error import HTTPError
from urllib.request import Request, urlopen

import pytest
from PIL import Image

from cpsites.editor.gate import Gate, handler
from tests.conftest import REPO, run_cpsites

DEPT = "tartar"
GIT = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.invalid"]
NEWS = f"sites/{DEPT}/docs/news"


@pytest.fixture
def project(tmp_path):
    proj = tmp_path / "proj"
    shutil.copytree(REPO / "sites" / DEPT, proj / "sites" / DEPT)
    shutil.copy(REPO / "mkdocs.yml", proj / "mkdocs.yml")
    (proj / ".gitignore").write_text(".cache/\n")
    subprocess.run(["git", "init", "-q"], cwd=proj, check=True)
    subprocess.run(["git", "add", "-A"], cwd=proj, check=True)
    subprocess.run([*GIT, "commit", "-qm", "start"], cwd=proj, check=True)
    return proj


@pytest.fixture
def gate(project, monkeypatch, tmp_path):
    monkeypatch.setenv("GIT_AUTHOR_NAME", "Test")
    monkeypatch.setenv("GIT_AUTHOR_EMAIL", "test@example.invalid")
    monkeypatch.setenv("GIT_COMMITTER_NAME", "Test")
    monkeypatch.setenv("GIT_COMMITTER_EMAIL", "test@example.invalid")
    monkeypatch.setenv("CPSITES_NOW", "2026-11-23 12:00")
    g = Gate(project, DEPT, rejected_file=tmp_path / "refused.json")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler(g, "http://127.0.0.1:9"))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/api/v1"

    def call(action: str, params: dict) -> tuple[int, dict]:
        request = Request(url, data=json.dumps({"action": action, "params": params}).encode(), method="POST",
                          headers={"Content-Type": "application/json"})
        try:
            with urlopen(request) as r:
                return r.status, json.loads(r.read())
        except HTTPError as exc:
            return exc.code, json.loads(exc.read())

    call.gate = g
    yield call
    server.shutdown()


def post(title: str = "Məktəbdə yol təhlükəsizliyi dərsi", date: str = "2026-11-20", image: str = "",
         alt: str = "Məktəbin yanında piyada keçidi") -> dict[str, str]:
    picture = f"image: {image}\nimage_alt: {alt}\n" if image else ""
    return {lang: f"---\ntitle: {title if lang == 'az' else {'ru': 'Урок', 'en': 'A lesson'}[lang]}\n"
                  f"date: {date}\nsummary: Şagirdlər piyada keçidini öyrəndilər.\n{picture}---\n\nMətn.\n"
            for lang in ("az", "ru", "en")}


def persist(call, texts: dict[str, str], slug: str = "2026-11-20-mekteb", assets=(), new=True) -> tuple[int, dict]:
    files = [{"slug": slug, "path": f"{NEWS}/{slug}.{lang}.md", "raw": raw} for lang, raw in texts.items()]
    return call("persistEntry", {"branch": "main", "dataFiles": files, "assets": list(assets),
                                 "options": {"commitMessage": f"Create News “{slug}”", "collectionName": "news",
                                             "newEntry": new}})


def jpeg(size=(1200, 800)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (40, 110, 160)).save(out, "JPEG", quality=85)
    return out.getvalue()


def asset(name: str, data: bytes) -> dict:
    return {"path": f"sites/{DEPT}/docs/images/news/{name}", "content": base64.b64encode(data).decode(),
            "encoding": "base64"}


def log(proj: Path) -> list[str]:
    return subprocess.run(["git", "log", "--format=%s"], cwd=proj, capture_output=True, text=True).stdout.splitlines()


def committed(proj: Path) -> list[str]:
    return subprocess.run(["git", "show", "--name-only", "--format=", "HEAD"], cwd=proj, capture_output=True,
                          text=True).stdout.split()


def dirty(proj: Path) -> str:
    return subprocess.run(["git", "status", "--porcelain", "--untracked-files=all"], cwd=proj, capture_output=True,
                          text=True).stdout


def test_a_good_post_is_written_and_only_its_files_committed(project, gate):
    (project / "sites" / DEPT / "department.yml").open("a").write("# a press officer's unsaved edit\n")
    status, answer = persist(gate, post(image="images/news/mekteb.jpg"), assets=[asset("mekteb.jpg", jpeg())])
    assert status == 200, answer
    assert log(project)[0] == "Create News “2026-11-20-mekteb”"
    assert sorted(committed(project)) == sorted([f"{NEWS}/2026-11-20-mekteb.{lang}.md" for lang in ("az", "en", "ru")]
                                                + [f"sites/{DEPT}/docs/images/news/mekteb.jpg"])
    # the hand edit elsewhere was not swept into the commit
    assert dirty(project).split() == ["M", f"sites/{DEPT}/department.yml"]
    check = run_cpsites("check", "--dept", DEPT, cwd=project)
    assert check.returncode == 0, check.stdout + check.stderr


@pytest.mark.parametrize("texts, assets, expected", [
    (post(title="''"), [], r"\.az\.md:2: .*title"),
    (post(date="20.11.2026"), [], r"\.az\.md:3: .*date"),
    (post(image="images/news/mekteb.jpg", alt="''"), [("mekteb.jpg", jpeg())], r"\.md:\d+: .*image_alt"),
    (post(image="images/news/zay.jpg"), [("zay.jpg", jpeg()[:400])], r"images/news/zay\.jpg: .*(damaged|truncated|broken)"),
    (post(image="images/news/boyuk.jpg"), [("boyuk.jpg", b"\xff\xd8\xff" + b"0" * 51_000_000)], r"boyuk\.jpg: this picture is 51 MB"),
], ids=["empty title", "date in the wrong form", "picture without alt text", "damaged picture", "50 MB picture"])
def test_bad_saves_are_refused_and_leave_nothing(project, gate, texts, assets, expected, tmp_path):
    import re

    before = log(project)
    status, answer = persist(gate, texts, assets=[asset(n, d) for n, d in assets])
    assert status == 422, answer
    assert re.search(rf"sites/{DEPT}/.*{expected}", answer["error"], re.I), answer["error"]
    assert log(project) == before and dirty(project) == ""
    # the preview is told why (its banner), and a good save clears it
    assert answer["error"].startswith("Nothing was saved. Fix this and publish again:\n")
    assert json.loads((tmp_path / "refused.json").read_text("utf-8")) == answer["error"].split("\n")[1:]
    assert persist(gate, post())[0] == 200
    assert json.loads((tmp_path / "refused.json").read_text("utf-8")) == []


def test_two_posts_with_the_same_slug(project, gate):
    assert persist(gate, post())[0] == 200
    first = (project / NEWS / "2026-11-20-mekteb.az.md").read_text("utf-8")
    status, answer = persist(gate, post(title="Başqa xəbər"))
    assert status == 409 and f"{NEWS}/2026-11-20-mekteb.az.md: a file with this name exists already" in answer["error"]
    assert (project / NEWS / "2026-11-20-mekteb.az.md").read_text("utf-8") == first and dirty(project) == ""
    # changing the existing post is a save like any other
    assert persist(gate, post(title="Məktəbdə dərs (yeniləndi)"), new=False)[0] == 200
    assert "yeniləndi" in (project / NEWS / "2026-11-20-mekteb.az.md").read_text("utf-8")


def test_only_files_of_the_department(project, gate):
    for path in ("mkdocs.yml", f"sites/{DEPT}/../../x.md", "sites/ganja/docs/news/x.az.md", f"sites/{DEPT}/.git/config"):
        status, answer = gate("persistEntry", {"dataFiles": [{"slug": "x", "path": path, "raw": "x"}], "assets": [],
                                               "options": {"commitMessage": "x"}})
        assert status == 403 and f"sites/{DEPT}/" in answer["error"], (path, answer)
    assert dirty(project) == ""


def test_an_old_mistake_elsewhere_does_not_block_saving(project, gate):
    broken = sorted((project / NEWS).glob("*.az.md"))[0]
    text = broken.read_text("utf-8")
    broken.write_text(text.replace("date: " + text.split("date: ")[1].split()[0], "date: sentyabr"), "utf-8")
    assert run_cpsites("check", "--dept", DEPT, cwd=project).returncode == 2
    status, answer = persist(gate, post())
    assert status == 200, answer
    assert f"{NEWS}/{broken.name}" not in committed(project)


def test_media_upload_and_delete(project, gate):
    status, answer = gate("persistMedia", {"asset": asset("yeni.jpg", jpeg()), "options": {"commitMessage": "Upload “yeni.jpg”"}})
    assert status == 200 and answer["name"] == "yeni.jpg" and answer["path"].endswith("images/news/yeni.jpg")
    assert log(project)[0] == "Upload “yeni.jpg”"
    status, _ = gate("deleteFile", {"path": f"sites/{DEPT}/docs/images/news/yeni.jpg", "options": {"commitMessage": "Delete “yeni.jpg”"}})
    assert status == 200 and not (project / "sites" / DEPT / "docs/images/news/yeni.jpg").exists()
    assert log(project)[0] == "Delete “yeni.jpg”" and dirty(project) == ""
