"""A page the last build drew from the same things is linked from the published site, not drawn.

After one edit a department is rebuilt whole (cpsites/incremental.py), and most of its pages come
out byte for byte as they were: drawing them through Material's templates is ~45 % of a language
pass. Here every page gets a key, a hash of everything its drawing reads:

- the target's *frame* (`frame`, from the build plan): cpsites' code and templates, overrides/,
  the configs, library versions, the day, and every file of the department that is neither
  Markdown nor YAML data (pictures, PDFs): what all pages share;
- the language and the menu (titles, addresses, nesting);
- the page itself after Markdown: address, title, front matter, HTML, table of contents, its
  neighbours in the menu, the template's name;
- what our plugin hands the templates (`cp`: the page's data, the department, home-page blocks,
  Open Graph values ...) and the language switcher's links (`config.extra`).

Markdown and YAML files are left out of the frame because whatever of them a page shows reaches
its templates through the page or `cp`, both in the key. A value the key cannot describe (an
object Python names only by its address) makes the page drawn, never guessed.

When a page's key equals the one recorded for the page at its place in the published site, and
that file is still the one recorded (inode, size and time: nothing rewrote it), the page and its
.gz/.br copies are hard-linked from there, and the pictures its drawing published last time are
published again. Everything else of the build runs as before: Markdown, the search index, the
sitemap, the other plugins' page events. Records live in the build cache, one file per target and
language (`records`), written only by a build that succeeded.

MkDocs' `_build_page` is replaced by a copy that asks first (mkdocs_patch: only while MkDocs' own
is the one copied; else every page is drawn). tests/workflow/test_incremental.py compares sites
that linked pages with `--full` builds, page by page; tests/web/test_page_reuse.py the keys.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
from pathlib import Path
from typing import Any

from cpsites.web import compress, page_writer
from cpsites.web.mkdocs_patch import MethodPatch

log = logging.getLogger("mkdocs.commands.build")
VERSION = 1  # of the record files
# sha256 of the source of MkDocs 1.6's mkdocs.commands.build._build_page, which `_build_page` repeats
EXPECTED_DIGEST = "adcdbd14b236112697cafec9171bd281981f15a776e0d2f941a62e7bffd9a0d5"
# functions in `cp` that depend on the language and the frame only (both in every key)
PURE = {"t", "format_date", "picture"}

_active: "PageReuse | None" = None


class _Unkeyable(Exception):
    """A value the key cannot describe: the page is drawn."""


class PageReuse:
    def __init__(self, frame: str, site_dir: Path, published: Path, records: Path, pictures: Path) -> None:
        self.frame = frame
        # the picture cache: a record may only publish again what lies in it (records are files)
        self.pictures = os.path.realpath(pictures) + os.sep
        self.site_dir = Path(site_dir)     # where this build writes the target
        self.published = Path(published)  # where the target is published (perhaps not yet)
        self.records = Path(records)
        self._old: dict[str, dict[str, list]] = {}
        self.new: dict[str, dict[str, list]] = {}
        self._nav_keys: dict[int, str] = {}
        self._memo: dict[int, tuple] = {}  # frozen models (the department ...): id -> (model, text)
        self._present: set[str] = set()
        self.linked = 0

    # -- keys ---------------------------------------------------------------------------------
    def key(self, page, context: dict, config, nav, lang: str, template: str) -> str | None:
        cp = context.get("cp") or {}
        try:
            text = describe((
                page.url, page.file.dest_uri, page.canonical_url, page.title, page.meta, _toc(page.toc),
                page.is_homepage, page.edit_url, _neighbour(page.previous_page), _neighbour(page.next_page),
                [a.title for a in page.ancestors], context.get("i18n_file_locale"),
                context.get("i18n_page_locale"), context.get("base_url"), dict(config.extra),
                [(k, self._model(v)) for k, v in cp.items() if k not in PURE and k != "frame"]))
        except _Unkeyable as exc:
            log.debug(f"cpsites: {page.file.dest_uri} is drawn: {exc}")
            return None
        h = hashlib.sha256(f"{VERSION}\0{self.frame}\0{lang}\0{template}\0".encode())
        h.update(self._nav_key(nav))
        h.update(text.encode("utf-8", "surrogatepass"))
        h.update(b"\0" + str(page.content or "").encode("utf-8", "surrogatepass"))
        return h.hexdigest()

    def _nav_key(self, nav) -> bytes:
        found = self._nav_keys.get(id(nav))
        if found is None:
            h = hashlib.sha256()

            def walk(items) -> None:
                for item in items or []:
                    h.update(f"{type(item).__name__}\0{item.title}\0{getattr(item, 'url', '')}\0[".encode())
                    walk(getattr(item, "children", None))
                    h.update(b"]")

            walk(nav.items)
            found = self._nav_keys[id(nav)] = h.hexdigest()
        return found.encode()

    def _model(self, value: Any) -> Any:
        """A frozen content model (the department) described once per build, not per page."""
        if not (hasattr(value, "model_dump") and value.model_config.get("frozen")):
            return value
        found = self._memo.get(id(value))
        if found is None or found[0] is not value:  # kept with it: its id is not another's later
            found = self._memo[id(value)] = (value, ("model", describe(value)))
        return found[1]


    # -- linking and recording ----------------------------------------------------------------
    def old(self, lang: str) -> dict[str, list]:
        if lang not in self._old:
            try:
                data = json.loads((self.records / f"{lang}.json").read_text("utf-8"))
                ok = data.get("version") == VERSION and data.get("published") == str(self.published)
                self._old[lang] = data["pages"] if ok else {}
            except (OSError, ValueError, KeyError):
                self._old[lang] = {}
        return self._old[lang]

    def link(self, rel: str, key: str, lang: str, publish) -> bool:
        """The published page of the same key (at `rel` in the target's folder), hard-linked with
        its copies, and the pictures its drawing published published again; False: draw it."""
        record = self.old(lang).get(rel)
        if not record or record[0] != key:
            return False
        old = self.published / rel
        try:
            st = os.stat(old)
            if [st.st_ino, st.st_size, st.st_mtime_ns] != record[1:4]:
                return False  # not the file that was recorded (rewritten, or another build's)
            if not all(os.path.isfile(f"{old}{s}") for s in compress.COPIES) or not all(
                    cached in self._present or self._exists(cached) for _dest, cached in record[4]):
                return False
        except OSError:
            return False
        page_writer.link(str(old), str(self.site_dir / rel))  # in the writer's threads
        for dest, cached in record[4]:
            publish(dest, Path(cached))
        self.new.setdefault(lang, {})[rel] = record
        self.linked += 1
        return True

    def _exists(self, cached: str) -> bool:
        """A picture in the picture cache (a card is on ten listing pages: looked for once)."""
        if os.path.realpath(cached).startswith(self.pictures) and os.path.isfile(cached):
            self._present.add(cached)
            return True
        return False

    def drawn_page(self, rel: str, key: str, lang: str, published: list) -> None:
        self.new.setdefault(lang, {})[rel] = [key, 0, 0, 0, [[d, str(c)] for d, c in published]]

    def save(self) -> None:
        """After a build that succeeded: what each page at its place was drawn from."""
        self.records.mkdir(parents=True, exist_ok=True)
        for lang, pages in self.new.items():
            kept = {}
            for rel, record in pages.items():
                try:
                    st = os.stat(self.site_dir / rel)
                except OSError:
                    continue
                kept[rel] = [record[0], st.st_ino, st.st_size, st.st_mtime_ns, record[4]]
            tmp = self.records / f".{lang}.{os.getpid()}"
            tmp.write_text(json.dumps({"version": VERSION, "published": str(self.published), "pages": kept}), "utf-8")
            os.replace(tmp, self.records / f"{lang}.json")


def describe(value: Any) -> str:
    """Text that differs when `value` would draw differently: its repr, which names types
    (Markup or str, date or text), keeps the order of dicts (a template walks them in it) and
    gives every field of our content models (pydantic, dataclasses). An object Python can only
    describe by its address ("<... at 0x...>") says nothing of its content: _Unkeyable."""
    text = repr(value)
    if " at 0x" in text:
        raise _Unkeyable("an object with no description in its context")
    return text


def _neighbour(page) -> tuple | None:
    return None if page is None else (page.title, page.url)


def _toc(items) -> list:
    return [(item.title, item.id, item.level, _toc(item.children)) for item in items or []]


@contextlib.contextmanager
def reusing(reuse: PageReuse | None):
    """Pages of the build in this block are linked where they can be (see the module)."""
    global _active
    if reuse is None or not install():
        yield None
        return
    _active = reuse
    try:
        yield reuse
    finally:
        _active = None


def _build_page(page, config, doc_files, nav, env, dirty: bool = False, excluded: bool = False) -> None:
    """MkDocs 1.6's _build_page, asking PageReuse before drawing (see the module's docstring)."""
    from mkdocs import utils
    from mkdocs.commands import build
    from mkdocs.exceptions import BuildError

    config._current_page = page
    try:
        # When --dirty is used, only build the page if the file has been modified since the
        # previous build of the output.
        if dirty and not page.file.is_modified():
            return

        log.debug(f"Building page {page.file.src_uri}")

        # Activate page. Signals to theme that this is the current page.
        page.active = True

        context = build.get_context(nav, doc_files, config, page)

        # Allow 'template:' override in md source files.
        name = page.meta.get('template', 'main.html')
        template = env.get_template(name)

        # Run `page_context` plugin events.
        context = config.plugins.on_page_context(context, page=page, config=config, nav=nav)

        if excluded:
            page.content = (
                '<div class="mkdocs-draft-marker" title="This page will not be included into the built site.">'
                'DRAFT'
                '</div>' + (page.content or '')
            )

        reuse, key, plugin = _active, None, config.plugins.get("cpsites")
        if reuse is not None and plugin is not None and not excluded:
            rel = os.path.relpath(page.file.abs_dest_path, reuse.site_dir)
            key = reuse.key(page, context, config, nav, plugin.lang, name)
            if key is not None and reuse.link(rel, key, plugin.lang, plugin.images.republish):
                return

        # Render the template.
        with plugin.images.recording() if key is not None else contextlib.nullcontext([]) as published:
            output = template.render(context)

        # Run `post_page` plugin events.
        output = config.plugins.on_post_page(output, page=page, config=config)

        # Write the output file.
        if output.strip():
            utils.write_file(
                output.encode('utf-8', errors='xmlcharrefreplace'), page.file.abs_dest_path
            )
            if key is not None:
                reuse.drawn_page(rel, key, plugin.lang, published)
        else:
            log.info(f"Page skipped: '{page.file.src_uri}'. Generated empty output.")

    except Exception as e:
        message = f"Error building page '{page.file.src_uri}':"
        # Prevent duplicated the error message because it will be printed immediately afterwards.
        if not isinstance(e, BuildError):
            message += f" {e}"
        log.error(message)
        raise
    finally:
        # Deactivate page
        page.active = False
        config._current_page = None


def _patch() -> MethodPatch:
    from mkdocs.commands import build

    return MethodPatch(build, "_build_page", _build_page, EXPECTED_DIGEST, __name__)


_PATCH: list[MethodPatch] = []


def install() -> bool:
    if not _PATCH:
        _PATCH.append(_patch())
    return _PATCH[0].install()
