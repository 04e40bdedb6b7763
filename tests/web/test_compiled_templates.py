"""Compiled templates kept on disk for the next process, and compiled again when edited."""

import jinja2

from cpsites.web.plugin import _CompiledTemplates


def _env(folder, cache):
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(folder)), bytecode_cache=cache)
    compiled = []
    original = env.compile

    def counting(*a, **kw):
        compiled.append(a[1] if len(a) > 1 else kw.get("name"))
        return original(*a, **kw)

    env.compile = counting
    return env, compiled


def test_the_next_process_loads_and_an_edit_compiles_again(tmp_path):
    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "page.html").write_text("Salam, {{ name }}!")
    first = _CompiledTemplates()
    first.folder = tmp_path / "cache"
    env, compiled = _env(tmp_path / "t", first)
    assert env.get_template("page.html").render(name="Gəncə") == "Salam, Gəncə!"
    assert compiled == ["page.html"] and list((tmp_path / "cache").glob("*.jinja"))

    fresh = _CompiledTemplates()  # another process: empty memory, same folder
    fresh.folder = tmp_path / "cache"
    env, compiled = _env(tmp_path / "t", fresh)
    assert env.get_template("page.html").render(name="Şirvan") == "Salam, Şirvan!"
    assert compiled == []

    (tmp_path / "t" / "page.html").write_text("Salam, {{ name }}. Xoş gəldiniz!")
    again = _CompiledTemplates()
    again.folder = tmp_path / "cache"
    env, compiled = _env(tmp_path / "t", again)
    assert env.get_template("page.html").render(name="Quba") == "Salam, Quba. Xoş gəldiniz!"
    assert compiled == ["page.html"]


def test_code_compiled_without_escaping_is_never_used_with_escaping(tmp_path):
    # the build worker's warm-up once compiled templates in MkDocs' default (no autoescape) and the
    # build, which escapes, was handed that code: titles were written unescaped
    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "page.html").write_text("<h1>{{ title }}</h1>")
    cache = _CompiledTemplates()
    cache.folder = tmp_path / "cache"
    plain = jinja2.Environment(loader=jinja2.FileSystemLoader(str(tmp_path / "t")), bytecode_cache=cache)
    title = 'Bayram"><img src="https://tracker.example/p.png">'
    assert plain.get_template("page.html").render(title=title) == f"<h1>{title}</h1>"
    for store in (cache, _CompiledTemplates()):  # this process, and the next one (from disk)
        store.folder = tmp_path / "cache"
        escaping = jinja2.Environment(loader=jinja2.FileSystemLoader(str(tmp_path / "t")), bytecode_cache=store,
                                      autoescape=True)
        out = escaping.get_template("page.html").render(title=title)
        assert "<img" not in out and "&lt;img" in out
