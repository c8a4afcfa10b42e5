"""The registry of frameworks, read from the templates themselves so it is defined once.

Each `templates/<name>/cookiecutter.json` is a framework: its variables are the template's
variables and its `_fwscaffold` entry holds the metadata (title, description, conventions).
Reading JSON only keeps `list`, `info` and `--help` free of cookiecutter and Jinja. For the
same start-up budget this module avoids pathlib and dataclasses (about 15 ms of imports and
class set-up): paths are kept as strings and become `Path`s only when asked for.
"""

from __future__ import annotations

import json
import os
from functools import cache
from typing import TYPE_CHECKING, Any, NamedTuple

from fwscaffold.errors import UnknownFrameworkError

if TYPE_CHECKING:
    from pathlib import Path

SHARED_DIR = "_shared"


class Variable(NamedTuple):
    """One template variable: its raw default (maybe a Jinja expression) and its choices."""

    name: str
    default: str
    choices: tuple[str, ...] = ()
    prompt: str = ""

    @property
    def is_derived(self) -> bool:
        return "{{" in self.default or "{%" in self.default


class Convention(NamedTuple):
    concept: str
    path: str
    needs_example: bool
    # "variable=value" (the syntax of `remove_if`): the row exists only for that answer.
    when: str = ""


class Alias(NamedTuple):
    """A name that leads to another framework's template (`web2py` -> `py4web`)."""

    name: str
    target: str
    why: str
    migration: str = ""


class Framework(NamedTuple):
    name: str
    title: str
    description: str
    location: str
    variables: tuple[Variable, ...]
    conventions: tuple[Convention, ...]
    metadata: dict[str, Any]
    raw_context: dict[str, Any]

    def variable(self, name: str) -> Variable | None:
        return next((v for v in self.variables if v.name == name), None)

    @property
    def path(self) -> Path:
        from pathlib import Path

        return Path(self.location)

    @property
    def hooks_dir(self) -> Path:
        return self.path / "hooks"


def templates_root() -> str:
    """Templates ship inside the wheel; in a source checkout they sit at the top level."""
    here = os.path.dirname(os.path.realpath(__file__))
    installed = os.path.join(here, "templates")
    if os.path.isdir(installed):
        return installed
    return os.path.join(os.path.dirname(os.path.dirname(here)), "templates")


def _load(path: str) -> Framework:
    with open(os.path.join(path, "cookiecutter.json"), encoding="utf-8") as file:
        raw: dict[str, Any] = json.load(file)
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
        name=os.path.basename(path),
        title=meta["title"],
        description=meta["description"],
        location=path,
        variables=tuple(variables),
        conventions=tuple(Convention(*entry) for entry in meta.get("conventions", [])),
        metadata=meta,
        raw_context=raw,
    )


def load_frameworks(root: str | os.PathLike[str] | None = None) -> dict[str, Framework]:
    """Every template under `root`, by name, in alphabetical order."""
    return _load_all(os.fspath(root) if root is not None else templates_root())


@cache
def _load_all(base: str) -> dict[str, Framework]:
    names = sorted(
        entry.name
        for entry in os.scandir(base)
        if entry.name != SHARED_DIR
        and os.path.isfile(os.path.join(entry.path, "cookiecutter.json"))
    )
    return {name: _load(os.path.join(base, name)) for name in names}


def aliases(root: str | os.PathLike[str] | None = None) -> dict[str, Alias]:
    """Names that lead to a template, declared in its `_fwscaffold.aliases`, by name."""
    found: dict[str, Alias] = {}
    for framework in load_frameworks(root).values():
        for name, about in framework.metadata.get("aliases", {}).items():
            found[name] = Alias(name, framework.name, about["why"], about.get("migration", ""))
    return dict(sorted(found.items()))


def resolve_framework(
    name: str, root: str | os.PathLike[str] | None = None
) -> tuple[Framework, Alias | None]:
    """The framework called `name`, or the one its alias leads to (with that alias)."""
    frameworks = load_frameworks(root)
    key = name.lower()
    if key in frameworks:
        return frameworks[key], None
    alias = aliases(root).get(key)
    if alias is not None:
        return frameworks[alias.target], alias
    from difflib import get_close_matches

    close = get_close_matches(key, [*frameworks, *aliases(root)], n=1)
    hint = f"did you mean {close[0]!r}? " if close else ""
    known = ", ".join(frameworks)
    raise UnknownFrameworkError(f"unknown framework {name!r}; {hint}choose from: {known}.")


def get_framework(name: str, root: str | os.PathLike[str] | None = None) -> Framework:
    return resolve_framework(name, root)[0]
