"""The house's shape: the content model below the roads, the web road never reaching into the
print road (their contract is cpsites/editions.py), and no import cycles."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "cpsites"


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(top_level_only: bool) -> dict[str, set[str]]:
    """module -> the cpsites modules it imports (all imports, or those run at import time)."""
    modules = {module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        tree = ast.parse(path.read_text("utf-8"))
        nodes = tree.body if top_level_only else list(ast.walk(tree))
        found: set[str] = set()
        for node in nodes:
            targets = []
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                # `from package import module` depends on the module; `from module import name` on it
                subs = [f"{node.module}.{a.name}" for a in node.names if f"{node.module}.{a.name}" in modules]
                names = [a.name for a in node.names if f"{node.module}.{a.name}" not in modules]
                targets = subs + ([node.module] if names else [])
            found |= {t for t in targets if t in modules and t != name}
        graph[name] = found
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    found, state = [], {}

    def visit(node: str, stack: list[str]) -> None:
        state[node] = "open"
        for nxt in sorted(graph[node]):
            if state.get(nxt) == "open":
                found.append(stack[stack.index(nxt):] + [nxt])
            elif nxt not in state:
                visit(nxt, stack + [nxt])
        state[node] = "done"

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    return found


def test_no_import_cycles():
    assert cycles(imports(top_level_only=True)) == []   # at import time
    assert cycles(imports(top_level_only=False)) == []  # nor through imports inside functions


def test_the_content_model_imports_no_road_and_web_never_imports_print():
    graph = imports(top_level_only=False)
    roads = ("cpsites.web", "cpsites.print", "cpsites.editor", "cpsites.build", "cpsites.serve", "cpsites.cli")
    for module, targets in graph.items():
        if module.startswith("cpsites.content"):
            assert not [t for t in targets if t.startswith(roads)], module
        if module.startswith("cpsites.web"):
            assert not [t for t in targets if t.startswith("cpsites.print")], module
