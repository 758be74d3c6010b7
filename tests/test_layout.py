"""The package says what it is: three jobs over one content model, on shared infrastructure.

Every import in src/ (at module level, inside functions and for type checking alike) goes
from a room to itself or to a room below it, and no module reaches itself again through
others. A new module joins the room of its folder, or the infrastructure at the top level.
"""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src"
PACKAGE = "sunsetkit"

#: Each room and the rooms below it that it may import from.
BELOW: dict[str, set[str]] = {
    "infrastructure": set(),
    "content": {"infrastructure"},
    "render": {"infrastructure", "content"},
    "guides": {"infrastructure", "content", "render"},
    "checklists": {"infrastructure", "content", "render", "guides"},
    "checks": {"infrastructure", "content"},
    "report": {"infrastructure", "checks"},
    "schemas": {"infrastructure", "content", "checklists"},
}
TOP = {PACKAGE, f"{PACKAGE}.cli"}  # the command and the public API stand on everything


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted((SRC / PACKAGE).rglob("*.py")):
        parts = path.relative_to(SRC).with_suffix("").parts
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def _imports(module: str, path: Path, modules: dict[str, Path]) -> set[str]:
    is_package = path.name == "__init__.py"
    here = module.split(".") if is_package else module.split(".")[:-1]
    targets = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = here[: len(here) - node.level + 1] if node.level else []
            name = ".".join([*base, *(node.module or "").split(".")]).strip(".")
            for alias in node.names:  # `from . import x` may name a module
                candidate = f"{name}.{alias.name}"
                targets.add(candidate if candidate in modules else name)
        elif isinstance(node, ast.Import):
            targets.update(alias.name for alias in node.names)
    return {t for t in targets if t in modules and t != module}


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    return {name: _imports(name, path, modules) for name, path in modules.items()}


def _room(module: str) -> str:
    """The room of a module: its folder, its own name if it is a room, else infrastructure."""
    if module in TOP:
        return "top"
    name = module.split(".")[1]
    return name if name in BELOW else "infrastructure"


def test_every_import_goes_down_or_stays_in_its_room() -> None:
    wrong = [
        f"{module} ({_room(module)}) imports {target} ({_room(target)})"
        for module, targets in _graph().items()
        for target in sorted(targets)
        if _room(module) != "top"
        and _room(target) != _room(module)
        and _room(target) not in BELOW[_room(module)]
    ]
    assert not wrong, "\n".join(wrong)


def test_no_module_imports_itself_through_others() -> None:
    graph = _graph()
    circles = []
    state: dict[str, int] = {}  # 1: on the current path, 2: done

    def visit(module: str, path: list[str]) -> None:
        state[module] = 1
        for target in sorted(graph[module]):
            if state.get(target) == 1:
                circles.append(" -> ".join([*path[path.index(target) :], target]))
            elif target not in state:
                visit(target, [*path, target])
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    assert not circles, "\n".join(circles)


def test_the_rooms_are_the_folders() -> None:
    """A room of its own is a folder (a package), and every folder is a room."""
    folders = {p.name for p in (SRC / PACKAGE).iterdir() if (p / "__init__.py").is_file()}
    assert folders == {"content", "guides", "checks", "checklists"}
    assert folders <= set(BELOW)
