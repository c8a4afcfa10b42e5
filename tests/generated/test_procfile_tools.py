"""The generated README's local Procfile command, run with the real honcho: after the release
step, `honcho start web` keeps the app up (a bare `honcho start` stops everything once the
one-shot `release:` process exits) and stops cleanly."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
import urllib.request

import pytest

from tests._harness import conformance
from tests._harness.fixtures import VARIANTS
from tests._harness.project import BIN, production_env, project_env, release

DEFAULTS = [v for v in VARIANTS if not v.overrides]
pytestmark = pytest.mark.slow
UP_FOR = 5.0


def _port_is_free(port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) != 0


@pytest.mark.parametrize("variant", DEFAULTS, ids=[v.id for v in DEFAULTS])
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
