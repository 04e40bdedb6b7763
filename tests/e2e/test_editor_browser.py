"""`cpsites edit` used as a press officer would: Decap CMS in the Debian Chromium, on a copy of a
department (Tartar, one of the smallest: the preview's first build is most of this test's time) in a
git repository. A post that `check` refuses, then a news post in three languages with a picture,
then an officer's phone; the files, the commit, `cpsites check` and the live preview are asserted,
and that nothing leaves or listens beyond 127.0.0.1.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.request import urlopen

import pytest
import yaml
from PIL import Image

from tests.conftest import REPO, copy_project, run_cpsites

DECAP = REPO / "cpsites" / "editor" / "npm" / "node_modules" / "decap-cms" / "dist" / "decap-cms.js"
DEPT = "tartar"
PORT = 18470
EDITOR, PREVIEW, BACKEND = (f"http://127.0.0.1:{PORT + i}" for i in range(3))
NEWS = Path("sites") / DEPT / "docs" / "news"
ALT = {"az": "Məktəbin yanında piyada keçidi", "ru": "Пешеходный переход у школы", "en": "A crossing by the school"}
GIT = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.invalid"]


def wait_for(url: str, seconds: float = 60) -> None:
    end = time.monotonic() + seconds
    while True:
        try:
            with urlopen(url, timeout=2):
                return
        except OSError:
            if time.monotonic() > end:
                raise
            time.sleep(0.3)


def other_addresses() -> list[str]:
    out = subprocess.run(["hostname", "-I"], capture_output=True, text=True).stdout.split()
    return [a for a in out if ":" not in a and not a.startswith("127.")]


@pytest.fixture(scope="module")
def editor(tmp_path_factory):
    if not DECAP.is_file() or not shutil.which("node"):
        pytest.skip("Decap CMS is not installed (make editor) or Node.js is missing")
    proj = copy_project(tmp_path_factory.mktemp("editor") / "proj", (DEPT,))
    (proj / ".gitignore").write_text(".cache/\n")
    subprocess.run(["git", "init", "-q"], cwd=proj, check=True)
    subprocess.run(["git", "add", "-A"], cwd=proj, check=True)
    subprocess.run([*GIT, "commit", "-qm", "start"], cwd=proj, check=True)
    env = {**os.environ, "PYTHONPATH": str(REPO), "NO_MKDOCS_2_WARNING": "1", "CPSITES_NOW": "2026-11-23 12:00",
           "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.invalid",
           "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.invalid"}
    proc = subprocess.Popen([sys.executable, "-m", "cpsites.cli", "edit", "--dept", DEPT, "--port", str(PORT)],
                            cwd=proj, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        wait_for(EDITOR + "/")
        wait_for(f"{PREVIEW}/{DEPT}/", 120)
        yield proj, proc
    finally:
        proc.send_signal(signal.SIGINT)
        out, _ = proc.communicate(timeout=30)
        print(out)


@pytest.fixture(scope="module")
def page(editor, chromium):
    context = chromium.new_context(viewport={"width": 1400, "height": 1000})
    pg = context.new_page()
    pg.requests = []
    pg.on("request", lambda r: pg.requests.append(r.url))
    pg.on("dialog", lambda d: d.accept())  # "leave the unsaved entry?" after a refused save: yes
    pg.goto(EDITOR + "/")
    pg.get_by_role("button", name="Daxil ol").click()
    pg.get_by_text("Bölmələr").wait_for()
    yield pg
    context.close()


def commits(proj: Path) -> int:
    return int(subprocess.run(["git", "rev-list", "--count", "HEAD"], cwd=proj, capture_output=True,
                              text=True).stdout)


def publish(pg, proj: Path) -> None:
    """Publish as a press officer does and wait for decap-server's commit."""
    before = commits(proj)
    pg.get_by_role("button", name="Dərc et").click()
    pg.get_by_text("İndi dərc et").click()
    end = time.monotonic() + 20
    while commits(proj) == before:
        if time.monotonic() > end:
            errors = pg.locator("ul[class*=ControlErrorsList] li").all_inner_texts()
            assert not errors, f"the editor refused: {errors}"
        assert time.monotonic() < end, "publishing made no commit"
        time.sleep(0.2)


