"""The generated README's local Procfile command, run with the real honcho: after the release
step, `honcho start web` keeps the app up (a bare `honcho start` stops everything once the
one-shot `release:` process exits) and stops cleanly; a crawler's `honcho start worker` runs
its crawl once and exits."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import time
import urllib.request

import pytest

from tests._harness import conformance
from tests._harness.fixtures import VARIANTS
from tests._harness.project import (
    BIN,
    background,
    check_crawl_outputs,
    crawl_env,
    free_port,
    production_env,
    project_env,
    release,
    run,
    wait_for_port,
)
from tests._harness.served import crawl_spec, serves_http

DEFAULTS = [v for v in VARIANTS if not v.overrides]
SERVING = [v for v in DEFAULTS if serves_http(v)]
CRAWLING = [v for v in DEFAULTS if crawl_spec(v) is not None]
pytestmark = pytest.mark.slow
UP_FOR = 5.0


def _port_is_free(port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) != 0


@pytest.mark.parametrize("variant", SERVING, ids=[v.id for v in SERVING])
def test_readme_honcho_command_keeps_the_app_up_and_stops_cleanly(bakery, variant, tmp_path):
    project, venv = bakery.project(variant), bakery.venv(variant)
    readme = (project / "README.md").read_text("utf-8")
    assert "`honcho start web`" in readme
    env = production_env(f"sqlite:///{tmp_path / 'honcho.sqlite3'}")
    base, port = f"http://127.0.0.1:{env['PORT']}", int(env["PORT"])
    release(project, venv, env)
    proc = subprocess.Popen(
        [str(BIN / "honcho"), "--no-colour", "start", "web"],
        cwd=project,
        env=project_env(venv, env),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        conformance.wait_for_health(base, 30, proc)
        deadline = time.monotonic() + UP_FOR
        while time.monotonic() < deadline:
            assert proc.poll() is None, "honcho stopped the app"
            with urllib.request.urlopen(f"{base}/health", timeout=5) as resp:  # noqa: S310
                assert resp.status == 200
            time.sleep(0.5)
        proc.send_signal(signal.SIGINT)  # Ctrl-C, as a user stops it
        output, _ = proc.communicate(timeout=10)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    text = output.decode("utf-8", "replace")
    # 130: honcho's answer to Ctrl-C, after it has stopped its processes.
    assert proc.returncode == 130, f"honcho exited {proc.returncode}:\n{text[-2000:]}"
    assert "web.1 stopped" in text, text[-2000:]
    assert _port_is_free(port), f"the web process outlived honcho:\n{text[-2000:]}"


@pytest.mark.parametrize("variant", CRAWLING, ids=[v.id for v in CRAWLING])
def test_readme_honcho_worker_runs_the_crawl_once(bakery, variant, tmp_path):
    spec = crawl_spec(variant)
    project, venv = bakery.project(variant), bakery.venv(variant)
    assert "`honcho start worker`" in (project / "README.md").read_text("utf-8")
    package = json.loads((project / ".fwscaffold.json").read_text())["answers"]["package_name"]
    port = free_port()
    env = crawl_env(spec, tmp_path, port)
    site_command = spec["site"].format(package_name=package, port=port)
    with background(project, venv, env, site_command) as site:
        wait_for_port(port, site, 30)
        result = run(
            [str(BIN / "honcho"), "--no-colour", "start", "worker"],
            project,
            project_env(venv, env),
            timeout=120,
        )
    output = result.stdout + result.stderr
    assert result.returncode == 0, f"honcho exited {result.returncode}:\n{output[-3000:]}"
    check_crawl_outputs(spec, tmp_path, output)
