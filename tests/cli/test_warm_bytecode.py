"""The bytecode warmer's order: what the project needs at run time first, then its dev tools."""

from __future__ import annotations

import re
import tomllib

from fwscaffold._warm_bytecode import dependency_order, sources

from ..conftest import REPO


def _name(requirement: str) -> str:
    return re.sub(r"[-_.]+", "-", re.match(r"[A-Za-z0-9._-]+", requirement).group()).lower()


def test_direct_runtime_dependencies_come_first_then_the_extra_then_the_rest():
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    runtime = {_name(r) for r in project["dependencies"]}
    extra = {_name(r) for r in project["optional-dependencies"]["test"]} - runtime

    order = [
        d.metadata["Name"].lower().replace("_", "-")
        for d in dependency_order("fwscaffold", {"test"})
    ]

    assert set(order[: len(runtime)]) == runtime
    assert set(order[len(runtime) : len(runtime) + len(extra)]) == extra
    # Transitive needs follow (cookiecutter needs binaryornot, jinja2 needs markupsafe).
    assert {"binaryornot", "markupsafe"} <= set(order[len(runtime) + len(extra) :])
    assert len(order) == len(set(order))


def test_without_the_extra_its_tools_are_left_out():
    order = {d.metadata["Name"].lower() for d in dependency_order("fwscaffold", set())}
    assert "click" in order and "pytest" not in order and "ruff" not in order


def test_sources_are_python_files_shallowest_first():
    click = next(d for d in dependency_order("fwscaffold", set()) if d.metadata["Name"] == "click")
    files = sources(click)
    assert files[0].name == "__init__.py" and files[0].parent.name == "click"
    assert all(f.suffix == ".py" and f.is_file() for f in files)
    depths = [len(f.parts) for f in files]
    assert depths == sorted(depths)
