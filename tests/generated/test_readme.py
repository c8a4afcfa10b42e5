"""Issue 22: every command of a generated README, run as a newcomer would run it.

For each variant that runs different code: a fresh copy of the project, a shell holding only
what the README tells the reader to set, the README's blocks in order (install with pip, tests
and linters, the development server, the production server tried locally with the notes API
of contract §5 over plain HTTP), then the "first page, endpoint and model" walkthrough, after
which the tests and linters still pass and the new pages answer. The steps come from the
template's `_fwscaffold.steps`, the same data its README renders.

This is also where each variant's own tests run (the README's `pytest`, in a fresh venv holding
only the project and its `[dev]` extra), their branch coverage recorded for the run's summary.

PostgreSQL variants get a server of their own, reached through libpq's variables (PGHOST,
PGPORT, PGUSER) and DATABASE_URL, as the README's PostgreSQL section tells the reader to set.
"""

from __future__ import annotations

from contextlib import ExitStack

import pytest

from tests._harness import postgres
from tests._harness.fixtures import COVERAGE, FRAMEWORKS, Timer, need
from tests._harness.project import BIN
from tests._harness.readme import answers_of, check_docker_commands, newcomer_env, run_readme
from tests._harness.served import RUNTIME, flag, has_notes, uses_postgres

pytestmark = pytest.mark.slow


def _steps(variant) -> dict:
    steps = FRAMEWORKS[variant.framework].metadata.get("steps")
    assert steps, f"templates/{variant.framework}: no _fwscaffold.steps for its README"
    return steps


@pytest.mark.parametrize("variant", RUNTIME, ids=[v.id for v in RUNTIME])
def test_every_readme_command_and_the_walkthrough_run_green(bakery, variant, tmp_path):
    described = _steps(variant)
    project = bakery.fresh_copy(variant, "readme")
    with ExitStack() as stack:
        extra = {}
        if uses_postgres(variant):
            need(postgres.unavailable_reason(), "PostgreSQL")
            url = stack.enter_context(postgres.running_postgres(tmp_path / "pg"))
            port = url.rsplit(":", 1)[1].split("/")[0]
            database = answers_of(project)["package_name"]
            extra = {
                "PGHOST": "127.0.0.1",
                "PGPORT": port,
                "PGUSER": "postgres",
                "DATABASE_URL": f"postgresql://postgres@127.0.0.1:{port}/{database}",
            }
        env = newcomer_env(tmp_path / "home", extra)
        if uses_postgres(variant):
            env["PATH"] = f"{postgres.client_bin_dir()}:{env['PATH']}"
        with Timer(variant.framework, "readme"):
            coverage = run_readme(
                project,
                described,
                env,
                notes_api=has_notes(variant),
                html_notes=flag(variant, "html_notes"),
            )
    # The README's `pytest` is the project's own test run, in a fresh venv: its coverage is
    # the one the summary prints, and the gate the generated pyproject sets must hold.
    COVERAGE[variant.id] = coverage
    assert coverage is not None and coverage >= 90, f"coverage {coverage}%"


@pytest.mark.parametrize("variant", RUNTIME, ids=[v.id for v in RUNTIME])
def test_dockerfile_runs_only_what_the_installed_project_has(bakery, variant):
    project = bakery.project(variant)
    if not (project / "Dockerfile").exists():
        pytest.fail(f"{variant.id}: docker=yes is the default, yet no Dockerfile was baked")
    with Timer(variant.framework, "readme"):
        check_docker_commands(project, str(BIN / "uv"))
