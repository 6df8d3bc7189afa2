"""The shape of desk/, read from the source: layers, no import cycles, SQL only in the store.

These fail when a change puts a decision in the wrong layer, so the shape the
README describes stays the shape of the code: core imports neither the app
nor the CLI, no two modules import each other (also not through a chain, and
also not only for type checking or inside a function), all SQL lives in
desk/core/store/, no module grows past 400 lines, and every module with logic
has its test file where the tree says (desk/a/b.py -> tests/a/test_b.py).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DESK = REPO / "desk"
MAX_LINES = 400
# Modules with logic whose tests live elsewhere, and why.
TESTED_ELSEWHERE = {
    "desk/selftest/checks.py": "tests/packaging/test_selftest.py: what every frozen build runs",
}
SQL = re.compile(r"\b(SELECT\s.+\sFROM|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|"
                 r"CREATE\s+(TABLE|INDEX|VIRTUAL\s+TABLE|TRIGGER)|ALTER\s+TABLE|"
                 r"DROP\s+(TABLE|INDEX)|PRAGMA\s+\w+)\b", re.DOTALL)


def module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted(DESK.rglob("*.py"))}


def imports_of(name: str) -> set[str]:
    """Every desk module `name` imports: at the top, inside functions, for type checking."""
    path = MODULES[name]
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name in MODULES}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[:len(package.split(".")) - node.level + 1]
                base = ".".join([*parts, base] if base else parts)
            for alias in node.names:
                target = f"{base}.{alias.name}"
                if target in MODULES:
                    found.add(target)
                elif base in MODULES:
                    found.add(base)
    return found


GRAPH = {name: imports_of(name) for name in MODULES}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in sorted(graph[node]):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_the_graph_sees_every_kind_of_import() -> None:
    """Top-level, function-level and type-checking-only imports all count."""
    assert "desk.core.store.project" in GRAPH["desk.core.store"]  # from a package __init__
    assert "desk.core.pipeline.engines.faster_engine" in GRAPH[
        "desk.core.pipeline.engines.registry"]  # imported inside a function
    assert "desk.ui.main_window" in GRAPH["desk.ui.app"]  # under TYPE_CHECKING and lazily
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_import_cycles() -> None:
    assert cycles(GRAPH) == []


def test_core_imports_neither_the_app_nor_the_cli() -> None:
    crossing = {name: sorted(i for i in imported if i.startswith(("desk.ui", "desk.cli")))
                for name, imported in GRAPH.items() if name.startswith("desk.core")}
    assert {name: bad for name, bad in crossing.items() if bad} == {}


def _strings(path: Path) -> list[tuple[int, str]]:
    """The string literals of a module (f-strings by their literal parts), with line numbers."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            found.append((node.lineno, node.value))
        elif isinstance(node, ast.JoinedStr):
            text = "".join(v.value if isinstance(v, ast.Constant) else " x "
                           for v in node.values)
            found.append((node.lineno, text))
    return found


def test_the_sql_check_finds_sql() -> None:
    assert SQL.search('SELECT a.*, t.name FROM annotations a')
    assert SQL.search('INSERT INTO annotations(tag_id) VALUES (?)')
    assert SQL.search("PRAGMA user_version")
    assert not SQL.search("Select the segments first.")  # UI text is not SQL
    assert not SQL.search("update the codebook")


def test_all_sql_lives_in_the_store() -> None:
    outside = {str(path.relative_to(REPO)): [(line, text[:60]) for line, text in _strings(path)
                                             if SQL.search(text)]
               for name, path in MODULES.items() if not name.startswith("desk.core.store")}
    assert {path: hits for path, hits in outside.items() if hits} == {}, \
        "move the SQL into desk/core/store/"


def test_no_module_is_over_400_lines() -> None:
    long = {str(p.relative_to(REPO)): n for p in MODULES.values()
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}


def has_logic(path: Path) -> bool:
    """A module that defines a function or method (records and constants alone do not count)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return any(isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef) for n in ast.walk(tree))


def mirrored_test(path: Path) -> Path:
    relative = path.relative_to(DESK)
    return REPO / "tests" / relative.parent / f"test_{relative.name}"


def test_every_module_with_logic_has_its_test_file() -> None:
    missing = sorted(str(p.relative_to(REPO)) for p in MODULES.values()
                     if p.name not in ("__init__.py", "__main__.py") and has_logic(p)
                     and not mirrored_test(p).is_file())
    assert [m for m in missing if m not in TESTED_ELSEWHERE] == []
    for module, reason in TESTED_ELSEWHERE.items():
        assert (REPO / reason.split(":")[0]).is_file(), module
        assert module in missing, f"{module} has its own test file now; drop the exception"
