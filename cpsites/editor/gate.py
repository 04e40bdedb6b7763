"""The save gate: Decap's saves pass `cpsites check` before they touch the project.

Decap talks to this gate as its local backend. Reading (lists, entries, pictures) is passed on to
decap-server unchanged. Saving is done here instead, because decap-server writes first and then
commits with `git add .` (everything in the working tree, a half-written file included):

1. the saved files are written into a staging copy of the department (hard links, so it costs
   milliseconds), and `check` runs on it, the uploaded pictures opened by the image pipeline;
2. a save that brings a new error is refused: Decap shows the messages (file and line, as `check`
   prints them), the preview shows them on top of every page, and nothing is written or committed;
3. otherwise the files are written (each by rename, never half) and only they are committed, with
   Decap's commit message.

Errors that were there before the save (a file edited by hand) do not block saving other files.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import tempfile
import threading
from pathlib import Path, PurePosixPath
from urllib.error import HTTPError
from urllib.request import Request, urlopen

from cpsites.errors import ContentError

SAVES = {"persistEntry", "persistMedia", "deleteFile", "deleteFiles"}
NOT_SAVED = "Nothing was saved. Fix this and publish again:"  # first line of every refusal Decap shows


class Refused(Exception):
    """A save the gate will not write: `messages` in plain words, `status` the HTTP answer."""

    def __init__(self, messages: list[str], status: int = 422):
        super().__init__("\n".join(messages))
        self.messages, self.status = messages, status


class Gate:
    def __init__(self, repo: Path, dept: str, rejected_file: Path | None = None):
        self.repo, self.dept = Path(repo).resolve(), dept
        self.dept_dir = self.repo / "sites" / dept
        self.rejected_file = rejected_file  # read by the preview (its banner), emptied by a good save
        self.lock = threading.Lock()        # one save at a time: each is checked against the last

    # -- what Decap asks for ------------------------------------------------------------------

    def save(self, action: str, params: dict) -> dict:
        """Check and write one of Decap's saves; returns decap-server's answer for that action."""
        writes, deletes = self._changes(action, params)
        if action == "persistEntry" and (params.get("options") or {}).get("newEntry"):
            taken = [rel for rel in writes if rel.endswith((".md", ".yml", ".yaml")) and (self.repo / rel).exists()]
            if taken:  # Decap makes new names unique; this is the second line, never an overwrite
                raise Refused([f"{rel}: a file with this name exists already; give the new entry another "
                               "title (or date), or open the existing one from the list to change it" for rel in taken], 409)
        message = (params.get("options") or {}).get("commitMessage") or f"{action} ({self.dept})"
        with self.lock:
            self._check(writes, deletes)
            self._write(writes, deletes)
            self._commit(message, [*writes, *deletes])
            self._rejected([])
        if action == "persistMedia":
            path, data = next(iter(writes.items()))
            import hashlib

            return {"id": hashlib.sha256(data).hexdigest(), "content": base64.b64encode(data).decode(),
                    "encoding": "base64", "path": path, "name": PurePosixPath(path).name}
        return {"message": "entry persisted" if action == "persistEntry" else "deleted"}

    def _changes(self, action: str, params: dict) -> tuple[dict[str, bytes], list[str]]:
        writes: dict[str, bytes] = {}
        deletes: list[str] = []
        if action == "persistEntry":
            files = params.get("dataFiles") or [params.get("entry") or {}]
            for f in files:
                target = f.get("newPath") or f.get("path")
                writes[self._path(target)] = str(f.get("raw", "")).encode("utf-8")
                if f.get("newPath") and f.get("path") != f["newPath"]:
                    deletes.append(self._path(f["path"]))
            for asset in params.get("assets") or []:
                writes[self._path(asset.get("path"))] = _content(asset)
        elif action == "persistMedia":
            asset = params.get("asset") or {}
            writes[self._path(asset.get("path"))] = _content(asset)
        elif action == "deleteFile":
            deletes.append(self._path(params.get("path")))
        else:
            deletes.extend(self._path(p) for p in params.get("paths") or [])
        return writes, deletes

    def _path(self, path) -> str:
        """A path Decap sent, relative to the project; only files of this department are accepted."""
        parts = PurePosixPath(str(path or "").lstrip("/")).parts
        if len(parts) < 3 or parts[:2] != ("sites", self.dept) or ".." in parts or any(p.startswith(".") for p in parts):
            raise Refused([f'"{path}" is not a file of sites/{self.dept}/: the editor saves only there'], 403)
        return "/".join(parts)

    def media_folder_exists(self, folder) -> bool:
        try:
            return (self.repo / self._path(folder)).is_dir()
        except Refused:
            return True  # not ours to answer: decap-server says what is wrong

    # -- check on a staging copy ---------------------------------------------------------------

    def _check(self, writes: dict[str, bytes], deletes: list[str]) -> None:
        from cpsites.check import check_department, picture_problems
        from cpsites.images.pipeline import is_image_path

        before = self._errors(check_department(self.dept_dir, images=False).errors, self.dept_dir)
        stage_root = Path(tempfile.mkdtemp(prefix="cpsites-save-", dir=self._cache()))
        try:
            stage = stage_root / "sites" / self.dept
            _link_copy(self.dept_dir, stage)
            inside = len(("sites", self.dept))
            for rel in deletes:
                (stage / Path(*PurePosixPath(rel).parts[inside:])).unlink(missing_ok=True)
            pictures = []
            for rel, data in writes.items():
                file = stage / Path(*PurePosixPath(rel).parts[inside:])
                file.parent.mkdir(parents=True, exist_ok=True)
                file.unlink(missing_ok=True)  # a hard link: never write through it into the project
                file.write_bytes(data)
                if is_image_path(file):
                    pictures.append(file)
            report = check_department(stage, images=False)
            errors = self._errors(report.errors, stage)
            for picture in pictures:  # only the new pictures: the others were checked when they came
                errors += self._errors(_too_large(picture) or picture_problems(picture), stage)
        except ContentError as exc:
            errors = self._errors(exc.problems, stage)
        finally:
            shutil.rmtree(stage_root, ignore_errors=True)
        new = [e for e in dict.fromkeys(errors) if e not in before]
        if new:
            self._rejected(new)
            raise Refused(new)

    def _errors(self, problems, folder: Path) -> list[str]:
        """`check`'s messages with the paths a press officer knows (sites/<dept>/...)."""
        out = []
        for p in problems:
            text = str(p)
            for prefix in (str(folder), os.path.relpath(folder, Path.cwd())):
                text = text.replace(prefix, f"sites/{self.dept}")
            out.append(text)
        return out

    def _cache(self) -> Path:
        return self.cache_of(self.repo)

    @staticmethod
    def cache_of(repo: Path) -> Path:
        # inside the project, so the staging copy can be hard links (same file system)
        from cpsites.project import cache_dir

        cache = cache_dir(repo) / "editor"
        cache.mkdir(parents=True, exist_ok=True)
        return cache

    # -- write and commit ----------------------------------------------------------------------

    def _write(self, writes: dict[str, bytes], deletes: list[str]) -> None:
        for rel, data in writes.items():
            file = self.repo / rel
            file.parent.mkdir(parents=True, exist_ok=True)
            part = file.with_name(f".{file.name}.saving")
            part.write_bytes(data)
            os.replace(part, file)  # whole or not at all
        for rel in deletes:
            (self.repo / rel).unlink(missing_ok=True)

    def _commit(self, message: str, paths: list[str]) -> None:
        git = ["git", "-C", str(self.repo)]
        add = subprocess.run([*git, "add", "-A", "--", *paths], capture_output=True, text=True)
        commit = subprocess.run([*git, "commit", "-q", "--no-verify", "--no-gpg-sign", "-m", message, "--", *paths],
                                capture_output=True, text=True)
        for step in (add, commit):
            if step.returncode != 0 and "nothing to commit" not in step.stdout + step.stderr:
                raise Refused([f"the files are saved, but git could not commit them: {(step.stderr or step.stdout).strip()}"
                               " (set your name with `git config user.name` and `git config user.email`)"], 500)

    def _rejected(self, messages: list[str]) -> None:
        if self.rejected_file is None:
            return
        part = self.rejected_file.with_suffix(".part")
        part.write_text(json.dumps(messages, ensure_ascii=False), "utf-8")
        os.replace(part, self.rejected_file)


