"""Tier 3, contract §7.6: every starter that serves the notes API, served from its Procfile,
passes schemathesis with docs/notes-api.yaml, a load run, a kill -9 under load and a SIGTERM
with requests in flight. (The conformance suite runs in test_projects.py, on the same server
that also proves persistence across a restart.)

Which variants run what comes only from the templates' `_fwscaffold` metadata.
"""

from __future__ import annotations

import pytest

from tests._harness import conformance, fuzz, load
from tests._harness.fixtures import Timer
from tests._harness.project import production_env, release, serving
from tests._harness.served import has_notes, only, sqlite_url

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
    with Timer(variant.framework, "load"):
        with serving(project, venv, env) as server:
            conformance.wait_for_health(base, 30, server)
            result = load.run_load(base, env["API_TOKEN"])
            finished = load.sigterm_in_flight(base, env["API_TOKEN"], server)
        with serving(project, venv, env) as server:
            conformance.wait_for_health(base, 30, server)
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
