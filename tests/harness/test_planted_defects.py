"""The harness can fail: defects planted in a copy of a template are each caught.

Each case copies the Flask template, breaks one thing the way a template author might, bakes
it through fwscaffold and runs the harness check that must notice.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests._harness import conformance
from tests._harness.project import (
    Variant,
    bake,
    check_no_leftovers,
    make_venv,
    production_env,
    serving,
)
from tests.harness.conftest import PLANTED, run_planted_readme

pytestmark = pytest.mark.slow
FW = PLANTED
PROJECT = "{{cookiecutter.project_slug}}"


def _edit(path: Path, pattern: str, replacement: str) -> None:
    text = path.read_text()
    changed, count = re.subn(pattern, replacement, text, count=1, flags=re.M)
    assert count == 1, f"could not plant the defect in {path}"
    path.write_text(changed)


def test_leaked_cookiecutter_variable_is_caught(template_copy, tmp_path):
    procfile = template_copy / FW / PROJECT / "Procfile"
    leak = "\n# {% raw %}{{ cookiecutter.project_slug }}{% endraw %}\n"
    procfile.write_text(procfile.read_text() + leak)
    project = bake(template_copy, Variant(FW), tmp_path / "out")
    with pytest.raises(AssertionError, match="leftover template syntax"):
        check_no_leftovers(project)


def test_failing_generated_test_is_caught(template_copy, tmp_path):
    tests_dir = template_copy / FW / PROJECT / "tests"
    (tests_dir / "test_planted.py").write_text("def test_planted():\n    assert 1 == 2\n")
    # Tier 3 runs a project's own tests as its README's `pytest` (tests/generated/test_readme.py).
    with pytest.raises(AssertionError, match=r"(?s)README check block failed.*1 failed"):
        run_planted_readme(template_copy, tmp_path, example="yes")


def test_dependency_missing_from_pyproject_is_caught(template_copy, tmp_path):
    _edit(template_copy / FW / PROJECT / "pyproject.toml", r'^\s*"flask-wtf[^"]*",\n', "")
    # the README's install block already fails: its `flask init-db` imports the forms
    missing = r"(?s)README install block failed.*No module named 'flask_wtf'"
    with pytest.raises(AssertionError, match=missing):
        run_planted_readme(template_copy, tmp_path, example="yes")


def test_procfile_whose_server_does_not_start_is_caught(template_copy, tmp_path):
    _edit(
        template_copy / FW / PROJECT / "Procfile", r"^web: .*$", "web: gunicorn no_such_module:app"
    )
    project = bake(template_copy, Variant(FW), tmp_path / "out")
    venv = make_venv(project)
    env = production_env(f"sqlite:///{tmp_path / 'db.sqlite3'}")
    with serving(project, venv, env) as server, pytest.raises(AssertionError, match="exit"):
        conformance.wait_for_health(f"http://127.0.0.1:{env['PORT']}", 30, server)
