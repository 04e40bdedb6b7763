"""One Markdown converter per pass (cpsites/web/markdown_reuse.py) writes what MkDocs' own writes."""

from pathlib import Path

from mkdocs.config import load_config
from mkdocs.structure.files import File, Files, get_files
from mkdocs.structure.pages import Page

from cpsites.web import markdown_reuse

REPO = Path(__file__).resolve().parents[2]

# what keeps per-document state in our extensions: footnotes, abbreviations, headings (toc),
# pymdownx blocks and fences
STATEFUL = """# Tədbir

Mətn[^1] və HTML.

*[HTML]: Hyper Text Markup Language

## Ətraflı {#more}

/// caption
Şəkil
///

```
kod
```

[^1]: Qeyd.
"""
PLAIN = "# Başqa səhifə\n\nHTML sözü burada izahsızdır, qeyd yoxdur.\n\n## Ətraflı\n"


def _render(method, page, config, files):
    method(page, config, files)
    return page.content, str(page.toc), page._title_from_render, sorted(page.present_anchor_ids)


def _pages(config, files):
    for f in files.documentation_pages():
        page = Page(None, f, config)
        page.read_source(config)
        yield page


def test_compatible_with_the_installed_mkdocs():
    assert markdown_reuse.compatible() == []


def test_every_sample_page_renders_the_same(tmp_path):
    markdown_reuse.install()
    original = markdown_reuse.PATCH.original
    for dept in ("tartar", "mingachevir"):
        config = load_config(str(REPO / "sites" / dept / "mkdocs.yml"), site_dir=str(tmp_path / dept))
        files = get_files(config)
        pages = list(_pages(config, files))
        assert len(pages) > 20
        for page in pages:  # one converter for all of them, in turn, as in a build
            ours = _render(markdown_reuse._render, page, config, files)
            assert ours == _render(original, page, config, files), page.file.src_uri


def test_no_state_carries_from_one_page_to_the_next(tmp_path):
    markdown_reuse.install()
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.md").write_text(STATEFUL, "utf-8")
    (docs / "b.md").write_text(PLAIN, "utf-8")
    config = load_config(str(REPO / "sites" / "tartar" / "mkdocs.yml"), docs_dir=str(docs),
                         site_dir=str(tmp_path / "site"))
    files = Files([File(n, str(docs), str(tmp_path / "site"), True) for n in ("a.md", "b.md")])
    a, b = (Page(None, f, config) for f in files)
    for page in (a, b):
        page.read_source(config)
    first = _render(markdown_reuse._render, a, config, files)
    assert "footnote" in first[0] and "<abbr" in first[0]
    second = _render(markdown_reuse._render, b, config, files)
    assert second == _render(markdown_reuse.PATCH.original, b, config, files)
    assert "footnote" not in second[0] and "<abbr" not in second[0]
    # the heading ids start again on every page (no "more_1" from the page before)
    assert 'id="etrafli"' in second[0] or 'id="ətraflı"' in second[0], second[0]
    assert _render(markdown_reuse._render, a, config, files) == first
