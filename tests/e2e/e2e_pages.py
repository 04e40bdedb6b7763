"""Which built pages the browser tests visit, and what they measure inside a page.

Sampling is read from the built site, not listed by hand, so a content type added later
(officers/, tv/, events/, brochures/, newspaper/ ...) is visited without touching the tests:
per language, the home page, every top-level section's index, and the first page of every
"shape" of sub-page below it (news/<post>/, news/tags/<tag>/, news/archive/<year>/, ...).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

LANGS = ("az", "ru", "en")
PREFIX = {"az": "", "ru": "ru/", "en": "en/"}
# folders of a built site that hold no pages of their own
NOT_PAGES = {"assets", "search", "images", "img", "media", "ru", "en"}
DEPT = "mingachevir"  # the pilot: the department with every content type


@dataclass(frozen=True)
class Sample:
    """One page to visit: `kind` names its content type ("news/*"), `path` is its URL path."""
    site: str   # "portal" or a department slug
    kind: str   # "home", "news", "news/*", "news/tags/*", "404", ...
    lang: str
    path: str   # URL path from the server root, e.g. "mingachevir/ru/news/"
    status: int = 200

    @property
    def id(self) -> str:
        return f"{self.site}:{self.lang}:{self.kind}"

    def in_lang(self, lang: str) -> str:
        """This page's URL path in another language."""
        root = "" if self.site == "portal" else self.site + "/"
        rest = self.path[len(root):]
        rest = rest[len(PREFIX[self.lang]):] if PREFIX[self.lang] and rest.startswith(PREFIX[self.lang]) else rest
        return root + PREFIX[lang] + rest


def _pages_below(folder: Path, depth: int) -> list[Path]:
    found = []
    for child in sorted(p for p in folder.iterdir() if p.is_dir()):
        if (child / "index.html").is_file():
            found.append(child)
        if depth > 1:
            found += _pages_below(child, depth - 1)
    return found


def _shape(rel: str) -> str:
    """news/2026-11-05-x -> news/*; news/tags/schools -> news/tags/*; news/page/2 -> news/page/*"""
    parts = rel.split("/")
    return "/".join(parts[:-1] + ["*"])


def site_samples(site_root: Path, site: str, lang: str) -> list[Sample]:
    base_url = ("" if site == "portal" else site + "/") + PREFIX[lang]
    base = site_root / base_url if base_url else site_root
    samples = [Sample(site, "home", lang, base_url)]
    for top in sorted(p for p in base.iterdir() if p.is_dir()):
        if top.name in NOT_PAGES or (top / "assets").is_dir() or (top / "search").is_dir():
            continue  # not pages, or another site (a department below the portal)
        if (top / "index.html").is_file():
            samples.append(Sample(site, top.name, lang, f"{base_url}{top.name}/"))
        seen: set[str] = set()
        for page in _pages_below(top, 3):
            rel = page.relative_to(base).as_posix()
            kind = _shape(rel)
            if kind not in seen:
                seen.add(kind)
                samples.append(Sample(site, kind, lang, f"{base_url}{rel}/"))
    if (base / "404.html").is_file():
        samples.append(Sample(site, "404", lang, f"{base_url}no-such-page/", status=404))
    return samples


def by_lang(samples: list[Sample], lang: str) -> list[Sample]:
    return [s for s in samples if s.lang == lang]


def all_samples(site_root: Path) -> list[Sample]:
    """Portal and pilot department, every language."""
    out = []
    for lang in LANGS:
        out += site_samples(site_root, "portal", lang)
        out += site_samples(site_root, DEPT, lang)
    return out


# --- measured inside the page (JavaScript run by Playwright) --------------------------------

# Interactive elements a finger or a keyboard uses.
TARGETS = "a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button], [tabindex='0'], label[for]"

JS_VISIBLE = """
(el) => {
  if (!el || !el.checkVisibility({opacityProperty: true, visibilityProperty: true})) return false;
  const r = el.getBoundingClientRect();
  return r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0
      && r.left < window.innerWidth && r.top < window.innerHeight;
}
"""

