"""The cpsites MkDocs plugin: event methods stay thin and delegate.

Runs in two modes: a department (a department.yml beside mkdocs.yml) or the portal (docs/ at the
repository root). mkdocs-static-i18n re-runs the whole build once per language, so every event
here happens three times; content is loaded once and each pass renders its own language.
"""

from __future__ import annotations

import hashlib
import logging
import os

import jinja2
from markupsafe import Markup
import jinja2.bccache
import markdown
from pathlib import Path
from urllib.parse import urlparse
from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from cpsites.content import Site, load_site, site_dirs
from cpsites.content.department import load_department
from cpsites.content.schema import base_name
from cpsites.errors import ContentError
from cpsites.project import cache_dir, find_root
from cpsites.i18n import DEFAULT_LANG, LANG_NAMES, LANGUAGE, LANGS, UI, format_date, prefix, t
from cpsites.web import news as news_pages
from cpsites.web import brochures as brochure_pages, complaints as complaint_pages, events as event_pages
from cpsites.web import groups as group_pages, officers as officer_pages, tv as tv_pages
from cpsites.web import newspaper as newspaper_pages
from cpsites.web import polls as poll_pages, priorities as priority_pages
from cpsites.web import i18n_files, i18n_plugin, languages, markdown_reuse, material_fixes, page_writer, theme_files
from cpsites.web.languages import LanguagePass
from cpsites.web.fragments import FrameFragments, PageFrame
from cpsites.web import printables as print_pages
from cpsites.web.generated import Generator, is_generated
from cpsites.web.section import Section, Settings
from cpsites.web.images import SiteImages
from cpsites.web.sanitize import clean

log = logging.getLogger("mkdocs.plugins.cpsites")

# Material's search worker has a content hash in its name; find it rather than hard-code it.
import material as _material  # noqa: E402

SEARCH_WORKER = "assets/javascripts/workers/" + next(
    (Path(_material.__file__).parent / "templates/assets/javascripts/workers").glob("search.*.min.js")).name

NAV_TITLES = {
    "home": UI["nav_home"],
    "news": UI["news"],
    "about": UI["nav_about"],
    "handbook": UI["nav_handbook"],
}
# The handbook's pages (docs/handbook/<name>.<lang>.md) in the portal's menu, in reading order.
HANDBOOK = ["index", "news", "officers", "events", "tv", "residents", "newspaper", "pages", "preview", "editor", "errors"]
# Sections of a department site, in menu order (cpsites/web/section.py: what a section is).
SECTIONS: list[Section] = [news_pages.SECTION, officer_pages.SECTION, priority_pages.SECTION, event_pages.SECTION,
                           tv_pages.SECTION, group_pages.SECTION, poll_pages.SECTION, brochure_pages.SECTION,
                           complaint_pages.SECTION, newspaper_pages.SECTION, print_pages.SECTION]

# The department menu: home first, sections' entries in SECTIONS order, "about" last; an entry
# shows only where its page exists.
HOME_NAV = [("home", "index.md", NAV_TITLES["home"])]
TAIL_NAV = [("about", "about.md", NAV_TITLES["about"])]


