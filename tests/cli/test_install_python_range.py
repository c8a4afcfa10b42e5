"""`--install` refuses a Python outside the project's requires-python, with one Error: line,
before it creates a venv or reaches a package index."""

from __future__ import annotations

import sys

import pytest

from fwscaffold import install
from fwscaffold.cli import cli
from fwscaffold.errors import InstallError
from fwscaffold.install import check_python_range, install_project

RUNNING = tuple(sys.version_info[:3])


def tiny_project(tmp_path, requires_python):
    project = tmp_path / "tiny"
    project.mkdir()
    (project / "pyproject.toml").write_text(
        f'[project]\nname = "tiny"\nversion = "0.1.0"\nrequires-python = "{requires_python}"\n'
    )
    return project


def test_install_refuses_an_interpreter_the_project_excludes(tmp_path):
    major, minor = RUNNING[:2]
    project = tiny_project(tmp_path, f">={major}.{minor - 2},<{major}.{minor}")
    steps = []
    with pytest.raises(InstallError) as error:
        install_project(project, steps.append)
    message = str(error.value)
    assert message.startswith("cannot install tiny: it requires Python ")
    assert f"<{major}.{minor}" in message
    assert "runs on Python {}.{}.{}".format(*RUNNING) in message
    assert "\n" not in message
    assert steps == []
    assert not (project / ".venv").exists()


@pytest.mark.parametrize(
    ("specifier", "fits"),
    [
        (">=3.11,<3.13", True),
        (">=3.11, <3.12", True),
        ("<3.13", True),
        (">=3.12", False),
        ("<3.11", False),
        ("<=3.11.7", True),
        ("<=3.11.6", False),
        (">3.11", True),
        (">3.11.7", False),
        ("==3.11.*", True),
        ("==3.12.*", False),
        ("!=3.11.*", False),
        ("!=3.12", True),
        ("==3.11.7", True),
        ("===3.11.7", True),
        ("~=3.10", True),
        ("~=3.11.8", False),
        ("~=3.11.2", True),
        (">= 3.11", True),
    ],
)
def test_requires_python_clauses(tmp_path, specifier, fits):
    project = tiny_project(tmp_path, specifier)
    if fits:
        check_python_range(project, (3, 11, 7))
    else:
        with pytest.raises(InstallError, match="requires Python"):
            check_python_range(project, (3, 11, 7))


@pytest.mark.parametrize("pyproject", [None, "[project]\nname = 'x'\n", "not toml [", "odd"])
def test_what_cannot_be_read_is_left_to_the_installer(tmp_path, pyproject):
    project = tmp_path / "p"
    project.mkdir()
    if pyproject == "odd":
        pyproject = '[project]\nrequires-python = ">=3.x"\n'
    if pyproject is not None:
        (project / "pyproject.toml").write_text(pyproject)
    check_python_range(project, (3, 11, 7))


def test_new_with_install_on_an_excluded_python_is_one_error_line(runner, tmp_path, monkeypatch):
    """The hug template declares >=3.11,<3.13: on 3.13 --install stops before the venv."""
    monkeypatch.setattr(install, "_running_python", lambda: (3, 13, 0))
    result = runner.invoke(
        cli, ["new", "hug", "app", "--no-input", "--install", "-o", str(tmp_path)]
    )
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert errors == [
        "Error: cannot install app: it requires Python >=3.11,<3.13 (requires-python in its "
        "pyproject.toml) and fwscaffold runs on Python 3.13.0; the project was generated, so "
        "install it with a Python in that range"
    ]
    assert "Traceback" not in result.output
    assert (tmp_path / "app" / "pyproject.toml").is_file()
    assert not (tmp_path / "app" / ".venv").exists()
