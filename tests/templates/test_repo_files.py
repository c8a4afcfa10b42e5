"""Generated CI and repo files (ci=github): current action majors, every supported Python,
bandit, the browser test where a template has one, Dependabot and pre-commit."""

from __future__ import annotations

import pytest
import yaml

from tests._harness.fixtures import FRAMEWORKS, VARIANTS
from tests._harness.project import Variant

DEFAULTS = [v for v in VARIANTS if not v.overrides]
by_framework = pytest.mark.parametrize("variant", DEFAULTS, ids=[v.id for v in DEFAULTS])
pytestmark = pytest.mark.slow
SUPPORTED = ["3.11", "3.12", "3.13"]


def _workflow(bakery, variant: Variant) -> dict:
    text = (bakery.project(variant) / ".github" / "workflows" / "ci.yml").read_text("utf-8")
    return yaml.safe_load(text)


@by_framework
def test_workflow_runs_on_main_with_current_actions_and_every_supported_python(bakery, variant):
    workflow = _workflow(bakery, variant)
    # PyYAML reads the bare key `on` as True (YAML 1.1).
    assert workflow[True]["push"]["branches"] == ["main"]
    job = workflow["jobs"]["test"]
    meta = FRAMEWORKS[variant.framework].metadata
    assert job["strategy"]["matrix"]["python-version"] == meta.get("python_versions", SUPPORTED)
    uses = [step["uses"] for step in job["steps"] if "uses" in step]
    assert "actions/checkout@v6" in uses and "actions/setup-python@v6" in uses
    runs = "\n".join(step.get("run", "") for step in job["steps"])
    assert "bandit -q -ll -r demo_app" in runs
    assert "ruff check ." in runs and "pytest" in runs


@by_framework
def test_browser_tests_run_in_the_generated_ci_where_the_template_has_them(bakery, variant):
    job = _workflow(bakery, variant)["jobs"]["test"]
    uses = [step.get("uses", "") for step in job["steps"]]
    has_browser = bool(FRAMEWORKS[variant.framework].metadata.get("browser_tests"))
    assert any(u.startswith("browser-actions/setup-chrome@") for u in uses) == has_browser
    if has_browser:
        # Set, the project's browser fixture fails instead of skipping.
        assert job["env"]["FWSCAFFOLD_REQUIRE_ALL"] == "1"


@by_framework
def test_dependabot_and_pre_commit_come_with_ci(bakery, variant):
    project = bakery.project(variant)
    dependabot = yaml.safe_load((project / ".github" / "dependabot.yml").read_text("utf-8"))
    ecosystems = {update["package-ecosystem"] for update in dependabot["updates"]}
    assert ecosystems == {"github-actions", "pip"}
    hooks = yaml.safe_load((project / ".pre-commit-config.yaml").read_text("utf-8"))["repos"]
    ids = [hook["id"] for repo in hooks for hook in repo["hooks"]]
    assert ids == ["ruff-check", "ruff-format"]
