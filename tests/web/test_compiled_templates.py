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