# A phone's photo is 3-8 MB; a picture much larger is a scan or an export at full size, and would
# stay in the project's history for ever. The site needs at most 2400 px wide.
MAX_PICTURE_MB = 20


def _too_large(picture: Path) -> list:
    from cpsites.errors import Problem

    size = picture.stat().st_size / 1e6
    if size <= MAX_PICTURE_MB:
        return []
    return [Problem(str(picture), 0, f"this picture is {size:.0f} MB; the editor takes pictures up to "
                                      f"{MAX_PICTURE_MB} MB: save it smaller (for example 2400 pixels wide, "
                                      "JPEG quality 85) and upload it again")]


def _content(asset: dict) -> bytes:
    content = asset.get("content", "")
    return base64.b64decode(content) if asset.get("encoding") == "base64" else str(content).encode("utf-8")


def _link_copy(source: Path, target: Path) -> None:
    """The department folder as hard links (a copy where links cannot be made)."""
    def link(src, dst):
        try:
            os.link(src, dst)
        except OSError:
            shutil.copy2(src, dst)

    shutil.copytree(source, target, symlinks=True, copy_function=link,
                    ignore=shutil.ignore_patterns(".git", ".cache"))


def handler(gate: Gate, backend: str):
    """HTTP handler: saves checked here, everything else passed on to decap-server at `backend`."""
    import http.server

    class Handler(http.server.BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def _answer(self, status: int, body: bytes, ctype: str = "application/json; charset=utf-8", headers=()) -> None:
            self.send_response(status)
            for name, value in headers:
                self.send_header(name, value)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def _cors(self):
            origin = self.headers.get("Origin")
            return [("Access-Control-Allow-Origin", origin), ("Vary", "Origin")] if origin else []

        def do_OPTIONS(self):  # CORS preflight (the editor page is on another port)
            self._answer(204, b"", headers=[*self._cors(), ("Access-Control-Allow-Methods", "POST, GET, OPTIONS"),
                                             ("Access-Control-Allow-Headers", "Content-Type")])

        def do_POST(self):
            raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            try:
                body = json.loads(raw or b"{}")
            except ValueError:
                body = {}
            action = body.get("action") if isinstance(body, dict) else None
            if action in SAVES:
                try:
                    answer, status = gate.save(action, body.get("params") or {}), 200
                except Refused as exc:
                    answer, status = {"error": "\n".join([NOT_SAVED, *exc.messages])}, exc.status
                return self._answer(status, json.dumps(answer, ensure_ascii=False).encode(), headers=self._cors())
            if action == "getMedia" and not gate.media_folder_exists((body.get("params") or {}).get("mediaFolder")):
                return self._answer(200, b"[]", headers=self._cors())  # no pictures yet (decap-server would fail)
            request = Request(backend + self.path, data=raw, method="POST",
                              headers={"Content-Type": self.headers.get("Content-Type", "application/json")})
            try:
                with urlopen(request, timeout=60) as response:
                    status, data, ctype = response.status, response.read(), response.headers.get("Content-Type")
            except HTTPError as exc:
                status, data, ctype = exc.code, exc.read(), exc.headers.get("Content-Type")
            except OSError as exc:
                status, data, ctype = 502, json.dumps({"error": f"decap-server: {exc}"}).encode(), None
            self._answer(status, data, ctype or "application/json; charset=utf-8", headers=self._cors())

    return Handler
