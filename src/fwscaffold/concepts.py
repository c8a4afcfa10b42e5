"""The concepts every HTTP starter shows, defined once, and how to find each in a project.

Each template's `_fwscaffold.concepts` maps a concept to `[file, symbol]`: the file (with
`{package_name}`) and the function, class, `Class.method` or assignment that implements it.
For a file that is not Python the symbol is a line key (`web` finds the Procfile's `web:`
line); an empty symbol means the whole file. A test renders every template and checks that
each declared file and symbol exists, so the map cannot rot.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from pathlib import Path

# Concept id -> what a reader looks for; the order is the table's order.
CONCEPTS: dict[str, str] = {
    "app": "Application entry point",
    "routes": "Routing of the notes API",
    "validation": "Request parsing and validation",
    "auth": "Bearer-token check",
    "storage": "Model or store and its database set-up",
    "errors": "JSON error handling",
    "config": "Configuration from the environment",
    "html": "HTML list and form",
    "fixtures": "Test fixtures",
    "server": "Production server line",
}
# Only starters with HTML pages (`html_notes`) show these.
HTML_ONLY = frozenset({"html"})


class Location(NamedTuple):
    file: str
    symbol: str

    def render(self, package_name: str) -> Location:
        return Location(self.file.format(package_name=package_name), self.symbol)

    def __str__(self) -> str:
        return f"{self.file}:{self.symbol}" if self.symbol else self.file


def required_concepts(html_notes: bool) -> list[str]:
    """The concepts a starter must map: all of them, less the HTML ones without pages."""
    return [c for c in CONCEPTS if html_notes or c not in HTML_ONLY]


def extract(path: Path, symbol: str) -> str:
    """The source of `symbol` in `path` (decorators included); LookupError if it is absent."""
    text = path.read_text("utf-8")
    if not symbol:
        return text
    if path.suffix != ".py":
        lines = [line for line in text.splitlines() if line.startswith(f"{symbol}:")]
        if not lines:
            raise LookupError(f"{path.name} has no '{symbol}:' line")
        return "\n".join(lines) + "\n"
    parts = symbol.split(".")
    node = _find(ast.parse(text).body, parts[0], path, symbol)
    for part in parts[1:]:
        node = _find(node.body if isinstance(node, ast.ClassDef) else [], part, path, symbol)
    decorators = getattr(node, "decorator_list", [])
    start = min([node.lineno, *(d.lineno for d in decorators)])
    end = node.end_lineno or node.lineno
    return "\n".join(text.splitlines()[start - 1 : end]) + "\n"


def _find(body: list[ast.stmt], name: str, path: Path, symbol: str) -> ast.stmt:
    found = next((node for node in body if _defines(node, name)), None)
    if found is None:
        raise LookupError(f"{path.name} defines no {symbol!r}")
    return found


def _defines(node: ast.stmt, name: str) -> bool:
    if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
        return node.name == name
    if isinstance(node, ast.Assign):
        return any(isinstance(t, ast.Name) and t.id == name for t in node.targets)
    if isinstance(node, ast.AnnAssign):
        return isinstance(node.target, ast.Name) and node.target.id == name
    return False
