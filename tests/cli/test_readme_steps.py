"""Every template describes its README's runnable steps (`_fwscaffold.steps`, issue 22), and
the description is well formed: a typo in a `when` or a key would otherwise drop a step from
both the README and the harness without a word.

The harness runs these steps in tier 3 (`tests/generated/test_readme.py`); this checks their
shape, fast, for every variant a template can be baked as.
"""

from __future__ import annotations

import itertools
import re
from typing import Any

import pytest

from tests._harness.fixtures import FRAMEWORKS, TEMPLATES
from tests._harness.readme import block

ACTIONS = ("run", "write", "append", "insert_after")
STEP_KEYS = {"run", "comment", "when", "say", "write", "append", "insert_after", "path", "lines"}
COMMAND_KEYS = {"run", "comment", "when"}
PLACEHOLDER = re.compile(r"(?<!\$)\{([A-Za-z_]+)\}")
names = sorted(FRAMEWORKS)


def steps_of(name: str) -> dict[str, Any]:
    steps = FRAMEWORKS[name].metadata.get("steps")
    assert steps, f"{name}: cookiecutter.json has no _fwscaffold.steps"
    return steps


def serves(name: str) -> bool:
    procfile = TEMPLATES / name / "{{cookiecutter.project_slug}}" / "Procfile"
    return any(line.startswith("web:") for line in procfile.read_text("utf-8").splitlines())


def every_answers(name: str) -> list[dict[str, str]]:
    """The answers of every combination of the template's choices."""
    framework = FRAMEWORKS[name]
    choosing = [v for v in framework.variables if v.choices]
    found = []
    for values in itertools.product(*(v.choices for v in choosing)):
        answers = {v.name: v.default for v in framework.variables}
        answers.update(zip((v.name for v in choosing), values, strict=True))
        answers.update(package_name="demo_app", project_slug="demo-app")
        found.append(answers)
    return found


def all_steps(steps: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    found = [("install", s) for s in steps.get("install", [])]
    found += [("check", s) for s in steps.get("check", [])]
    for server in ("dev", "prod"):
        found += [(server, s) for s in (steps.get(server) or {}).get("steps", [])]
    found += [("walkthrough", s) for s in (steps.get("walkthrough") or {}).get("steps", [])]
    return found


@pytest.mark.parametrize("name", names)
def test_every_template_describes_its_readme_steps(name):
    steps = steps_of(name)
    assert set(steps) <= {"install", "dev", "prod", "check", "walkthrough"}, sorted(steps)
    for needed in ("install", "check", "walkthrough"):
        assert steps.get(needed), f"{name}: steps.{needed} is missing"
    if serves(name):
        assert steps.get("dev") and steps.get("prod"), f"{name} serves HTTP: dev and prod needed"
    for server in ("dev", "prod"):
        if server in steps:
            assert re.fullmatch(r"http://127\.0\.0\.1:\d+", steps[server]["url"]), server
            assert steps[server]["steps"], f"{name}: steps.{server} runs nothing"


@pytest.mark.parametrize("name", names)
def test_each_step_is_one_action_with_known_keys_and_conditions(name):
    framework = FRAMEWORKS[name]
    for section, step in all_steps(steps_of(name)):
        where = f"{name} steps.{section} {step}"
        assert set(step) <= STEP_KEYS, f"{where}: unknown keys {set(step) - STEP_KEYS}"
        if section != "walkthrough":
            assert set(step) <= COMMAND_KEYS and "run" in step, f"{where}: a command step"
        actions = [a for a in ACTIONS if a in step]
        assert len(actions) <= 1, f"{where}: more than one action {actions}"
        if actions and actions[0] != "run":
            assert isinstance(step.get("lines"), list), f"{where}: needs its lines"
        assert ("path" in step) == ("insert_after" in step), f"{where}: path goes with insert_after"
        if not actions:
            assert step.get("say"), f"{where}: a step without an action must say something"
        when = step.get("when", [])
        for condition in [when] if isinstance(when, str) else when:
            variable, equals, value = condition.partition("=")
            known = framework.variable(variable)
            assert equals and known is not None, f"{where}: no variable in {condition!r}"
            assert value in known.choices, f"{where}: {value!r} is not a choice of {variable}"
        for key in ("run", "write", "append", "path"):
            for placeholder in PLACEHOLDER.findall(str(step.get(key, ""))):
                assert placeholder in ("package_name", "project_slug"), (
                    f"{where}: {{{placeholder}}} is not a placeholder the steps fill"
                )


@pytest.mark.parametrize("name", names)
def test_every_variant_gets_a_walkthrough_with_a_test_and_a_check(name):
    """Whatever the answers, the walkthrough changes the project, adds a test file, and names
    what proves the change (a page to open or a command's output)."""
    walkthrough = steps_of(name)["walkthrough"]
    assert walkthrough.get("title"), f"{name}: the walkthrough has no title"
    for answers in every_answers(name):
        chosen = {v.name: answers[v.name] for v in FRAMEWORKS[name].variables if v.choices}
        steps = block(walkthrough["steps"], answers)
        assert any(a in s for s in steps for a in ACTIONS), f"{name} {chosen}: no change"
        tests = [s for s in steps if str(s.get("write", "")).startswith("tests/")]
        assert tests, f"{name} {chosen}: the walkthrough adds no test file"
        checks = block(walkthrough.get("checks"), answers)
        assert checks, f"{name} {chosen}: the walkthrough checks nothing"
        for check in checks:
            shape = set(check) - {"when"}
            assert shape in ({"get", "contains"}, {"command", "contains"}), f"{name}: {check}"
            if "get" in check:
                assert check["get"].startswith("/") and check["contains"], check