TEXTS = {"az": ("Məktəb yanında yol təhlükəsizliyi dərsi", "Şagirdlər piyada keçidini öyrəndilər."),
         "ru": ("Урок безопасности у школы", "Школьники изучили пешеходный переход."),
         "en": ("Road safety lesson at the school", "Pupils learnt how to use the crossing.")}


def fill_post(pg, picture: Path, alts: dict[str, str]) -> None:
    """A new post in the form: az on the left, the right pane switched between ru and en."""
    pg.goto(EDITOR + "/#/collections/news/new")
    pg.get_by_label("Başlıq").first.wait_for()
    for lang in ("az", "ru", "en"):
        side = 0 if lang == "az" else 1
        if lang != "az" and not pg.get_by_role("button", name=f"Dil: {lang.upper()}").is_visible():
            pg.get_by_role("button", name="Dil: RU" if lang == "en" else "Dil: EN").click()
            pg.get_by_role("menuitem", name=lang.upper()).click()
        pg.get_by_label("Başlıq").nth(side).fill(TEXTS[lang][0])
        pg.get_by_label("Qısa məzmun").nth(side).fill(TEXTS[lang][1])
        if alts.get(lang):
            pg.get_by_label("Şəklin təsviri").nth(side).fill(alts[lang])
        body = pg.locator("[data-slate-editor=true]").nth(side)
        body.click()
        body.type(TEXTS[lang][1] + " " + {"az": "Dərs bir saat çəkdi.", "ru": "Урок длился час.", "en": "It took an hour."}[lang])
    pg.get_by_label("Tarix").first.fill("2026-11-20")
    pg.get_by_text("Şəkil seçin").first.click()
    pg.locator("input[type=file]").set_input_files(str(picture))
    pg.get_by_role("button", name="Seçiləni götür").click()


def test_news_post_in_three_languages(editor, page, tmp_path):
    """First published with the picture described in Azerbaijani only: Decap lets it through,
    `check` does not. The officer sees the file and line in the editor and on the preview, and
    nothing is written or committed. Described in ru and en too, it is published."""
    proj, _ = editor
    pg = page
    texts = TEXTS
    picture = tmp_path / "Məktəb yanında.jpg"
    Image.new("RGB", (1600, 1000), (40, 110, 160)).save(picture, quality=85)
    before = commits(proj)
    fill_post(pg, picture, {"az": ALT["az"]})
    pg.get_by_role("button", name="Dərc et").click()
    pg.get_by_text("İndi dərc et").click()
    pg.get_by_text("image_alt").first.wait_for(timeout=20_000)
    shown = pg.get_by_text("image_alt").first.inner_text()
    assert f"sites/{DEPT}/docs/news/2026-11-20-mekteb" in shown and ".ru.md:" in shown, shown
    assert commits(proj) == before and not list((proj / NEWS).glob("2026-11-20-*"))
    status = subprocess.run(["git", "status", "--porcelain", "--untracked-files=all"], cwd=proj, capture_output=True,
                            text=True).stdout
    assert status == "", status
    with urlopen(f"{PREVIEW}/{DEPT}/") as r:
        home = r.read().decode()
    banner = home[home.index("<body"):].split("</ul>")[0]  # the preview's banner: the same messages
    assert "image_alt" in banner and f"sites/{DEPT}/docs/news/2026-11-20-mekteb" in banner and ".ru.md:5" in banner, banner

    # the officer describes the picture in Russian and English (the right pane shows EN now)
    pg.get_by_label("Şəklin təsviri").nth(1).fill(ALT["en"])
    pg.get_by_role("button", name="Dil: EN").click()
    pg.get_by_role("menuitem", name="RU").click()
    pg.get_by_label("Şəklin təsviri").nth(1).fill(ALT["ru"])
    publish(pg, proj)
    with urlopen(f"{PREVIEW}/{DEPT}/") as r:
        assert 'role="alert"' not in r.read().decode()  # a good save clears the banner

    news = proj / "sites" / DEPT / "docs" / "news"
    files = sorted(p.name for p in news.glob("2026-*mekteb*"))
    assert len(files) == 3, files
    slug = files[0].split(".")[0]
    assert files == [f"{slug}.az.md", f"{slug}.en.md", f"{slug}.ru.md"]
    for lang in ("az", "ru", "en"):
        text = (news / f"{slug}.{lang}.md").read_text("utf-8")
        meta = yaml.safe_load(text.split("---")[1])
        assert meta["title"] == texts[lang][0] and str(meta["date"]) == "2026-11-20"
        assert meta["image"].startswith("images/news/") and meta["image"].endswith(".jpg")
    image = proj / "sites" / DEPT / "docs" / meta["image"]
    assert image.is_file() and image.name.isascii()
    log = subprocess.run(["git", "log", "--name-only", "-1", "--format=%s"], cwd=proj, capture_output=True, text=True).stdout
    assert slug in log and f"{slug}.ru.md" in log, log
    assert run_cpsites("check", "--dept", DEPT, cwd=proj).returncode == 0
    # the live preview rebuilt: the post is on its page in every language
    end = time.monotonic() + 60
    while True:
        try:
            with urlopen(f"{PREVIEW}/{DEPT}/en/news/{slug}/") as r:
                html = r.read().decode()
            if texts["en"][0] in html:
                break
        except OSError:
            pass
        assert time.monotonic() < end, "the preview did not show the new post"
        time.sleep(0.5)


