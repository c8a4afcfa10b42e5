"""The entry point: `python -m` on the package, the commands of the Procfile."""

from __future__ import annotations

import json
import os
import signal
import socket
{%- if cookiecutter.include_example == "yes" %}
import sqlite3
{%- endif %}
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import cherrypy
import pytest

from {{ cookiecutter.package_name }} import __main__ as entry_point
from {{ cookiecutter.package_name }}.__main__ import main

PACKAGE = "{{ cookiecutter.package_name }}"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_started(log: Path, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and process.poll() is None:
        if b"Bus STARTED" in log.read_bytes():
            return
        time.sleep(0.1)
    raise AssertionError(f"the server did not start:\n{log.read_text()}")


def test_production_server_serves_and_stops_on_sigterm(tmp_path: Path) -> None:
    port = free_port()
    env = {
        **os.environ,
        "HOST": "127.0.0.1",
        "PORT": str(port),
{%- if cookiecutter.include_example == "yes" %}
        "API_TOKEN": "secret",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'notes.sqlite3'}",
{%- endif %}
    }
{%- if cookiecutter.include_example == "yes" %}
    # The Procfile's release step, then its web process.
    release = [sys.executable, "-m", PACKAGE, "--init-db"]
    subprocess.run(release, env=env, cwd=tmp_path, check=True)  # noqa: S603
{%- endif %}
    # The access log goes to stdout, the error log (engine, tracebacks) to stderr.
    log, access_log = tmp_path / "errors.log", tmp_path / "access.log"
    with log.open("wb") as errors, access_log.open("wb") as access:
        process = subprocess.Popen(  # noqa: S603
            [sys.executable, "-m", PACKAGE],
            env=env,
            cwd=tmp_path,
            stdout=access,
            stderr=errors,
        )
    try:
        wait_until_started(log, process)
        url = f"http://127.0.0.1:{port}"
        with urllib.request.urlopen(f"{url}/health", timeout=5) as response:  # noqa: S310
            assert json.loads(response.read()) == {"status": "ok"}
{%- if cookiecutter.include_example == "yes" %}
        # A fault the server cannot foresee: its table disappears.
        with sqlite3.connect(tmp_path / "notes.sqlite3") as conn:
            conn.execute("DROP TABLE note")
        with pytest.raises(urllib.error.HTTPError) as error:
            urllib.request.urlopen(f"{url}/api/notes", timeout=5)  # noqa: S310
        assert error.value.code == 500
        # The client learns nothing of the cause; the log gets the traceback.
        assert json.loads(error.value.read()) == {
            "message": "The server could not answer this request."
        }
{%- endif %}
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=15) == 0
    finally:
        process.kill()
        process.wait()
{%- if cookiecutter.include_example == "yes" %}
    assert "sqlite3.OperationalError: no such table: note" in log.read_text()
    assert '"GET /api/notes HTTP/1.1" 500' in access_log.read_text()


@pytest.fixture
def database_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "notes.sqlite3"
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{path}")
    return path


def test_production_refuses_to_start_without_api_token(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("API_TOKEN", "")
    assert main([]) == 1
    assert "API_TOKEN" in capsys.readouterr().err


def test_production_refuses_to_start_before_the_release_step(
    database_url: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("API_TOKEN", "secret")
    assert main([]) == 1
    error = capsys.readouterr().err
    # One line that says what to run.
    assert error.count("\n") == 1
    assert f"python -m {PACKAGE} --init-db" in error
    assert not database_url.exists()


def test_release_step_needs_no_token_and_may_run_again(
    database_url: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("API_TOKEN", raising=False)
    assert main(["--init-db"]) == 0
    assert main(["--init-db"]) == 0
    with sqlite3.connect(database_url) as conn:
        assert conn.execute("SELECT count(*) FROM note").fetchone() == (0,)
{%- endif %}


@pytest.fixture
def engine_calls(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Record what `main` asks of the engine instead of serving and blocking."""
    calls: list[str] = []
    monkeypatch.setattr(entry_point, "mount", lambda settings: calls.append("mount"))
    monkeypatch.setattr(
        cherrypy.engine.signals, "subscribe", lambda: calls.append("signals")
    )
    monkeypatch.setattr(cherrypy.engine, "start", lambda: calls.append("start"))
    monkeypatch.setattr(cherrypy.engine, "block", lambda: calls.append("block"))
    yield calls
    cherrypy.config.reset()


@pytest.mark.parametrize(
    ("argv", "autoreload"), [([], False), (["--dev"], True)], ids=["prod", "dev"]
)
def test_config_files_then_the_environment(
    engine_calls: list[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    argv: list[str],
    autoreload: bool,
) -> None:
    monkeypatch.delenv("HOST", raising=False)
    monkeypatch.setenv("PORT", "8123")
{%- if cookiecutter.include_example == "yes" %}
    monkeypatch.setenv("API_TOKEN", "secret")
    # Development creates its database itself, in instance/ of the current folder.
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DATABASE_URL", raising=False)
    if not argv:
        assert main(["--init-db"]) == 0
{%- endif %}
    assert main(argv) == 0
    assert engine_calls == ["mount", "signals", "start", "block"]
    assert cherrypy.config["server.socket_port"] == 8123
    assert cherrypy.config["server.socket_host"] == "127.0.0.1"
    assert cherrypy.config["engine.autoreload.on"] is autoreload
    assert cherrypy.config["server.socket_queue_size"] >= 128
{%- if cookiecutter.include_example == "yes" %}
    assert (tmp_path / "instance" / "notes.sqlite3").exists()
{%- endif %}


def test_bad_port_is_refused(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("PORT", "not-a-port")
    assert main(["--dev"]) == 1
    assert "PORT" in capsys.readouterr().err