class _CompiledTemplates(jinja2.BytecodeCache):
    """Compiled Jinja templates in memory, for every build of this process, and in the build
    cache (`folder`) for the next process: a rebuild after one edit is one fresh process, which
    would otherwise compile Material's templates again (~0.3 s). Jinja stores each template's
    source checksum and its own version with the code and compiles again when either differs."""

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}
        self.folder: Path | None = None

    def get_bucket(self, environment: jinja2.Environment, name: str, filename: str | None,
                   source: str) -> jinja2.bccache.Bucket:
        # Jinja keys compiled code by the template's name alone, but the code depends on the
        # environment's settings too: a template compiled without autoescape (MkDocs' default)
        # and served to our escaping environment wrote titles unescaped. The settings are in the key.
        settings = repr((environment.autoescape, environment.trim_blocks, environment.lstrip_blocks,
                         environment.keep_trailing_newline, environment.newline_sequence,
                         environment.block_start_string, environment.variable_start_string,
                         environment.comment_start_string, environment.line_statement_prefix,
                         sorted(environment.extensions), environment.optimized))
        key = hashlib.sha256(f"{self.get_cache_key(name, filename)}|{settings}".encode()).hexdigest()
        bucket = jinja2.bccache.Bucket(environment, key, self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        data = self.code.get(bucket.key)
        if data is None and self.folder is not None:
            try:
                data = self.code[bucket.key] = (self.folder / f"{bucket.key}.jinja").read_bytes()
            except OSError:
                return
        if data is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        data = self.code[bucket.key] = bucket.bytecode_to_string()
        if self.folder is not None:
            try:
                self.folder.mkdir(parents=True, exist_ok=True)
                tmp = self.folder / f".{bucket.key}.{os.getpid()}"
                tmp.write_bytes(data)
                os.replace(tmp, self.folder / f"{bucket.key}.jinja")
            except OSError:
                pass  # a cache: the next process compiles again


COMPILED_TEMPLATES = _CompiledTemplates()


def prepare_env(env: jinja2.Environment, config: MkDocsConfig) -> None:
    """Our settings of a language pass's Jinja environment (on_env; the worker's warm-up too:
    a template compiled under other settings must never be the one a build uses)."""
    env.bytecode_cache = COMPILED_TEMPLATES
    root = find_root(Path(config.config_file_path).parent)
    COMPILED_TEMPLATES.folder = cache_dir(root) / "build" / "templates" if root else None
    # Escape by construction: every value a template writes is escaped unless it is Markup
    # (our sanitised HTML: page content, table of contents, pictures, JSON-LD). Material's
    # templates were written for MkDocs' default (no escaping), which let a title such as
    # `Bayram"><img src=...>` into every page's head and menu.
    env.autoescape = True
    env.globals["cp_ui_string"] = _UiStrings()  # one per environment: one per language pass
    env.getattr = _dict_first_getattr(env)
    # "material/partials/nav.html": Material's own file under our override of the same name
    env.loader = jinja2.ChoiceLoader([env.loader, jinja2.PrefixLoader(
        {"material": jinja2.FileSystemLoader(Path(_material.__file__).parent / "templates")})])


_DICT_ATTRIBUTES = frozenset(dir(dict))


def _dict_first_getattr(env: jinja2.Environment):
    """Jinja's `environment.getattr` (every `x.y` in a template), the same answer sooner for a
    plain dict: Jinja tries the attribute first, and on a dict (`cp`, `page.meta`, a card) that
    raises AttributeError before the key is read, ~170,000 times a department (7 % of its build).
    A plain dict has no attributes but its class's, so only those names need the attribute."""
    general = type(env).getattr.__get__(env)

    def getattr(obj: Any, attribute: str) -> Any:
        if type(obj) is dict and attribute not in _DICT_ATTRIBUTES:
            try:
                return obj[attribute]
            except KeyError:
                return env.undefined(obj=obj, name=attribute)
        return general(obj, attribute)

    return getattr


class _UiStrings:
    """Material's interface strings, remembered (overrides/partials/language.html): the answer
    of the language's macro, else English's, else the key, as Material's own file gives it."""

    def __init__(self) -> None:
        self.known: dict[tuple[str, str], Any] = {}

    def __call__(self, language: str, key: str, lang, fallback) -> Any:
        found = self.known.get((language, key))
        if found is None:
            found = self.known[(language, key)] = lang.t(key) or fallback.t(key) or key
        return found


def _switch_to(config: MkDocsConfig, links: dict[str, str]) -> None:
    """Material's language switcher: each language's name and where it leads."""
    i18n_plugin.set_alternates(config, [{"name": LANG_NAMES[lg], "lang": lg, "link": link}
                                        for lg, link in links.items()])


def trusted_html(page: Page) -> None:
    """Mark the sanitised HTML MkDocs made from a page's Markdown as Markup: its content and the
    titles in its table of contents (Markdown writes them with entities already)."""
    if page.content is not None and not isinstance(page.content, Markup):
        page.content = Markup(page.content)

    def walk(items) -> None:
        for item in items or []:
            if isinstance(item.title, str) and not isinstance(item.title, Markup):
                item.title = Markup(item.title)
            walk(item.children)

    walk(page.toc)


class CpsitesConfig(Config):
    department_file = c.Type(str, default="department.yml")
    news_page_size = c.Type(int, default=10)


class CpsitesPlugin(BasePlugin[CpsitesConfig]):
    """Generates news listings, feeds and per-language search; marks fallback pages."""

    def __init__(self) -> None:
        super().__init__()
        self.site: Site | None = None
        self.portal_departments: list | None = None
        self.gen: Generator | None = None
        self.lang = DEFAULT_LANG
        self.site_url = ""
        self.fallback_urls: set[str] = set()  # this pass's pages showing az text for a missing translation
        self.passes: list[LanguagePass] = []  # what each language's pass leaves for the end (web/languages.py)
        self.images = SiteImages()  # every picture goes through cpsites.images
        self.frame: FrameFragments | None = None  # parts of the page frame drawn once per folder

    # -- helpers ----------------------------------------------------------------------------

    # -- events -----------------------------------------------------------------------------
    @event_priority(-110)  # after mkdocs-static-i18n has chosen this pass's language
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.lang = i18n_plugin.current_language(config, DEFAULT_LANG)
        self.fallback_urls = set()
        theme_files.install()  # the theme's static files listed once per process, not per pass
        markdown_reuse.install()  # one Markdown converter per pass, not per page
        i18n_files.install()  # mkdocs-static-i18n's per-file work with strings, not pathlib
        root = Path(config.config_file_path).parent
        try:
            if self.site is None and (root / self.config.department_file).is_file():
                self.site = load_site(root)
            if self.site is None and self.portal_departments is None:
                self.portal_departments = [load_department(d) for d in site_dirs(root)]
        except ContentError as exc:
            raise PluginError(f"cpsites: the content has problems:\n{exc}") from None
        if self.site:
            d = self.site.department
            config.site_name = d.name.get(self.lang)
            config.site_description = f"{t('site_of', self.lang)}: {d.name.get(self.lang)}"
        else:
            config.site_name = t("site_of", self.lang) + " — " + {
                "az": "Azərbaycan polisi", "ru": "полиция Азербайджана", "en": "Azerbaijan police"}[self.lang]
        self.site_url = (config.site_url or "/").rstrip("/") + "/"
        self.images.configure(config)
        return config

    @event_priority(-200)  # after mkdocs-static-i18n's on_files: generated files need no source
    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        gen = self.gen = Generator(config, files, self.lang)
        if self.site:
            settings = Settings(site_url=self.site_url, news_page_size=self.config.news_page_size)
            try:
                for section in SECTIONS:
                    section.generate(gen, self.site, settings)
            except ContentError as exc:  # e.g. a newspaper edition the print road has not rendered
                raise PluginError(f"cpsites: the content has problems:\n{exc}") from None
            config.nav = self._nav(files)
        else:
            config.nav = self._portal_nav(files)
        # refresh the i18n plugin's per-language list, or generated pages miss the sitemap
        i18n_plugin.refresh_pages(config, self.lang, files)
        return files

    def _portal_nav(self, files: Files) -> list[dict[str, Any]]:
        """The portal's menu: home, then the press officers' handbook in reading order."""
        pages = [f"handbook/{name}.md" for name in HANDBOOK if files.get_file_from_path(f"handbook/{name}.md")]
        nav: list[dict[str, Any]] = [{NAV_TITLES["home"][self.lang]: "index.md"}]
        if pages:
            nav.append({NAV_TITLES["handbook"][self.lang]: pages})
        return nav

    def _nav(self, files: Files) -> list[dict[str, str]]:
        entries = HOME_NAV + [e for section in SECTIONS for e in section.nav] + TAIL_NAV
        return [{title.get(self.lang) or title["az"]: src}
                for _key, src, title in entries if files.get_file_from_path(src) is not None]

    @event_priority(-200)  # the navigation this pass's pages are drawn with (after i18n's)
    def on_nav(self, nav, config: MkDocsConfig, files: Files):
        self.frame = FrameFragments(nav, other_targets=[SEARCH_WORKER])
        return nav

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        if self._is_fallback(page):
            self.fallback_urls.add(page.url)
            # the default-language text shown in place of a missing translation: keep it out of
            # this language's search index (it is not in this language)
            page.meta["search"] = {"exclude": True}
        src = self._src(page)
        if self.site and src == "index.md":
            page.meta.setdefault("template", "cpsites/home.html")
        if self.site and src.startswith("news/") and not is_generated(page):
            page.meta.setdefault("template", "cpsites/post.html")
        for section in SECTIONS if self.site and not is_generated(page) else []:
            for folder, template in section.page_templates.items():
                if src.startswith(folder):
                    page.meta.setdefault("template", template)
        if not self.site and src == "index.md":
            page.meta.setdefault("template", "cpsites/portal.html")
        return markdown

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        if is_generated(page):
            return html  # our own HTML, from our own templates and data
        return self.images.rewrite(clean(html), page, files)

    def on_env(self, env, config: MkDocsConfig, files: Files):
        # MkDocs makes a new Jinja environment in every language pass of every build and compiles
        # every template again (a third of a department's build); keep the compiled code for
        # the whole process (forked build workers inherit the portal's). Jinja checks each
        # template's source against its checksum, so an edited template is compiled again.
        prepare_env(env, config)
        # after every page's content, before MkDocs copies static files: originals out, processed in
        if self.site:
            self.images.prepare_news(self.site, self.lang, self.site_url)
        try:
            self.images.publish(files)
        except ContentError as exc:
            raise PluginError(f"cpsites: the content has problems:\n{exc}") from None
        return env

    @event_priority(0)  # after mkdocs-static-i18n's page context (priority 50)
    def on_page_context(self, context: dict, page: Page, config: MkDocsConfig, nav) -> dict:
        # the page's HTML and its table of contents are ours (Markdown through the content policy
        # and nh3): Markup, so the autoescaping templates write them as HTML (see on_env)
        trusted_html(page)
        context["cp"] = self._page_context(page, config)
        # the language switcher: the same page in the other language (every page exists in
        # every language: translated, generated, or the default text as fallback)
        _switch_to(config, {lg: alt or "./" for lg, alt in context["cp"]["alternates"].items()})
        return context

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        return material_fixes.fix(output)  # valid HTML where Material's base.html is not

    def on_post_template(self, output_content: str, template_name: str, config: MkDocsConfig) -> str:
        return material_fixes.fix(output_content) if template_name.endswith(".html") else output_content

    def on_template_context(self, context: dict, template_name: str, config: MkDocsConfig) -> dict:
        # 404.html: no page, but the same language and strings; its language switcher leads to
        # each language's home (not to the pass's last page, whose links would be left in config)
        context["cp"] = self._page_context(None, config)
        _switch_to(config, {lg: self._home_path(lg) for lg in LANGS})
        return context

    def _home_path(self, lang: str) -> str:
        """A language's home page as an absolute path: 404 pages are served at any depth."""
        return urlparse(self.site_url).path + prefix(lang)

    @staticmethod
    def _src(page: Page) -> str:
        """The language-free source path: 'news/x.ru.md' -> 'news/x.md' (i18n keeps it as norm_src_uri)."""
        return i18n_plugin.source_path(page.file)

    def _is_fallback(self, page: Page) -> bool:
        if is_generated(page):  # a generated page showing the default language's text
            return bool(self.gen and self.gen.data.get(page.url, {}).get("fallback"))
        locale = i18n_plugin.file_language(page.file)
        return locale is not None and locale != self.lang

    def _page_context(self, page: Page | None, config: MkDocsConfig) -> dict[str, Any]:
        lang = self.lang
        path = ""
        if page is not None:
            path = page.url
            if lang != DEFAULT_LANG and path.startswith(prefix(lang)):
                path = path[len(prefix(lang)):]
        alternates = {lg: prefix(lg) + path for lg in LANGS}
        ctx: dict[str, Any] = {
            "lang": lang,
            "t": lambda key, **kw: t(key, lang, **kw),
            "og_locale": LANGUAGE[lang].og_locale,
            "path": path,
            "alternates": alternates,
            "absolute": {lg: self.site_url + u for lg, u in alternates.items()},
            "fallback": bool(page is not None and self._is_fallback(page)),
            "search_base": prefix(lang).rstrip("/"),
            "site_url": self.site_url,
            "home_path": self._home_path(lang),
            "format_date": lambda d: format_date(d, lang),
            "data": (self.gen.data.get(page.url, {}) if (self.gen and page is not None) else {}),
            "search_worker": SEARCH_WORKER,
            "feed_url": f"{prefix(lang)}news/rss.xml" if self.site else None,
            "picture": self.images.template_helper(page),
            "frame": self.frame.for_page(page) if self.frame is not None and page is not None else PageFrame({}, None),
        }
        if self.site:
            d = self.site.department
            ctx["department"] = d
            ctx["news_url"] = prefix(lang) + "news/"
            ctx["home_blocks"] = [b for section in SECTIONS for b in section.home_blocks]
            for section in SECTIONS:
                if section.context is not None:
                    ctx.update(section.context(self.site, lang, page))
            if page is not None and page.meta.get("chief_message"):
                ctx["chief_message"] = Markup(clean(markdown.markdown(str(page.meta["chief_message"]))))
            if page is not None and self._src(page) == "index.md":  # only the home page shows them
                ctx["latest_news"] = [news_pages.card(p, lang) for p in self.site.news[:3]]
            ctx["portal_url"] = config.extra.get("cpsites_portal_url", "/")
            if page is not None and self._src(page).startswith("news/") and not is_generated(page):
                slug = base_name(Path(self._src(page)))
                post = next((p for p in self.site.news if p.slug == slug), None)
                if post:
                    ctx["post"] = news_pages.card(post, lang)
                    ctx["og"] = self.images.og_data.get((post.slug, lang))
        else:
            ctx["departments"] = self.portal_departments or []
        return ctx

    def _each_language_pass(self, config: MkDocsConfig) -> None:
        site_dir = Path(config.site_dir)
        record = LanguagePass(self.lang, config.site_url or "", fallback=set(self.fallback_urls))
        record.pages = [f.url for f in i18n_plugin.pages_of(config, self.lang)
                        if f.page is not None and not f.page.is_link]
        # Every pass writes the root 404.html, the last one wins: keep each language's own copy.
        page = site_dir / "404.html"
        if page.is_file():
            record.not_found = page.read_bytes()
            if self.lang != DEFAULT_LANG:
                (site_dir / self.lang).mkdir(exist_ok=True)
                (site_dir / self.lang / "404.html").write_bytes(record.not_found)
        self.passes = [p for p in self.passes if p.lang != self.lang] + [record]

    def _after_all_languages(self, config: MkDocsConfig) -> None:
        if i18n_plugin.inner_pass(config):
            return  # an inner language pass (or one language built alone): finished by others
        page_writer.flush()  # the search index the last pass wrote
        languages.finish(Path(config.site_dir), self.passes)
        processed, cached = self.images.counts()
        log.info(f"cpsites: images: {processed} processed, {cached} from the cache")

    @staticmethod
    def _written(config: MkDocsConfig) -> None:
        page_writer.flush()  # what follows reads back files MkDocs wrote (see page_writer)

    # first: the pass's files are on disk; early: before mkdocs-static-i18n (-100) runs the other
    # languages; late: after all of them
    on_post_build = CombinedEvent(event_priority(100)(_written),
                                  event_priority(0)(_each_language_pass),
                                  event_priority(-200)(_after_all_languages))
