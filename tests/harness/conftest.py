"""Fixtures of the planted-defect tests: the session bakery and a copy of the Flask template
to plant defects in (the real templates stay untouched)."""

import shutil
from pathlib import Path
from typing import Any

import pytest

from fwscaffold.frameworks import load_frameworks
from tests._harness.fixtures import TEMPLATES, bakery  # noqa: F401 - bakery: the session fixture
from tests._harness.project import Variant, bake
from tests._harness.readme import newcomer_env, run_readme

PLANTED = "flask"  # the template the planted defects go into


@pytest.fixture
def template_copy(tmp_path) -> Path:
    """templates/ holding a copy of the Flask template alone."""
    root = tmp_path / "templates"
    shutil.copytree(TEMPLATES / PLANTED, root / PLANTED)
    return root


def run_planted_readme(
    root: Path, tmp_path: Path, steps: dict[str, Any] | None = None, *, example: str = "no"
) -> None:
    """Bake the copy in `root` and run its README as tier 3 does (the project's own tests run
    there, as the README's `pytest`), with `steps` or the copy's own."""
    if steps is None:
        steps = load_frameworks(root)[PLANTED].metadata["steps"]
    variant = Variant(PLANTED, (("include_example", example),))
    project = bake(root, variant, tmp_path / "out")
    notes = example == "yes"
    run_readme(project, steps, newcomer_env(tmp_path / "home"), notes_api=notes, html_notes=False)
