"""Fixtures of the planted-defect tests: the session bakery and a copy of the Flask template
to plant defects in (the real templates stay untouched)."""

import shutil
from pathlib import Path

import pytest

from tests._harness.fixtures import TEMPLATES, bakery  # noqa: F401 - bakery: the session fixture

PLANTED = "flask"  # the template the planted defects go into


@pytest.fixture
def template_copy(tmp_path) -> Path:
    """templates/ holding a copy of the Flask template alone."""
    root = tmp_path / "templates"
    shutil.copytree(TEMPLATES / PLANTED, root / PLANTED)
    return root
