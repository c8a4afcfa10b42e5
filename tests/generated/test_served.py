"""Tier 3, contract §7.6: every starter that serves the notes API, served from its Procfile,
passes schemathesis with docs/notes-api.yaml, a load run, a kill -9 under load and a SIGTERM
with requests in flight. (The conformance suite runs in test_projects.py, on the same server
that also proves persistence across a restart.)

Which variants run what comes only from the templates' `_fwscaffold` metadata.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack

import pytest

from tests._harness import conformance, fuzz, load
from tests._harness.fixtures import Timer
from tests._harness.project import (
    free_port,
    production_env,
    refuses_to_start,
    refuses_without,
    release,
    serving,
)
from tests._harness.served import (
    app_processes,
    has_notes,
    has_release_step,
    only,
    sqlite_url,
    uses_postgres,
)

pytestmark = pytest.mark.slow
notes_variants = only(has_notes)


def _served(bakery, variant, database_url):
    project, venv = bakery.project(variant), bakery.venv(variant)
    env = production_env(database_url)
    release(project, venv, env)
    return project, venv, env, f"http://127.0.0.1:{env['PORT']}"


@notes_variants
def test_schemathesis_finds_nothing(bakery, variant, database_url):
    project, venv, env, base = _served(bakery, variant, database_url)
    with Timer(variant.framework, "fuzz"), serving(project, venv, env) as server:
        conformance.wait_for_health(base, 30, server)
        fuzz.run_schemathesis(base, env["API_TOKEN"])


@notes_variants
def test_load_then_sigterm_with_requests_in_flight(bakery, variant, database_url):
    project, venv, env, base = _served(bakery, variant, database_url)
    token = env["API_TOKEN"]
    with Timer(variant.framework, "load"):
        with ExitStack() as others, serving(project, venv, env) as server:
            conformance.wait_for_health(base, 30, server)
            # More app servers on other ports, same DATABASE_URL (see app_processes).
            bases = [base]
            for _ in range(app_processes(variant) - 1):
                other_env = {**env, "PORT": str(free_port())}
                other = others.enter_context(serving(project, venv, other_env))
                bases.append(f"http://127.0.0.1:{other_env['PORT']}")
                conformance.wait_for_health(bases[-1], 30, other)
            # The full load on every server at once (each stateless process sharing one
            # database), then every server must list what each of them acknowledged. The
            # listings wait until all loads end: deletes in flight would shift their offsets.
            with ThreadPoolExecutor(max_workers=len(bases)) as pool:
                results = list(pool.map(lambda url: load.run_load(url, token, check=False), bases))
            for served_by, result in zip(bases, results, strict=True):
                for listed_by in bases:
                    what = f"by {listed_by} after a load run on {served_by}"
                    load.check_listed(listed_by, result, what)
            finished = load.sigterm_in_flight(base, token, server)
        with serving(project, venv, env) as server:
            conformance.wait_for_health(base, 30, server)
            for result in results:
                load.check_listed(base, result, "after a restart")
            conformance.check_persisted(base, finished)


@notes_variants
def test_kill_9_under_load_loses_no_acknowledged_write(bakery, variant, database_url):
    project, venv, env, base = _served(bakery, variant, database_url)
    with Timer(variant.framework, "kill -9"):
        with serving(project, venv, env) as server:
            conformance.wait_for_health(base, 30, server)
            result = load.kill_under_load(base, env["API_TOKEN"], server)
        with serving(project, venv, env) as server:
            conformance.wait_for_health(base, 30, server)
            load.check_listed(base, result, "after kill -9 and a restart")
        if sqlite_url(database_url):
            load.sqlite_integrity(database_url)


@notes_variants
@pytest.mark.parametrize("empty", [False, True], ids=["unset", "empty"])
def test_production_refuses_to_start_without_api_token(bakery, variant, database_url, empty):
    project, venv = bakery.project(variant), bakery.venv(variant)
    refuses_without(project, venv, production_env(database_url), "API_TOKEN", empty=empty)


@only(lambda v: has_notes(v) and has_release_step(v) and not uses_postgres(v))
def test_production_refuses_to_start_before_the_release_step(bakery, variant, tmp_path):
    """A database without tables (release: not run) stops the web process at start, instead of
    a 200 on /health and a 500 on every API call (contract §5.9)."""
    project, venv = bakery.project(variant), bakery.venv(variant)
    env = production_env(f"sqlite:///{tmp_path / 'never-released.sqlite3'}")
    output = refuses_to_start(project, venv, env, "on a database the release step never made")
    assert output.strip(), "the refusal printed nothing (one line naming the release step)"
