"""Tier 3: every generated project installed in its own venv, served for real (a `web:` line in
its Procfile) or crawling for real (a declared crawl). Its own tests run in test_readme.py, as
the README's `pytest`.

Variants that only toggle Docker or CI files run no code differently, so tier 2 covers them.
"""

from __future__ import annotations

import html
import json

import pytest

from tests._harness import browser, conformance
from tests._harness.fixtures import FRAMEWORKS, REPO, Timer, need
from tests._harness.project import (
    background,
    check_crawl_outputs,
    crawl_env,
    free_port,
    procfile,
    production_env,
    project_env,
    refuses_without,
    release,
    run,
    serving,
    wait_for_port,
)
from tests._harness.served import (
    crawl_spec,
    flag,
    has_notes,
    only,
    serves_http,
)

SCREENSHOTS = REPO / "build" / "screenshots"
pytestmark = pytest.mark.slow


@only(serves_http)
def test_production_server_serves_the_contract_and_keeps_data(bakery, variant, database_url):
    project, venv = bakery.project(variant), bakery.venv(variant)
    env = production_env(database_url)
    base = f"http://127.0.0.1:{env['PORT']}"
    name = json.loads((project / ".fwscaffold.json").read_text())["answers"]["project_name"]
    with Timer(variant.framework, "serve"):
        release(project, venv, env)
        with serving(project, venv, env) as server:
            conformance.wait_for_health(base, 30, server)
            conformance.check_basics(base, html.escape(name))
            if flag(variant, "http_api"):
                conformance.check_health_v2(base)
            kept = (
                conformance.check_notes_api(
                    base, env["API_TOKEN"], html_notes=flag(variant, "html_notes")
                )
                if has_notes(variant)
                else []
            )
        with serving(project, venv, env) as server:
            conformance.wait_for_health(base, 30, server)
            conformance.check_persisted(base, kept)


@only(serves_http)
def test_home_page_in_headless_chromium_has_no_console_errors(bakery, variant, database_url):
    need(browser.unavailable_reason(), "headless Chromium")
    project, venv = bakery.project(variant), bakery.venv(variant)
    env = production_env(database_url)
    base = f"http://127.0.0.1:{env['PORT']}"
    with Timer(variant.framework, "browser"):
        release(project, venv, env)
        with serving(project, venv, env) as server:
            conformance.wait_for_health(base, 30, server)
            errors = browser.load_page(f"{base}/", SCREENSHOTS / f"{variant.id}.png")
    # Chromium reports the browser's own request for a missing /favicon.ico; that is no page error.
    assert [e for e in errors if "favicon.ico" not in e] == []
    assert (SCREENSHOTS / f"{variant.id}.png").stat().st_size > 1000


@only(lambda v: flag(v, "requires_secret_key"))
def test_production_refuses_to_start_without_secret_key(bakery, variant, database_url):
    project, venv = bakery.project(variant), bakery.venv(variant)
    refuses_without(project, venv, production_env(database_url), "SECRET_KEY")


@only(lambda v: bool(FRAMEWORKS[v.framework].metadata.get("deploy_check")))
def test_deploy_check_passes_in_production(bakery, variant, database_url):
    """Where the framework has a deployment checker (Django's `check --deploy`), it passes."""
    command = FRAMEWORKS[variant.framework].metadata["deploy_check"].format(package_name="demo_app")
    project, venv = bakery.project(variant), bakery.venv(variant)
    result = run(["sh", "-c", command], project, project_env(venv, production_env(database_url)))
    assert result.returncode == 0, result.stdout + result.stderr


@only(lambda v: crawl_spec(v) is not None)
def test_crawl_from_the_readme_then_from_the_procfile_stores_the_items_once(
    bakery, variant, tmp_path
):
    """The README's one-command crawl, run twice into the same database (no duplicates),
    then the Procfile's `worker:` line against the site served on a free loopback port."""
    spec = crawl_spec(variant)
    project, venv = bakery.project(variant), bakery.venv(variant)
    package = json.loads((project / ".fwscaffold.json").read_text())["answers"]["package_name"]
    command = spec["command"].format(package_name=package)
    assert command in (project / "README.md").read_text("utf-8"), "the README lacks it"
    with Timer(variant.framework, "crawl"):
        env = crawl_env(spec, tmp_path / "readme", free_port())
        for _ in range(2):
            result = run(["sh", "-c", command], project, project_env(venv, env), timeout=120)
            output = result.stdout + result.stderr
            assert result.returncode == 0, f"{command} failed:\n{output[-3000:]}"
            check_crawl_outputs(spec, tmp_path / "readme", output)

        port = free_port()
        env = crawl_env(spec, tmp_path / "procfile", port)
        site = spec["site"].format(package_name=package, port=port)
        with background(project, venv, env, site) as server:
            wait_for_port(port, server, 30)
            worker = procfile(project)["worker"].strip()
            result = run(["sh", "-c", worker], project, project_env(venv, env), timeout=120)
        output = result.stdout + result.stderr
        assert result.returncode == 0, f"worker: failed:\n{output[-3000:]}"
        check_crawl_outputs(spec, tmp_path / "procfile", output)
