"""Every picture that reaches site/ goes through cpsites.images: the MkDocs side of the pipeline.

One SiteImages lives in the cpsites plugin for a whole build (all three language passes):

- content pictures: `rewrite(html, page, files)` turns every <img> of a page's content into
  <picture> + <img srcset sizes width height alt loading decoding>; an image without alt text,
  or one that is not a file of docs/, is an error naming the Markdown file and line;
  links (<a href>) to a picture go to its largest processed version;
- front-matter pictures: `picture(src, alt, kind)` (also `cp.picture(...)` in templates)
  for kinds "content", "lead" (a post's photo above the fold: not lazy), "card" and "card-list"
  (16:9 news card thumbnail in the home grid / beside the text in listings), "portrait" and
  "square" (officers, with `focus=(x, y)`);
- Open Graph: `og(...)` makes a post's 1200 x 630 card and returns the meta tag values;
- `publish(files)` (on_env, after every page's content is rendered and before MkDocs copies
  static files): removes the originals under docs/ from MkDocs' Files, so no raw upload with
  its EXIF/GPS is ever copied into site/, adds the processed versions from the cache, and raises
  every problem found at once. A picture asked for later (from a template) is copied into
  site/ directly.

Officer pages (or any other content type) can publish a crop with
    plugin.images.picture("images/officers/x.jpg", alt, "portrait", focus=(0.5, 0.3))
or, in a template, {{ cp.picture(officer.photo, officer.name, "square", focus=officer.focus) }}.
"""

from __future__ import annotations

import contextlib
import html as htmlmod
import posixpath
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from markupsafe import Markup
from mkdocs.structure.files import File, Files
from mkdocs.utils import get_relative_url

from cpsites.errors import ContentError, Problem, display_path
from cpsites.images import cache as image_cache
from cpsites.images import og as og_images
from cpsites.images import web
from cpsites.images.pipeline import is_image_path
from cpsites.web.theme_files import cached_file

IMG = re.compile(r"<img\b[^>]*>", re.I)
A_HREF = re.compile(r'(<a\b[^>]*?\shref=")([^"]*)(")', re.I)
ATTR = re.compile(r'([^\s=/>"]+)(?:\s*=\s*"([^"]*)")?')
KEEP_ATTRS = ("title", "id")
OG_DIR = "images/og"


@dataclass
class Kind:
    sizes: str | None = None       # None: content_sizes() of the picture (column, portrait, small)
    loading: str = "lazy"
    fetchpriority: str | None = None
    decorative_ok: bool = False
    css_class: str | None = None   # "cp-pic": capped height in cpsites.css


KINDS = {
    "content": Kind(css_class="cp-pic"),
    # a post's photo is above the fold: fetched at once, not lazily
    "lead": Kind(loading="eager", fetchpriority="high", css_class="cp-pic"),
    "card": Kind(web.SIZES_CARD, decorative_ok=True),            # home page grid
    "card-list": Kind(web.SIZES_CARD_LIST, decorative_ok=True),  # beside the text in listings
    "portrait": Kind("(min-width: 600px) 240px, 45vw"),
    "square": Kind("(min-width: 600px) 160px, 30vw"),
}


@dataclass
class Picture:
    """A processed picture published at `folder` (site-relative); html() writes its markup."""

    resp: web.Responsive
    folder: str
    alt: str
    kind: str
    css_class: str | None = None
    extra_attrs: dict | None = None

    def url(self, name: str) -> str:
        return f"{self.folder}{name}"

    def html(self, page_url: str | None = None, kept: dict | None = None) -> Markup:
        """The markup, its addresses relative to `page_url`; `kept`: markup made before (a news
        card's picture is drawn on every list, tag and archive page, the same where the address
        from the page to the picture's folder is the same)."""
        prefix = _relative_prefix(self.folder, page_url) if page_url is not None else None
        key = (id(self.resp), self.folder, self.alt, self.kind, self.css_class, prefix) \
            if kept is not None and prefix is not None and not self.extra_attrs else None
        if key is not None and key in kept:
            return kept[key]
        markup = self._html(page_url, prefix)
        if key is not None:
            kept[key] = markup  # self.resp lives as long as `kept` (both SiteImages'): its id stays its own
        return markup

    def _html(self, page_url: str | None, prefix: str | None) -> Markup:
        k = KINDS[self.kind]
        if prefix is not None:
            rel = lambda name: prefix + name  # noqa: E731
        elif page_url is not None:
            rel = lambda name: get_relative_url(self.url(name), page_url)  # noqa: E731
        else:
            rel = self.url
        classes = [c for c in (k.css_class, self.css_class) if c]
        if k.css_class == "cp-pic" and self.resp.width >= web.FILL_WIDTH:
            classes.append("cp-pic--fill")
        return Markup(web.picture_html(self.resp, self.alt, rel, sizes=k.sizes, loading=k.loading,
                                       fetchpriority=k.fetchpriority, css_class=" ".join(classes) or None,
                                       decorative=k.decorative_ok and not self.alt,
                                       extra_attrs=self.extra_attrs))

    def largest_url(self) -> str:
        return self.url(self.resp.largest()[0])


