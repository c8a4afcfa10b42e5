"""`fwscaffold new`: success output, literal answers, and the files it writes."""

from __future__ import annotations

import json
import subprocess
import tomllib

import pytest

from fwscaffold import __version__
from fwscaffold.cli import cli
from fwscaffold.frameworks import get_framework
from fwscaffold.generate import generate_project

from ..conftest import TEMPLATES

FW = "flask"


def test_new_creates_project_and_prints_next_steps(runner, tmp_path):
    result = runner.invoke(cli, ["new", FW, "myapp", "-o", str(tmp_path), "--no-input"])
    assert result.exit_code == 0, result.output
    project = tmp_path / "myapp"
    assert result.stdout.startswith(f"Created {project} (Flask)\n")
    assert f"cd {project}" in result.stdout
    assert "pytest" in result.stdout
    assert result.stderr == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["myapp"]
    assert (project / "myapp" / "__init__.py").is_file()


def test_provenance_records_framework_version_and_answers(runner, tmp_path):
    runner.invoke(cli, ["new", FW, "my-app", "-o", str(tmp_path), "--set", "docker=no"])
    meta = json.loads((tmp_path / "my-app" / ".fwscaffold.json").read_text())
    assert meta["framework"] == FW
    assert meta["fwscaffold_version"] == __version__
    assert meta["generator"] == f"fwscaffold {__version__}"
    assert meta["answers"]["project_slug"] == "my-app"
    assert meta["answers"]["package_name"] == "my_app"
    assert meta["answers"]["docker"] == "no"
    assert not any(key.startswith("_") for key in meta["answers"])
    assert not (tmp_path / "my-app" / "Dockerfile").exists()


def test_typed_text_is_never_rendered_as_a_template(runner, tmp_path):
    result = runner.invoke(
        cli, ["new", FW, "safe", "-o", str(tmp_path), "--set", "description={{ 7*7 }} {% if %}"]
    )
    assert result.exit_code == 0, result.output
    readme = (tmp_path / "safe" / "README.md").read_text()
    assert "{{ 7*7 }} {% if %}" in readme
    assert "49" not in readme


HOSTILE = "Quote \"it\" \\ back\\slash ünï 😀 <b>&amp;</b> 'single'"


def test_hostile_free_text_still_yields_valid_toml_and_python(runner, tmp_path):
    args = ["new", FW, "hostile", "-o", str(tmp_path)]
    for key in ("project_name", "description", "author_name", "author_email"):
        args += ["--set", f"{key}={HOSTILE}"]
    result = runner.invoke(cli, args)
    assert result.exit_code == 0, result.output
    project = tmp_path / "hostile"
    meta = tomllib.loads((project / "pyproject.toml").read_text("utf-8"))["project"]
    assert meta["description"] == HOSTILE
    assert meta["authors"] == [{"name": HOSTILE, "email": HOSTILE}]
    for source in project.rglob("*.py"):
        compile(source.read_text("utf-8"), str(source), "exec")


def test_output_dir_is_created_when_missing(runner, tmp_path):
    out = tmp_path / "a" / "b"
    result = runner.invoke(cli, ["new", FW, "deep", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert (out / "deep" / "pyproject.toml").is_file()


def test_library_asks_for_every_variable_not_given(tmp_path):
    asked = []

    def ask(variable, default):
        asked.append(variable.name)
        return "Asked for" if variable.name == "description" else default

    framework = get_framework(FW, TEMPLATES)
    project = generate_project(
        framework, "asked", output_dir=tmp_path, given={"docker": "no"}, ask=ask
    )
    answers = json.loads((project / ".fwscaffold.json").read_text())["answers"]
    assert answers["description"] == "Asked for"
    assert "docker" not in asked and "project_slug" not in asked
    assert "description" in asked and "include_example" in asked
    # The seed of the development secrets is made, never asked for, yet recorded.
    assert "project_seed" not in asked
    assert len(answers["project_seed"]) == 32 and answers["project_seed"].isalpha()


def test_git_makes_a_first_commit(runner, tmp_path):
    result = runner.invoke(cli, ["new", FW, "vcs", "-o", str(tmp_path), "--git"])
    assert result.exit_code == 0, result.output
    log = subprocess.run(
        ["git", "log", "--oneline"], cwd=tmp_path / "vcs", capture_output=True, text=True
    )
    assert log.stdout.strip().endswith("Initial commit from fwscaffold")
    status = subprocess.run(
        ["git", "status", "--porcelain"], cwd=tmp_path / "vcs", capture_output=True, text=True
    )
    assert status.stdout == ""


def test_git_missing_is_a_warning_not_a_failure(runner, tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "empty-bin"))
    result = runner.invoke(cli, ["new", FW, "nogit", "-o", str(tmp_path), "--git"])
    assert result.exit_code == 0
    assert result.stderr == (
        "Warning: git is not installed, so --git was skipped; the project itself is ready.\n"
    )
    assert not (tmp_path / "nogit" / ".git").exists()


@pytest.mark.parametrize(
    "framework", sorted(p.parent.name for p in TEMPLATES.glob("[!_]*/cookiecutter.json"))
)
def test_every_framework_bakes_with_defaults(runner, tmp_path, framework):
    result = runner.invoke(cli, ["new", framework, "demo", "-o", str(tmp_path), "--no-input"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "demo" / ".fwscaffold.json").is_file()
