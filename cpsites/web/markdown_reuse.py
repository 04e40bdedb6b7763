"""One Markdown converter per build pass instead of one per page.

MkDocs' `Page.render` makes a new `markdown.Markdown` for every page, loading every extension
again: 0.6 ms a page, ~3 s of processor time over the sample project at 100 posts a department.
Python-Markdown is made to convert many documents with one instance (`Markdown.reset()` resets
it and every extension that keeps per-document state: footnotes, abbreviations, the table of
contents, pymdownx's blocks and fences). `install()` replaces `Page.render` with MkDocs 1.6's own
code that keeps the converter of the pass (the same config object) and resets it per page; the
four page-specific processors MkDocs adds are registered again under their names, which replaces
the previous page's. `tests/web/test_markdown_reuse.py` renders every sample page both ways and
compares the HTML, table of contents and title.

The method is MkDocs 1.6's (pyproject pins mkdocs>=1.6,<1.7); `compatible()` (cpsites/web/mkdocs_patch.py) checks its source is
the one copied here, and `install()` leaves MkDocs alone when it is not.
To drop this module: delete it and its `install()` call; builds are then slower, not different.
"""

from __future__ import annotations

import logging

from mkdocs.structure.pages import Page

from cpsites.web.mkdocs_patch import MethodPatch

# sha256 of the source of MkDocs 1.6's Page.render, which `_render` repeats
EXPECTED_DIGEST = "320529348f7a8af152073d0a3ab02960ccce91f9204716144e51b20931983cc6"

_LAST: list = [(), None]  # [what the converter was made from, the converter]: passes run one at a time


def _converter(config):
    import markdown

    made_from = (config, config["markdown_extensions"], config["mdx_configs"])
    if len(_LAST[0]) != 3 or any(a is not b for a, b in zip(_LAST[0], made_from)):
        _LAST[0] = made_from
        _LAST[1] = markdown.Markdown(extensions=config["markdown_extensions"],
                                     extension_configs=config["mdx_configs"] or {})
    md = _LAST[1]
    md.reset()
    return md


def _render(self, config, files) -> None:
    """MkDocs 1.6's Page.render with the pass's converter (see the module's docstring)."""
    from mkdocs.structure import pages
    from mkdocs.structure.toc import get_toc

    if self.markdown is None:
        raise RuntimeError("`markdown` field hasn't been set (via `read_source`)")

    md = _converter(config)

    raw_html_ext = pages._RawHTMLPreprocessor()
    raw_html_ext._register(md)

    extract_anchors_ext = pages._ExtractAnchorsTreeprocessor(self.file, files, config)
    extract_anchors_ext._register(md)

    relative_path_ext = pages._RelativePathTreeprocessor(self.file, files, config)
    relative_path_ext._register(md)

    extract_title_ext = pages._ExtractTitleTreeprocessor()
    extract_title_ext._register(md)

    self.content = md.convert(self.markdown)
    self.toc = get_toc(getattr(md, "toc_tokens", []))
    self._title_from_render = extract_title_ext.title
    self.present_anchor_ids = (
        extract_anchors_ext.present_anchor_ids | raw_html_ext.present_anchor_ids
    )
    if pages.log.getEffectiveLevel() > logging.DEBUG:
        self.links_to_anchors = relative_path_ext.links_to_anchors


PATCH = MethodPatch(Page, "render", _render, EXPECTED_DIGEST, "cpsites/web/markdown_reuse.py")
compatible = PATCH.compatible
install = PATCH.install
