"""The generator's house rules, held by a test: modules import each other in one direction only,
at the top of the module, and the stages never import MkDocs.

An import loop hidden by an import inside a function works until someone moves the function;
then the package fails to import with a message about a partially initialised module. So the
loop check counts imports inside functions too, and only the `consult` command (which nothing
imports) may load a command's modules when that command runs, to start `consult check` quickly.
Type-only imports (under `if TYPE_CHECKING:`) are not loops: they never run.
"""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import REPO

PACKAGE = REPO / "generator"
# Entry points, which nothing imports: each command loads its own modules when it runs.
LAZY_LOADERS = {"generator.cli"}
# The MkDocs glue: the only modules that may import MkDocs (see docs and STYLE.md).
MKDOCS_GLUE = {"generator.engine.plugin", "generator.engine.config", "generator.engine.mkdocsfiles",
               "generator.engine.markdown_blocks", "generator.engine.html_fixes"}


def _modules() -> dict[str, Path]:
    modules = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(REPO).with_suffix("").parts
        modules[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return modules


def _is_type_checking(node: ast.If) -> bool:
    return isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING" or (
        isinstance(node.test, ast.Attribute) and node.test.attr == "TYPE_CHECKING")


def _imports(name: str, path: Path, modules: dict[str, Path]) -> tuple[set[str], list[str]]:
    """The package's modules `name` imports when it runs, and the imports found inside functions."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    type_only = {id(node) for block in ast.walk(tree) if isinstance(block, ast.If) and _is_type_checking(block)
                 for node in ast.walk(block)}
    inside = {id(node) for function in ast.walk(tree) if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef)
              for node in ast.walk(function)}
    targets: set[str] = set()
    hidden: list[str] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Import | ast.ImportFrom) or id(node) in type_only:
            continue
        if isinstance(node, ast.Import):
            found = {alias.name for alias in node.names}
        else:
            base = node.module or ""
            if node.level:
                base = ".".join([*package.split(".")[: len(package.split(".")) - node.level + 1], *filter(None, [node.module])])
            submodules = {f"{base}.{alias.name}" for alias in node.names} & modules.keys()
            found = submodules if len(submodules) == len(node.names) else {base, *submodules}
        found = {target for target in found if target in modules and target != name}
        if found and id(node) in inside and name not in LAZY_LOADERS:
            hidden.append(f"{path.relative_to(REPO)}:{node.lineno}")
        targets |= found
    return targets, hidden


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    groups: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        for target in sorted(graph[module]):
            if target not in index:
                visit(target)
                low[module] = min(low[module], low[target])
            elif target in stack:
                low[module] = min(low[module], index[target])
        if low[module] == index[module]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == module:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for module in sorted(graph):
        if module not in index:
            visit(module)
    return groups


def test_no_import_loop_and_no_import_hidden_in_a_function() -> None:
    modules = _modules()
    graph: dict[str, set[str]] = {}
    hidden: list[str] = []
    for name, path in modules.items():
        graph[name], found = _imports(name, path, modules)
        hidden += found
    assert _cycles(graph) == []
    assert hidden == []


def test_the_rule_finds_a_loop() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_only_the_mkdocs_glue_imports_mkdocs() -> None:
    importers = set()
    for name, path in _modules().items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import | ast.ImportFrom):
                names = [alias.name for alias in node.names] if isinstance(node, ast.Import) else [node.module or ""]
                if any(n == "mkdocs" or n.startswith("mkdocs.") for n in names):
                    importers.add(name)
    assert importers <= MKDOCS_GLUE, importers - MKDOCS_GLUE