def _relative_prefix(folder: str, page_url: str) -> str | None:
    """get_relative_url(folder + name, page_url) is this + name for every file name, or None when
    that cannot be promised (a page inside the picture's folder, where a name could be the next
    folder of the page's own address)."""
    dirname, _, basename = page_url.rpartition("/")
    page_dir = (dirname if "." in basename else page_url).strip("/")
    if not folder or f"{page_dir}/".startswith(folder):
        return None
    probe = get_relative_url(folder + "\0", page_url)  # "\0": a name no folder has
    return probe[:-1] if probe.endswith("\0") else None


class SiteImages:
    def __init__(self) -> None:
        self.outputs: dict[str, Path] = {}        # published path in site/ -> cached file
        self.problems: list[Problem] = []
        self._memo: dict[tuple, web.Responsive] = {}
        self._markup: dict[tuple, Markup] = {}  # templates' pictures, per address prefix (Picture.html)
        self._paths: dict[tuple, tuple[Path, Path, str]] = {}  # (docs folder, src) -> path, resolved, relative
        self._by_url: tuple[int, dict[str, File]] | None = None
        self.docs_dir = Path(".")
        self.site_dir = Path(".")
        self.config = None
        self.published = False
        self._in_site: set[str] = set()
        self._recorded: list | None = None  # pictures published while one page is drawn (recording)
        self.og_data: dict[tuple[str, str], dict | None] = {}  # (post slug, lang) -> meta values
        image_cache.STATS.reset()  # one count per site build

    # -- per pass -------------------------------------------------------------------------------
    def configure(self, config) -> None:
        self.config = config
        self.docs_dir = Path(config.docs_dir).resolve()
        self.site_dir = Path(config.site_dir)
        self.published = False
        self._by_url = None
        self._in_site: set[str] = set()  # published paths seen in site/ this pass (not asked again)

    def is_content_image(self, f: File) -> bool:
        if not f.abs_src_path or not is_image_path(f.src_uri):
            return False
        try:
            return Path(f.abs_src_path).resolve().is_relative_to(self.docs_dir)
        except OSError:
            return False

    # -- processing -----------------------------------------------------------------------------
    def picture(self, src: str | Path, alt: str = "", kind: str = "content", focus=None,
                css_class: str | None = None, extra_attrs: dict | None = None) -> Picture:
        """A processed picture of a file under docs/ (`src` relative to docs/, or absolute)."""
        where = (self.docs_dir, str(src))
        if where not in self._paths:  # resolving follows links: once per picture, not per page and pass
            path = Path(src) if Path(src).is_absolute() else self.docs_dir / str(src)
            real = path.resolve()
            self._paths[where] = (path, real, real.relative_to(self.docs_dir).as_posix()
                                  if real.is_relative_to(self.docs_dir) else path.name)
        path, real, rel = self._paths[where]
        focus = tuple(focus) if focus else None
        key = (str(real), "card" if kind == "card-list" else kind, focus)
        resp = self._memo.get(key)
        if resp is None:
            if kind in ("card", "card-list"):
                resp = web.card_thumbnail(path, focus=focus)
            elif kind in ("portrait", "square"):
                resp = web.portrait(path, shape=kind, focus=focus)
            else:
                resp = web.responsive(path, focus=focus)
            self._memo[key] = resp
        folder = posixpath.dirname(rel)
        folder = f"{folder}/" if folder else ""
        for name, cached in resp.outputs():
            self._publish_one(folder + name, cached)
        return Picture(resp, folder, alt or "", kind, css_class, extra_attrs)

    def try_picture(self, src: str | Path, alt: str = "", kind: str = "content", **kw) -> Picture | None:
        """picture(), with problems collected for publish() instead of raised."""
        try:
            return self.picture(src, alt, kind, **kw)
        except ContentError as exc:
            self.problems.extend(exc.problems)
            return None

    def og(self, title: str, photo: str | None, site_name: str, accent: str, site_url: str,
           name: str, alt: str | None = None) -> dict | None:
        """Open Graph values for a page: its 1200 x 630 card (made or cached) and alt text."""
        try:
            card = og_images.og_card(title, self.docs_dir / photo if photo else None, site_name, accent)
        except ContentError as exc:
            self.problems.extend(exc.problems)
            return None
        dest = f"{OG_DIR}/{web._safe_name(name)}.{card.tag}.jpg"
        self._publish_one(dest, card.path)
        return {"image": site_url.rstrip("/") + "/" + dest, "width": card.width, "height": card.height,
                "type": "image/jpeg", "alt": alt or title}

    @contextlib.contextmanager
    def recording(self):
        """The pictures published while the block draws one page (cpsites/web/page_reuse.py keeps
        them with the page, and publishes them again when it links the page instead of drawing it)."""
        self._recorded = []
        try:
            yield self._recorded
        finally:
            self._recorded = None

    def republish(self, dest: str, cached: Path) -> None:
        self._publish_one(dest, cached)

    def _publish_one(self, dest: str, cached: Path) -> None:
        if self._recorded is not None:
            self._recorded.append((dest, cached))
        self.outputs[dest] = cached
        if self.published and dest not in self._in_site:
            # asked for after MkDocs copied static files: copy it ourselves (once; a picture
            # shown on 300 pages was looked for in site/ 300 times)
            target = self.site_dir / dest
            if not target.is_file():
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(cached, target)
            self._in_site.add(dest)

    # -- page content ---------------------------------------------------------------------------
    def rewrite(self, content: str, page, files: Files) -> str:
        """Content <img> -> <picture> markup; links to pictures -> their processed version."""
        images = self._images_by_url(files)
        if not images:
            return content
        page_url = page.url

        def resolve(url: str) -> File | None:
            parts = urlsplit(url)
            if parts.scheme or parts.netloc:
                return None
            target = urljoin("/" + page_url, unquote(parts.path)).lstrip("/")
            return images.get(target)

        def replace_img(m: re.Match) -> str:
            attrs = {k.lower(): htmlmod.unescape(v or "") for k, v in ATTR.findall(m.group(0)[4:-1])}
            src = attrs.get("src", "")
            f = resolve(src)
            if f is None:
                self._page_problem(page, src, f'the picture "{src}" is not a file of this site\'s docs/ '
                                   "folder; put the photo in docs/images/ and link it from there, for "
                                   "example ![What the photo shows](../images/news/photo.jpg)")
                return m.group(0)
            alt = attrs.get("alt", "").strip()
            if not alt:
                _, written = self._source_line(page, src)
                self._page_problem(page, src, f'the picture "{f.src_uri}" has no alternative text; write '
                                   "what it shows between the square brackets, for example "
                                   f"![Pupils visit the duty room]({written or posixpath.basename(src)})")
                return m.group(0)
            extra = {k: attrs[k] for k in KEEP_ATTRS if attrs.get(k)}
            pic = self.try_picture(f.abs_src_path, alt, "content", css_class=attrs.get("class") or None,
                                   extra_attrs=extra)
            return str(pic.html(page_url)) if pic else m.group(0)

        def replace_link(m: re.Match) -> str:
            href = htmlmod.unescape(m.group(2))
            f = resolve(href) if is_image_path(urlsplit(href).path) else None
            if f is None:
                return m.group(0)
            pic = self.try_picture(f.abs_src_path, "", "content")
            if pic is None:
                return m.group(0)
            return m.group(1) + htmlmod.escape(get_relative_url(pic.largest_url(), page_url)) + m.group(3)

        content = IMG.sub(replace_img, content)
        return A_HREF.sub(replace_link, content)

    def _images_by_url(self, files: Files) -> dict[str, File]:
        if self._by_url is None or self._by_url[0] != id(files):
            self._by_url = (id(files), {unquote(f.url): f for f in files if self.is_content_image(f)})
        return self._by_url[1]

    @staticmethod
    def _source_line(page, needle: str) -> tuple[int, str]:
        """(line number, link as written) of the first Markdown line naming the file in `needle`."""
        text = page.file.content_string if page.file.abs_src_path else ""
        base = posixpath.basename(unquote(urlsplit(needle).path)) or needle
        for i, ln in enumerate(text.splitlines(), 1):
            if base and base in ln:
                m = re.search(r"\]\(\s*<?([^)\s>]*" + re.escape(base) + r")", ln)
                return i, (m.group(1) if m else "")
        return 0, ""

    def _page_problem(self, page, needle: str, message: str) -> None:
        path = page.file.abs_src_path or page.file.src_uri
        line, _ = self._source_line(page, needle)
        self.problems.append(Problem(display_path(path), line, message))

    # -- on_env ---------------------------------------------------------------------------------
    def publish(self, files: Files) -> None:
        """Drop the originals, add the processed versions; raise every problem found.

        Every picture under docs/ is checked and processed, referenced or not, and a cleaned copy
        (the largest web version, no metadata) takes the original's own path where the formats
        agree: a template or link that names the original still works, and gets no EXIF/GPS."""
        for f in list(files):
            if not self.is_content_image(f):
                continue
            files.remove(f)
            pic = self.try_picture(f.abs_src_path, "", "content")
            if pic is None:
                continue
            same = self._same_format_copy(pic.resp, Path(f.src_uri).suffix.lower())
            if same is not None:
                self._publish_one(f.dest_uri, same)
        for dest, cached in sorted(self.outputs.items()):
            existing = files.get_file_from_path(dest)
            if existing is not None:
                files.remove(existing)
            files.append(cached_file(self.config, dest, cached))
        self.published = True
        if self.problems:
            problems, self.problems = self.problems, []
            seen: dict[tuple, Problem] = {}
            for p in problems:
                seen.setdefault((p.file, p.line, p.message), p)
            raise ContentError(list(seen.values()))

    @staticmethod
    def _same_format_copy(resp: web.Responsive, suffix: str) -> Path | None:
        mime = {".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".jpe": "image/jpeg", ".png": "image/png",
                ".webp": "image/webp", ".svg": "image/svg+xml"}.get(suffix)
        files = resp.variants[-1].files
        return files.get(mime) if mime else None

    def counts(self) -> tuple[int, int]:
        return image_cache.STATS.counts

    # -- what the plugin asks for -------------------------------------------------------------
    def prepare_news(self, site, lang: str, site_url: str) -> None:
        """Front-matter photos of every post in `lang` (card + lead versions) and each post's Open
        Graph card, made before publish() so their problems are reported with the others."""
        d = site.department
        for post in site.news:
            v = post.variant(lang)
            image = v.meta.image
            if image:
                self.try_picture(image, v.meta.image_alt or "", "card")
                self.try_picture(image, v.meta.image_alt or "", "lead")
            # a fallback page shows the az text: it shares the az card
            self.og_data[(post.slug, lang)] = self.og(
                v.meta.title, image, d.name.get(v.lang), d.accent, site_url, f"{post.slug}-{v.lang}",
                alt=v.meta.image_alt if image else None)

    def template_helper(self, page):
        """`cp.picture(src, alt="", kind="content", focus=None, css_class=None)` for templates:
        the markup of a processed picture with URLs relative to `page`."""
        page_url = page.url if page is not None else None

        def picture(src, alt: str = "", kind: str = "content", focus=None, css_class=None) -> Markup:
            if not src:
                return Markup("")
            return self.picture(src, alt, kind, focus=focus, css_class=css_class).html(page_url, self._markup)

        return picture
