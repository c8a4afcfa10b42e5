from __future__ import annotations
{%- if cookiecutter.include_example == "yes" %}

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from falcon import testing

from {{ cookiecutter.package_name }}.app import create_app
from {{ cookiecutter.package_name }}.config import (
    DEFAULT_DATABASE_URL,
    DEVELOPMENT_API_TOKEN,
    Config,
    ConfigError,
    sqlite_path,
)
from {{ cookiecutter.package_name }}.store import RELEASE_COMMAND, main


@pytest.mark.parametrize("token", [None, "", "   "])
def test_production_refuses_to_start_without_api_token(token):
    environ = {"DATABASE_URL": "sqlite:////tmp/notes.sqlite3"}
    if token is not None:
        environ["API_TOKEN"] = token
    with pytest.raises(ConfigError, match="API_TOKEN"):
        Config.from_env(environ)


def test_production_reads_the_environment():
    config = Config.from_env(
        {"API_TOKEN": "secret", "DATABASE_URL": "sqlite:////srv/notes.sqlite3"}
    )
    assert config.api_token == "secret"
    assert config.database_path == Path("/srv/notes.sqlite3")


def test_debug_uses_the_development_defaults():
    config = Config.from_env({"DEBUG": "1"})
    assert config.api_token == DEVELOPMENT_API_TOKEN
    assert config.database_path == sqlite_path(DEFAULT_DATABASE_URL)


@pytest.mark.parametrize(
    ("url", "path"),
    [
        ("sqlite:////var/data/notes.sqlite3", Path("/var/data/notes.sqlite3")),
        ("sqlite:///instance/notes.sqlite3", Path("instance/notes.sqlite3")),
    ],
)
def test_sqlite_path(url, path):
    assert sqlite_path(url) == path


@pytest.mark.parametrize("url", ["postgresql://db/notes", "sqlite:///", "notes.db"])
def test_database_url_must_name_a_sqlite_file(url):
    with pytest.raises(ConfigError, match="DATABASE_URL"):
        sqlite_path(url)


@pytest.fixture
def environment(monkeypatch, tmp_path):
    """Production settings in an empty folder: no database before the release step."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DEBUG", raising=False)
    monkeypatch.setenv("API_TOKEN", "secret")
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'prod.sqlite3'}")
    return tmp_path / "prod.sqlite3"


def test_the_release_command_creates_the_database(environment):
    # Our own command, run without a shell.
    result = subprocess.run(  # noqa: S603
        [sys.executable, *RELEASE_COMMAND.split()[1:]],
        capture_output=True,
        text=True,
        env=dict(os.environ),
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert environment.is_file()


def test_the_server_serves_after_the_release_step(environment, capsys):
    main()
    assert "Database ready" in capsys.readouterr().out
    client = testing.TestClient(create_app())
    assert client.simulate_get("/api/notes").json == []


def refusal(capsys) -> str:
    """Start the app as a server does; it must exit, and this is what it printed."""
    with pytest.raises(SystemExit) as exit_info:
        create_app()
{%- if cookiecutter.interface == "asgi" %}
    return str(exit_info.value.code)
{%- else %}
    assert exit_info.value.code == 3
    return capsys.readouterr().err
{%- endif %}


def test_the_server_needs_api_token(environment, monkeypatch, capsys):
    main()
    monkeypatch.setenv("API_TOKEN", "")
    assert "API_TOKEN" in refusal(capsys)


def test_the_server_refuses_to_start_before_the_release_step(environment, capsys):
    message = refusal(capsys)
    assert RELEASE_COMMAND in message
    assert len(message.strip().splitlines()) == 1
    assert not environment.exists()


def test_the_server_refuses_to_start_when_the_table_is_missing(environment, capsys):
    sqlite3.connect(environment).close()
    assert "no note table" in refusal(capsys)


def test_the_release_step_names_a_bad_database_url(environment, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgresql://db/notes")
    with pytest.raises(SystemExit, match="DATABASE_URL"):
        main()
{%- else %}

from falcon import testing

from {{ cookiecutter.package_name }}.app import create_app
from {{ cookiecutter.package_name }}.config import PROJECT_NAME, Config


def test_config_names_the_project():
    assert Config.from_env({}).project_name == PROJECT_NAME


def test_create_app_reads_the_environment():
    client = testing.TestClient(create_app())
    assert client.simulate_get("/health").status_code == 200
{%- endif %}
