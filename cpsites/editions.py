"""Newspaper editions: the contract between the print road, which renders them, and the web road,
which publishes them.

An edition (one issue in one language: screen PDF, print PDF, cover thumbnail) is stored in
<cache>/paper/editions/<key>/, where the key is a hash of everything the PDFs are made from: the
issue file, its stories and photos, department.yml, the boxes' content folders, the print road's
code, templates and fonts, and the WeasyPrint version. The print road (cpsites/print/build.py)
renders what is missing and writes a manifest per department, <cache>/paper/editions/<slug>.json.
The web road (cpsites/web/newspaper.py) only reads that manifest: an edition missing from it, or
made from other content than the site being built, is a clear error, never a render inside MkDocs.

Neither road is imported here: the print road's files are hashed by path.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
from pathlib import Path

from cpsites.content.newspaper import Issue
from cpsites.errors import ContentError, Problem, display_path
from cpsites.project import cache_dir

PACKAGE = Path(__file__).parent
PRINT_DIR = PACKAGE / "print"
CODE_FILES = [PACKAGE / "content" / "newspaper.py", PACKAGE / "i18n.py", *sorted((PACKAGE / "locales").glob("*.yml"))]
BOX_FOLDERS = ("officers", "tv", "events")  # content the boxes read
KINDS = ("screen", "print", "cover")


def cache_root(repo: Path) -> Path:
    return cache_dir(repo) / "paper"


def hash_files(h: "hashlib._Hash", paths) -> None:
    for p in sorted(set(paths)):
        p = Path(p)
        h.update(str(p.name).encode())
        if p.is_file():
            h.update(hashlib.sha256(p.read_bytes()).digest())


@functools.lru_cache(maxsize=1)  # the code does not change while a process runs
def code_digest() -> bytes:
    from importlib.metadata import version  # not `import weasyprint`: 0.6 s for a version string

    h = hashlib.sha256(version("weasyprint").encode())
    files = [p for p in PRINT_DIR.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    hash_files(h, files + CODE_FILES)
    return h.digest()


def edition_key(site, issue: Issue, lang: str, grayscale: bool | None = None) -> str:
    h = hashlib.sha256(code_digest())
    h.update(repr((issue.id, lang, grayscale)).encode())
    paths = [issue.path, Path(site.root) / "department.yml", Path(site.root) / "mkdocs.yml"]  # its site_url: the QR code
    for story in issue.stories:
        for text in story.texts.values():
            paths.append(text.path)
            if text.image is not None:
                paths.append(text.image)
    for folder in BOX_FOLDERS:
        d = Path(site.root) / folder
        if d.is_dir() and any(b.box in BOX_FOLDERS for b, _ in issue.boxes):
            paths += [p for p in d.rglob("*") if p.is_file()]
    hash_files(h, paths)
    return h.hexdigest()[:32]


def file_names(issue_id: str, lang: str) -> dict[str, str]:
    stem = f"{issue_id}-{lang}"
    return {"screen": f"{stem}-screen.pdf", "print": f"{stem}-print.pdf", "cover": f"{stem}-cover.jpg"}


def manifest_path(site_root: Path) -> Path:
    """One per department folder: two copies of a project may share a cache (the tests do)."""
    root = Path(site_root).resolve()
    where = hashlib.sha256(str(root).encode()).hexdigest()[:12]
    return cache_root(root.parent.parent) / "editions" / f"{root.name}-{where}.json"


def write_manifest(site_root: Path, editions: list[tuple[str, str, str]], keep_others: bool = False) -> None:
    """The print road's record of a department's editions: (issue id, language, key) each.
    `keep_others`: one issue was rendered (`cpsites paper`), the others stay as recorded."""
    target = manifest_path(site_root)
    slug = Path(site_root).name
    target.parent.mkdir(parents=True, exist_ok=True)
    entries = [{"issue": issue_id, "lang": lang, "key": key} for issue_id, lang, key in editions]
    if keep_others and target.is_file():
        mine = {(e["issue"], e["lang"]) for e in entries}
        try:
            old = json.loads(target.read_text("utf-8"))["editions"]
        except (OSError, ValueError, KeyError):
            old = []
        entries = [e for e in old if (e.get("issue"), e.get("lang")) not in mine] + entries
    part = target.with_name(f"{target.name}.{os.getpid()}.part")
    part.write_text(json.dumps({"slug": slug, "editions": entries}, indent=1), "utf-8")
    os.replace(part, target)  # readers see the old manifest or the new one, never half


def published_editions(site) -> dict[tuple[str, str], dict[str, Path]]:
    """For the web road: (issue id, language) -> its files, for every issue of the site in every
    language. Raises ContentError naming the issue file when an edition was not rendered for the
    content being built (plain `mkdocs build` renders no newspaper)."""
    path = manifest_path(site.root)
    try:
        recorded = {(e["issue"], e["lang"]): e["key"] for e in json.loads(path.read_text("utf-8"))["editions"]}
    except (OSError, ValueError, KeyError, TypeError):
        recorded = {}
    found: dict[tuple[str, str], dict[str, Path]] = {}
    problems: list[Problem] = []
    for issue in site.issues:
        for lang in issue.languages:
            key = recorded.get((issue.id, lang))
            folder = cache_root(Path(site.root).resolve().parent.parent) / "editions" / str(key)
            files = {kind: folder / name for kind, name in file_names(issue.id, lang).items()}
            why = ("is not rendered" if key is None else
                   "was rendered from other content" if key != edition_key(site, issue, lang) else
                   "is missing from the cache" if not all(f.is_file() for f in files.values()) else None)
            if why:
                problems.append(Problem(display_path(issue.path), 0, f"the {lang} edition of this issue {why}: "
                                        f"`cpsites build` renders it (or `cpsites paper --dept {site.slug} "
                                        f"--issue {issue.id}`); plain `mkdocs build` does not"))
                continue
            found[(issue.id, lang)] = files
    if problems:
        raise ContentError(problems)
    return found