# WCAG 2.2 2.5.8 Target Size (Minimum), AA: 24x24 CSS px, unless a 24-px circle centred on the
# target touches no other target (spacing), or the target is a link inside a sentence (inline).
JS_SMALL_TARGETS = """
(selector) => {
  const vw = window.innerWidth;
  const seen = new Set();
  const targets = [];
  for (const el of document.querySelectorAll(selector)) {
    if (!el.checkVisibility({opacityProperty: true, visibilityProperty: true})) continue;
    if (el.closest('[aria-hidden="true"], .md-search__output, .md-sidebar--secondary')) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || r.right <= 0 || r.left >= vw) continue;  // off-canvas
    const inline = getComputedStyle(el).display === 'inline' && el.tagName === 'A'
      && el.parentElement && /\\S/.test([...el.parentElement.childNodes]
           .filter(n => n.nodeType === 3).map(n => n.textContent).join(''));
    if (seen.has(el)) continue;
    seen.add(el);
    targets.push({el, r, inline});
  }
  const small = t => t.r.width < 24 || t.r.height < 24;
  const centre = r => [r.left + r.width / 2, r.top + r.height / 2];
  const distToRect = ([x, y], r) => Math.hypot(Math.max(r.left - x, 0, x - r.right), Math.max(r.top - y, 0, y - r.bottom));
  const bad = [];
  for (const t of targets) {
    if (!small(t) || t.inline) continue;
    const c = centre(t.r);
    const crowded = targets.some(o => o !== t && !o.el.contains(t.el) && !t.el.contains(o.el) && (small(o)
        ? Math.hypot(c[0] - centre(o.r)[0], c[1] - centre(o.r)[1]) < 24
        : distToRect(c, o.r) < 12));
    if (crowded) bad.push(`${t.el.tagName.toLowerCase()}.${[...t.el.classList].join('.')} "${(t.el.innerText || t.el.getAttribute('aria-label') || '').trim().slice(0, 30)}" ${Math.round(t.r.width)}x${Math.round(t.r.height)}`);
  }
  return bad;
}
"""

# Visible text smaller than 12 CSS px.
JS_SMALL_TEXT = """
() => {
  const bad = new Set();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!el || !/\\S/.test(n.textContent) || el.closest('script, style, noscript, svg')) continue;
    if (!el.checkVisibility({opacityProperty: true, visibilityProperty: true})) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || r.right <= 0 || r.left >= window.innerWidth) continue;
    const size = parseFloat(getComputedStyle(el).fontSize);
    if (size < 12) bad.add(`${el.tagName.toLowerCase()}.${[...el.classList].join('.')} ${size}px "${n.textContent.trim().slice(0, 30)}"`);
  }
  return [...bad];
}
"""

# Material's search worker has loaded its index: the result box shows "Type to start searching".
JS_SEARCH_READY = """
() => {
  const meta = document.querySelector('.md-search-result__meta');
  const config = document.getElementById('__config');
  if (!meta || !config) return true;
  return meta.textContent.trim() === JSON.parse(config.textContent).translations['search.result.placeholder'];
}
"""

JS_OVERFLOW = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"

JS_AXE = """
async () => {
  const r = await axe.run(document, {resultTypes: ['violations']});
  return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}));
}
"""

# What the focused element is and whether a sighted keyboard user can see it.
JS_FOCUS = """
async () => {
  // let the page react to the focus first (Material opens search when its box gets focus)
  await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const r = el.getBoundingClientRect();
  const cs = getComputedStyle(el);
  const ring = (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0) || cs.boxShadow !== 'none';
  return {
    tag: el.tagName.toLowerCase(), cls: el.className && el.className.baseVal === undefined ? el.className : '',
    href: el.getAttribute('href') || '', text: (el.innerText || el.value || el.getAttribute('aria-label') || '').trim().slice(0, 40),
    id: el.id, name: el.getAttribute('name') || '', role: el.getAttribute('role') || '', for: el.getAttribute('for') || '',
    hreflang: el.getAttribute('hreflang') || '',
    visible: el.checkVisibility({opacityProperty: true, visibilityProperty: true}) && r.width > 0 && r.height > 0
      && r.right > 0 && r.bottom > 0 && r.left < window.innerWidth && r.top < window.innerHeight,
    ring,
    rect: [r.left, r.top, r.width, r.height].map(Math.round),
  };
}
"""

NO_MOTION_CSS = "*, *::before, *::after { transition: none !important; animation: none !important; }"


def az_fold(text: str) -> str:
    return text.replace("İ", "i").replace("I", "ı").lower()


def words(text: str) -> list[str]:
    return re.findall(r"[^\W\d_]+", text)
