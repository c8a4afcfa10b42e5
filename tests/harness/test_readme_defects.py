"""The README runner can fail: defects planted in a copy of the Flask template's README steps
(`_fwscaffold.steps`) are each caught by `tests/_harness/readme.py`, the code that runs every
generated README in tier 3.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fwscaffold.frameworks import load_frameworks
from tests._harness.project import BIN, Variant, bake
from tests._harness.readme import (
    RELEASE_COMMENT,
    answers_of,
    check_docker_commands,
    check_prod_steps_follow_the_procfile,
    check_readme_shows,
    docker_commands,
)
from tests.harness.conftest import PLANTED, run_planted_readme

pytestmark = pytest.mark.slow
FW = PLANTED
PROJECT = "{{cookiecutter.project_slug}}"


def _plant(root: Path, change) -> dict:
    """Change the steps in the copy's cookiecutter.json; return them as the harness reads them."""
    path = root / FW / "cookiecutter.json"
    data = json.loads(path.read_text("utf-8"))
    change(data["_fwscaffold"]["steps"])
    path.write_text(json.dumps(data, indent=2), "utf-8")
    return load_frameworks(root)[FW].metadata["steps"]


def _wrong_module(steps: dict) -> None:
    server = steps["prod"]["steps"][-1]
    server["run"] = server["run"].replace(".wsgi:app", ".wsgy:app")


def test_wrong_module_path_in_the_production_command_is_caught(template_copy, tmp_path):
    """The README's server line no longer matches the Procfile's web: line."""
    steps = _plant(template_copy, _wrong_module)
    with pytest.raises(AssertionError, match="is not the Procfile's"):
        run_planted_readme(template_copy, tmp_path, steps)


def test_wrong_module_path_in_readme_and_procfile_is_caught(template_copy, tmp_path):
    """Both agree and both are wrong: the server the README starts never answers."""
    steps = _plant(template_copy, _wrong_module)
    procfile = template_copy / FW / PROJECT / "Procfile"
    procfile.write_text(procfile.read_text().replace(".wsgi:app", ".wsgy:app"))
    with pytest.raises(AssertionError, match="server exited"):
        run_planted_readme(template_copy, tmp_path, steps)


def test_release_step_the_readme_does_not_mark_is_caught(template_copy, tmp_path):
    """The README words its production section from the marked release step: without the
    mark it would tell the reader there is no release step to run."""

    def unmarked(steps: dict) -> None:
        for step in steps["prod"]["steps"]:
            if step.get("comment") == RELEASE_COMMENT:
                del step["comment"]

    steps = _plant(template_copy, unmarked)
    project = bake(template_copy, Variant(FW), tmp_path / "out")
    assert "run the release step" not in (project / "README.md").read_text()
    with pytest.raises(AssertionError, match="the README's production steps mark \\[\\]"):
        check_prod_steps_follow_the_procfile(project, steps, answers_of(project))


def test_walkthrough_that_breaks_its_own_test_is_caught(template_copy, tmp_path):
    """The page's template says something else than the test the README suggests expects."""

    def other_heading(steps: dict) -> None:
        template = next(
            s for s in steps["walkthrough"]["steps"] if "about.html" in s.get("write", "")
        )
        template["lines"] = [line.replace("About</h1>", "Info</h1>") for line in template["lines"]]

    steps = _plant(template_copy, other_heading)
    with pytest.raises(AssertionError, match="check after the walkthrough"):
        run_planted_readme(template_copy, tmp_path, steps)


def test_a_step_missing_from_the_readme_is_caught(template_copy, tmp_path):
    """Data the README does not render (here a step that no template block shows)."""
    steps = _plant(template_copy, lambda s: s["check"].append({"run": "python -m planted"}))
    project = bake(template_copy, Variant(FW), tmp_path / "out")
    readme = project / "README.md"
    readme.write_text(readme.read_text().replace("python -m planted", ""))
    with pytest.raises(AssertionError, match="README.md does not show 'python -m planted'"):
        check_readme_shows(project, steps)


def test_dockerfile_cmd_naming_a_missing_module_is_caught(template_copy, tmp_path):
    dockerfile = template_copy / FW / PROJECT / "Dockerfile"
    dockerfile.write_text(dockerfile.read_text().replace(".wsgi:app", ".wsgy:app"))
    project = bake(template_copy, Variant(FW), tmp_path / "out")
    with pytest.raises(AssertionError, match=r"names demo_app\.wsgy:app: no module"):
        check_docker_commands(project, str(BIN / "uv"))


def test_docker_commands_drop_exec_and_environment_assignments():
    dockerfile = (
        'HEALTHCHECK CMD ["python", "-m", "app.health"]\n'
        'CMD ["sh", "-c", "DB_MIGRATE=1 X= python -m app.wsgi && '
        'exec gunicorn --bind \\"$HOST:$PORT\\" app.wsgi:application"]\n'
    )
    assert docker_commands(dockerfile) == [
        ["python", "-m", "app.health"],
        ["python", "-m", "app.wsgi"],
        ["gunicorn", "--bind", "$HOST:$PORT", "app.wsgi:application"],
    ]


def test_dockerfile_cmd_running_a_missing_python_module_is_caught(template_copy, tmp_path):
    dockerfile = template_copy / FW / PROJECT / "Dockerfile"
    planted = "python -m {{ cookiecutter.package_name }}.missing && exec gunicorn"
    dockerfile.write_text(dockerfile.read_text().replace("exec gunicorn", planted))
    project = bake(template_copy, Variant(FW), tmp_path / "out")
    with pytest.raises(AssertionError, match=r"names -m demo_app\.missing: no module"):
        check_docker_commands(project, str(BIN / "uv"))