def test_officer_phone(editor, page):
    proj, _ = editor
    officer = sorted((proj / "sites" / DEPT / "officers").glob("*.yml"))[0]
    oid = officer.stem
    pg = page
    pg.goto(f"{EDITOR}/#/collections/officers")
    pg.get_by_text(yaml.safe_load(officer.read_text("utf-8"))["name"]["az"], exact=True).click()
    phone = pg.get_by_label("Telefon", exact=True)
    phone.fill("+994 24 275 09 99")
    publish(pg, proj)
    assert yaml.safe_load(officer.read_text("utf-8"))["phone"] == "+994 24 275 09 99"
    check = run_cpsites("check", "--dept", DEPT, cwd=proj)
    assert check.returncode == 0, check.stdout + check.stderr
    end = time.monotonic() + 60
    while True:
        try:
            with urlopen(f"{PREVIEW}/{DEPT}/officers/{oid}/") as r:
                html = r.read().decode()
            with urlopen(f"{PREVIEW}/{DEPT}/officers/{oid}.vcf") as r:
                vcard = r.read().decode()
            if "275 09 99" in html and "+994242750999" in vcard.replace(" ", "").replace("-", ""):
                break
        except OSError:
            pass
        assert time.monotonic() < end, "the officer's new phone did not reach the page and vCard"
        time.sleep(0.5)


def test_nothing_leaves_or_listens_beyond_loopback(editor, page):
    assert page.requests, "the browser made no request at all"
    # blob: URLs are pictures held in the page itself (the upload before it is saved)
    assert [u for u in page.requests if not u.startswith(("http://127.0.0.1:", "blob:http://127.0.0.1:", "data:"))] == []
    addresses = other_addresses()
    if not addresses:
        pytest.skip("this machine has no non-loopback address to try")
    for address in addresses:
        for port in (PORT, PORT + 1, PORT + 2, PORT + 3):
            with socket.socket() as s:
                s.settimeout(2)
                assert s.connect_ex((address, port)) != 0, f"something answers on {address}:{port}"


def test_editor_files_are_not_in_the_site(site_root):
    """Decap and the editor's page live in the package (cpsites/editor), never in a site's folders."""
    assert not list(site_root.rglob("decap-cms*")) and not list(site_root.rglob("config-*.yml"))
    assert not list(site_root.rglob("cpsites-editor.js")) and not list(site_root.rglob("refused.json"))
