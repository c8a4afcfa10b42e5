"""Tier 2: bake every template with every option value, and hold each bake to contract §7.1-2.

Test ids read `<framework>-<option>=<value>`; a failing id names the template and option.
"""

from __future__ import annotations

import json
import os
import shutil

import pytest

from fwscaffold.hooks import template_importable
from tests._harness.fixtures import FRAMEWORKS, TEMPLATES, VARIANTS, Timer
from tests._harness.project import (
    BIN,
    check_bandit,
    check_lint,
    check_no_leftovers,
    check_python_and_toml,
    check_raw_blocks_survive,
    dev_secrets,
    files_of,
    normalized,
    run,
)

GOLDEN = TEMPLATES.parent / "tests" / "templates" / "golden"
UPDATE_GOLDEN = os.environ.get("FWSCAFFOLD_UPDATE_GOLDEN") == "1"
pytestmark = pytest.mark.slow
by_id = pytest.mark.parametrize("variant", VARIANTS, ids=[v.id for v in VARIANTS])


@by_id
def test_plain_cookiecutter_and_fwscaffold_bake_the_same(cookies, bakery, variant):
    # pytest-cookies renders the context itself, outside cookiecutter's own sys.path patch
    # for local extensions, so the template folder is put on the path here.
    with Timer(variant.framework, "bake"), template_importable(TEMPLATES / variant.framework):
        result = cookies.bake(
            template=str(TEMPLATES / variant.framework),
            extra_context={"project_slug": "demo-app", **variant.answers},
        )
    assert result.exit_code == 0, result.exception
    plain = normalized(result.project_path)
    ours = normalized(bakery.project(variant))
    assert sorted(plain) == sorted(ours)
    different = [name for name in plain if plain[name] != ours[name]]
    assert different == [], f"files differ beyond provenance and dev secrets: {different}"
    meta = json.loads((result.project_path / ".fwscaffold.json").read_text())
    assert meta["generator"] == "cookiecutter"


@by_id
def test_no_template_syntax_is_left(bakery, variant):
    check_no_leftovers(bakery.project(variant))


@by_id
def test_framework_template_syntax_survives(bakery, variant):
    project = bakery.project(variant)
    package = json.loads((project / ".fwscaffold.json").read_text())["answers"]["package_name"]
    check_raw_blocks_survive(TEMPLATES / variant.framework, project, package)
    workflow = project / ".github" / "workflows" / "ci.yml"
    if workflow.exists():
        assert "${{ matrix.python-version }}" in workflow.read_text()


@by_id
def test_python_compiles_and_pyproject_parses(bakery, variant):
    check_python_and_toml(bakery.project(variant))


@by_id
def test_ruff_check_and_format_are_clean(bakery, variant):
    with Timer(variant.framework, "lint"):
        check_lint(bakery.project(variant))


@by_id
def test_bandit_reports_no_medium_or_high_issue(bakery, variant):
    with Timer(variant.framework, "lint"):
        check_bandit(bakery.project(variant), "demo_app")


@by_id
def test_file_list_matches_golden(bakery, variant):
    """The golden list makes every change to a template's output visible in review."""
    files = files_of(bakery.project(variant))
    golden = GOLDEN / f"{variant.id}.txt"
    if UPDATE_GOLDEN:
        golden.write_text("\n".join(files) + "\n")
    assert golden.is_file(), (
        f"no golden list; run with FWSCAFFOLD_UPDATE_GOLDEN=1 to create {golden}"
    )
    assert files == golden.read_text().split(), (
        "the baked files changed; review, then update golden"
    )


@by_id
def test_conventions_tour_points_at_real_files(bakery, variant):
    project = bakery.project(variant)
    framework = FRAMEWORKS[variant.framework]
    with_example = variant.answers.get("include_example", "yes") == "yes"
    readme = (project / "README.md").read_text()
    for convention in framework.conventions:
        path = convention.path.format(package_name="demo_app")
        key, _, value = convention.when.partition("=")
        applies = not key or variant.answers.get(key, framework.variable(key).default) == value
        if (with_example or not convention.needs_example) and applies:
            assert (project / path).exists(), f"{convention.concept}: {path} is missing"
            assert f"| {convention.concept} | `{path}` |" in readme


@by_id
def test_dockerfile_passes_hadolint(bakery, variant):
    dockerfile = bakery.project(variant) / "Dockerfile"
    if variant.wants("docker", "no"):
        assert not dockerfile.exists()
        return
    text = dockerfile.read_text()
    assert "USER " in text and "HEALTHCHECK" in text and "python:3.11-slim" in text
    result = run([str(BIN / "hadolint"), str(dockerfile)], dockerfile.parent)
    assert result.returncode == 0, result.stdout + result.stderr


@by_id
def test_workflow_passes_actionlint(bakery, variant):
    workflow = bakery.project(variant) / ".github" / "workflows" / "ci.yml"
    if variant.wants("ci", "none"):
        assert not (bakery.project(variant) / ".github").exists()
        return
    actionlint = shutil.which("actionlint") or str(BIN / "actionlint")
    result = run([actionlint, "-no-color", str(workflow)], workflow.parent)
    assert result.returncode == 0, result.stdout + result.stderr


WITH_DEV_SECRETS = sorted(
    name for name in FRAMEWORKS if "__dev_" in (TEMPLATES / name / "cookiecutter.json").read_text()
)


@pytest.mark.parametrize("framework", WITH_DEV_SECRETS)
def test_two_bakes_get_different_dev_secrets(tmp_path, framework):
    from tests._harness.project import Variant, bake

    first = dev_secrets(bake(TEMPLATES, Variant(framework), tmp_path / "a"))
    second = dev_secrets(bake(TEMPLATES, Variant(framework), tmp_path / "b"))
    # Identifiers both bakes share (long class names) cancel out; the secrets are what is left.
    assert first - second, "no development secret differs between two bakes"
    assert second - first


@pytest.mark.parametrize("framework", sorted(FRAMEWORKS))
def test_plain_cookiecutter_hook_rejects_bad_names(cookies, framework):
    result = cookies.bake(
        template=str(TEMPLATES / framework), extra_context={"project_slug": "json"}
    )
    assert result.exit_code != 0
    assert result.project_path is None or not result.project_path.exists()
    assert "Hook script failed" in str(result.exception)
