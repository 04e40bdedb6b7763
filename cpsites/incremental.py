"""What changed since the last build, and so what must be built again (the build layer's business).

Every target of a build (the portal, each department) gets a fingerprint: a hash of everything
its pages can depend on. A target whose fingerprint equals the one recorded for the site being
replaced is not built: its previous output is linked into the new site (hard links, so it costs
no copy and the previous site stays untouched until the swap). A changed target is built whole.

What a fingerprint covers:
- every target: cpsites' own code and templates, `overrides/`, the base `mkdocs.yml`, the versions
  of the libraries that write pages, the day in Baku (events and broadcasts move from "coming" to
  "past" with it), and the environment variables that change output (pinned clock, build time);
- a department: every file in its folder (content, pictures, newspaper issues, its mkdocs.yml)
  and the time its files are stamped with (cpsites.clock.build_time: its last commit);
- the portal: its `docs/` and every department's `department.yml` and `mkdocs.yml` (the cards).

File hashes are remembered by (size, mtime, inode), so a build with nothing changed reads no file
twice; the manifest lives in the cache folder, never in `site/`.

Inside a changed department most pages come out as they were: `frames` gives what all of its pages
are drawn with, and cpsites/web/page_reuse.py links the pages whose own key is unchanged too.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from cpsites.clock import build_time, now

PACKAGE = Path(__file__).resolve().parent
# Libraries whose version can change the bytes of a page (a new Material, a new Markdown ...)
LIBRARIES = ("mkdocs", "mkdocs-material", "mkdocs-static-i18n", "pymdown-extensions", "Markdown", "babel",
             "Pillow", "nh3", "feedgen", "icalendar", "Jinja2", "weasyprint", "pypdfium2", "brotli", "zlib-ng")
ENVIRONMENT = ("CPSITES_NOW", "SOURCE_DATE_EPOCH", "CPSITES_SITE_URL")
VERSION = 1  # of this file's format


def _skip(name: str) -> bool:
    # node_modules: the editor's Decap install (350 MB, 24,000 files) writes no page
    return name.startswith(".") or name in ("__pycache__", "node_modules") or name.endswith((".pyc", "~"))


@dataclass
class Hasher:
    """sha256 of files, remembered by their stat so unchanged files are not read again."""

    known: dict[str, list] = field(default_factory=dict)   # path -> [size, mtime_ns, ino, hexdigest]
    used: dict[str, list] = field(default_factory=dict)

    def file(self, path: Path) -> str:
        key = str(path)
        return self._digest(key, os.stat(key))

    def _digest(self, key: str, st: os.stat_result) -> str:
        stamp = [st.st_size, st.st_mtime_ns, st.st_ino]
        old = self.used.get(key) or self.known.get(key)  # used: hashed already in this build
        if old and old[:3] == stamp:
            digest = old[3]
        else:
            h = hashlib.sha256()
            with open(key, "rb") as f:
                for chunk in iter(lambda: f.read(1 << 20), b""):
                    h.update(chunk)
            digest = h.hexdigest()
        self.used[key] = stamp + [digest]
        return digest

    def tree(self, root: Path, h: "hashlib._Hash", leave_out=None) -> None:
        """Names and contents of every file under root (hidden files and caches left out, and
        those whose path relative to root `leave_out` returns true for)."""
        top = os.fspath(root)
        if os.path.isfile(top):
            h.update(f"{os.path.basename(top)}\0{self.file(root)}\0".encode())
            return
        if not os.path.isdir(top):
            h.update(f"{root}\0absent\0".encode())
            return
        # plain strings and one stat a file: every build walks ~10,000 files here (pathlib took
        # three times as long, a third of a no-change build)
        for folder, dirs, files in os.walk(top):
            dirs[:] = sorted(d for d in dirs if not _skip(d))
            under = folder[len(top) + 1:] + "/" if folder != top else ""
            for name in sorted(files):
                if _skip(name):
                    continue
                path = f"{folder}/{name}"
                try:
                    st = os.stat(path)
                except OSError:
                    continue
                if not stat.S_ISREG(st.st_mode):
                    continue
                rel = under + name
                if leave_out is not None and leave_out(rel):
                    continue
                h.update(f"{rel}\0{self._digest(path, st)}\0".encode())


def _versions() -> str:
    out = []
    for name in LIBRARIES:
        try:
            out.append(f"{name}={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            out.append(f"{name}=none")
    return ",".join(out)


def _day() -> str:
    return now().date().isoformat()


def _common(repo: Path, hasher: Hasher) -> bytes:
    """What every target depends on: code, templates, base config, libraries, day, environment."""
    common = hashlib.sha256(f"v{VERSION}\0{_versions()}\0{_day()}\0".encode())
    for var in ENVIRONMENT:
        common.update(f"{var}={os.environ.get(var, '')}\0".encode())
    hasher.tree(PACKAGE, common)
    hasher.tree(repo / "overrides", common)
    hasher.tree(repo / "mkdocs.yml", common)
    return common.digest()


def fingerprints(repo: Path, plan: list[tuple[str, Path, str]], hasher: Hasher) -> dict[str, str]:
    """name -> fingerprint for every target of the plan (see the module's docstring)."""
    from cpsites.content import site_dirs

    base = _common(repo, hasher)
    out: dict[str, str] = {}
    for name, config_file, _sub in plan:
        h = hashlib.sha256(base)
        h.update(name.encode() + b"\0")
        if name == "portal":
            hasher.tree(repo / "docs", h)
            for dept in site_dirs(repo):
                hasher.tree(dept / "department.yml", h)
                hasher.tree(dept / "mkdocs.yml", h)
        else:
            hasher.tree(Path(config_file).parent, h)
            # the time its files are stamped with (feeds, calendars): its last commit
            h.update(build_time(Path(config_file).parent).isoformat().encode())
        out[name] = h.hexdigest()
    return out


# a department's files whose content reaches its pages only as page text or template data
DATA = (".md", ".yml", ".yaml")
CONFIGS = ("mkdocs.yml", "department.yml")


def frames(repo: Path, plan: list[tuple[str, Path, str]], hasher: Hasher) -> dict[str, str]:
    """name -> a department's *frame*: what every one of its pages is drawn with, so a page
    whose own key (cpsites/web/page_reuse.py) is unchanged too comes out the same. Its fingerprint
    without the Markdown and YAML data files: what a page shows of those reaches its templates as
    its own text or as template data, both in the page's key. The configs count."""
    base = _common(repo, hasher)
    out: dict[str, str] = {}
    for name, config_file, _sub in plan:
        if name == "portal":
            continue  # small, and its cards read every department: drawn whole
        root = Path(config_file).parent
        h = hashlib.sha256(base)
        h.update(b"frame\0" + name.encode() + b"\0")
        # (not its files' time stamp, build_time: feeds and calendars show it, no page does, and
        # without git it is the newest file's time, which every edit moves)
        hasher.tree(root, h, leave_out=lambda rel: rel.endswith(DATA) and rel not in CONFIGS)
        out[name] = h.hexdigest()
    return out


@dataclass
class Manifest:
    """What the site in `out` was built from: a fingerprint per target, and the file hashes."""

    path: Path
    out: str
    targets: dict[str, str] = field(default_factory=dict)
    files: dict[str, list] = field(default_factory=dict)
    pages: dict[str, int] = field(default_factory=dict)  # pages per target, for the summary

    @classmethod
    def load(cls, cache_dir: Path, out: Path) -> "Manifest":
        out = Path(out).resolve()
        path = Path(cache_dir) / "build" / (hashlib.sha256(str(out).encode()).hexdigest()[:16] + ".json")
        try:
            data = json.loads(path.read_text("utf-8"))
            if data.get("version") == VERSION and data.get("out") == str(out):
                return cls(path, str(out), dict(data.get("targets", {})), dict(data.get("files", {})),
                           dict(data.get("pages", {})))
        except (OSError, ValueError):
            pass  # no manifest, or one we cannot read: everything is built
        return cls(path, str(out))

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(f".tmp-{os.getpid()}")
        tmp.write_text(json.dumps({"version": VERSION, "out": self.out, "targets": self.targets,
                                   "files": self.files, "pages": self.pages}, sort_keys=True), "utf-8")
        os.replace(tmp, self.path)

    def forget(self) -> None:
        """The site in `out` is about to change in a way the manifest cannot describe."""
        self.targets = {}
        try:
            self.path.unlink()
        except FileNotFoundError:
            pass


def link_tree(src: Path, dest: Path, skip: set[str] = frozenset()) -> int:
    """Hard-link every file of src into dest (copy where linking is impossible); returns files.

    The previous site is never written to afterwards: precompress() replaces files by rename.
    Plain strings and os functions, no Path per file: a rebuild after one edit links ~20,000."""
    import shutil

    count = 0
    src, dest = os.fspath(src), os.fspath(dest)
    for folder, dirs, files in os.walk(src):
        top = folder == src
        if top:
            dirs[:] = [d for d in dirs if d not in skip]
        target = dest if top else os.path.join(dest, os.path.relpath(folder, src))
        os.makedirs(target, exist_ok=True)
        for name in files:
            if top and name in skip:
                continue
            s, d = os.path.join(folder, name), os.path.join(target, name)
            try:
                os.link(s, d)
            except OSError:
                shutil.copy2(s, d)
            count += 1
    return count
