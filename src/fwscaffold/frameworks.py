"""The registry of frameworks, read from the templates themselves so it is defined once.

Each `templates/<name>/cookiecutter.json` is a framework: its variables are the template's
variables and its `_fwscaffold` entry holds the metadata (title, description, conventions).
Reading JSON only keeps `list`, `info` and `--help` free of cookiecutter and Jinja.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from fwscaffold.errors import UnknownFrameworkError

SHARED_DIR = "_shared"


@dataclass(frozen=True)
class Variable:
    """One template variable: its raw default (maybe a Jinja expression) and its choices."""

    name: str
    default: str
    choices: tuple[str, ...] = ()
    prompt: str = ""

    @property
    def is_derived(self) -> bool:
        return "{{" in self.default or "{%" in self.default


@dataclass(frozen=True)
class Convention:
    concept: str
    path: str
    needs_example: bool


@dataclass(frozen=True)
class Framework:
    name: str
    title: str
    description: str
    path: Path
    variables: tuple[Variable, ...]
    conventions: tuple[Convention, ...]
    metadata: dict[str, Any]
    raw_context: dict[str, Any]

    def variable(self, name: str) -> Variable | None:
        return next((v for v in self.variables if v.name == name), None)

    @property
    def hooks_dir(self) -> Path:
        return self.path / "hooks"


def templates_root() -> Path:
    """Templates ship inside the wheel; in a source checkout they sit at the top level."""
    installed = Path(__file__).resolve().parent / "templates"
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parents[2] / "templates"


def _load(path: Path) -> Framework:
    raw: dict[str, Any] = json.loads((path / "cookiecutter.json").read_text("utf-8"))
    meta = raw["_fwscaffold"]
    prompts = raw.get("__prompts__", {})
    variables = []
    for name, value in raw.items():
        if name.startswith("_"):
            continue
        if isinstance(value, list):
            choices = tuple(str(choice) for choice in value)
            variables.append(Variable(name, choices[0], choices, prompts.get(name, "")))
        else:
            variables.append(Variable(name, str(value), (), prompts.get(name, "")))
    return Framework(
        name=path.name,
        title=meta["title"],
        description=meta["description"],
        path=path,
        variables=tuple(variables),
        conventions=tuple(Convention(*entry) for entry in meta.get("conventions", [])),
        metadata=meta,
        raw_context=raw,
    )


@cache
def load_frameworks(root: Path | None = None) -> dict[str, Framework]:
    """Every template under `root`, by name, in alphabetical order."""
    base = root or templates_root()
    found = sorted(p.parent for p in base.glob("*/cookiecutter.json"))
    return {p.name: _load(p) for p in found if p.name != SHARED_DIR}


def get_framework(name: str, root: Path | None = None) -> Framework:
    frameworks = load_frameworks(root)
    try:
        return frameworks[name.lower()]
    except KeyError:
        known = ", ".join(frameworks)
        raise UnknownFrameworkError(f"unknown framework {name!r}; choose from: {known}.") from None
