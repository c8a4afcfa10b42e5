from __future__ import annotations
{%- if cookiecutter.include_example == "yes" %}

from pathlib import Path

import pytest

from {{ cookiecutter.package_name }}.app import create_app
from {{ cookiecutter.package_name }}.config import (
    DEFAULT_DATABASE_URL,
    DEVELOPMENT_API_TOKEN,
    Config,
    ConfigError,
    sqlite_path,
)


def test_production_refuses_to_start_without_api_token():
    with pytest.raises(ConfigError, match="API_TOKEN"):
        Config.from_env({"DATABASE_URL": "sqlite:////tmp/notes.sqlite3"})


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


def test_create_app_reads_the_environment(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DEBUG", "1")
    monkeypatch.delenv("API_TOKEN", raising=False)
    monkeypatch.delenv("DATABASE_URL", raising=False)
    create_app()
    assert sqlite_path(DEFAULT_DATABASE_URL).is_file()
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
