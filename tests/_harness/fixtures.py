"""Session-wide caches: each variant is baked once and, for tier 3, installed once per run."""

from __future__ import annotations

import os
import shutil
import time
from collections import defaultdict
from pathlib import Path

import pytest

from fwscaffold.frameworks import load_frameworks

from .project import Variant, bake, make_venv, variants

REPO = Path(__file__).resolve().parents[2]
TEMPLATES = REPO / "templates"
FRAMEWORKS = load_frameworks(TEMPLATES)
VARIANTS = variants(FRAMEWORKS)
REQUIRE_ALL = os.environ.get("FWSCAFFOLD_REQUIRE_ALL") == "1"

# Seconds spent per framework, printed as a table at the end of the run (see tests/conftest.py).
TIMINGS: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
# Branch coverage of each generated project's own test run, by variant id.
COVERAGE: dict[str, float | None] = {}


def need(reason: str | None, what: str) -> None:
    """Skip with the reason when `what` is missing, but fail instead where CI requires it."""
    if reason is None:
        return
    if REQUIRE_ALL:
        pytest.fail(f"{what} is required (FWSCAFFOLD_REQUIRE_ALL=1) but unavailable: {reason}")
    pytest.skip(f"{what} unavailable: {reason}")


class Timer:
    def __init__(self, framework: str, phase: str) -> None:
        self.framework, self.phase = framework, phase

    def __enter__(self) -> None:
        self.start = time.perf_counter()

    def __exit__(self, *exc: object) -> None:
        TIMINGS[self.framework][self.phase] += time.perf_counter() - self.start


class Bakery:
    """Bakes with fwscaffold into one session folder; installs a venv on first request."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.projects: dict[str, Path] = {}
        self.venvs: dict[str, Path] = {}

    def project(self, variant: Variant) -> Path:
        if variant.id not in self.projects:
            with Timer(variant.framework, "bake"):
                self.projects[variant.id] = bake(TEMPLATES, variant, self.root / variant.id)
        return self.projects[variant.id]

    def venv(self, variant: Variant) -> Path:
        if variant.id not in self.venvs:
            with Timer(variant.framework, "install"):
                self.venvs[variant.id] = make_venv(self.project(variant))
        return self.venvs[variant.id]

    def fresh_copy(self, variant: Variant, name: str) -> Path:
        """A pristine copy of the baked project (for tests that write into it)."""
        target = self.root / f"{variant.id}-{name}"
        shutil.copytree(self.project(variant), target, ignore=shutil.ignore_patterns(".venv"))
        return target


@pytest.fixture(scope="session")
def bakery(tmp_path_factory: pytest.TempPathFactory) -> Bakery:
    return Bakery(tmp_path_factory.mktemp("baked"))
