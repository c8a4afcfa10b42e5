from __future__ import annotations

import importlib

import pytest

from {{ cookiecutter.package_name }} import main
from {{ cookiecutter.package_name }}.config import {% if cookiecutter.include_example == "yes" %}(
    DEFAULT_DATABASE_URL,
    DEVELOPMENT_API_TOKEN,
    PROJECT_NAME,
    ConfigError,
    Settings,
)
{%- else %}PROJECT_NAME, Settings{% endif %}


def test_production_is_the_default():
    settings = Settings.from_env({})
    assert (settings.debug, settings.docs) == (False, False)
    assert settings.project_name == PROJECT_NAME


@pytest.mark.parametrize(
    ("environ", "docs"),
    [({"DEBUG": "1"}, True), ({"DOCS": "true"}, True), ({"DOCS": "0"}, False)],
)
def test_docs_follow_debug_or_docs(environ, docs):
    assert Settings.from_env(environ).docs is docs
{%- if cookiecutter.include_example == "yes" %}


def test_production_refuses_to_start_without_api_token():
    with pytest.raises(ConfigError, match="API_TOKEN"):
        Settings.from_env({"DATABASE_URL": "sqlite:////tmp/notes.sqlite3"}).check()


def test_production_reads_the_environment():
    settings = Settings.from_env(
        {"API_TOKEN": "secret", "DATABASE_URL": "sqlite:////srv/notes.sqlite3"}
    )
    settings.check()
    assert settings.api_token == "secret"
    assert settings.database_url == "sqlite:////srv/notes.sqlite3"


{%- if cookiecutter.database == "postgresql" %}


@pytest.mark.parametrize(
    "environ", [{"API_TOKEN": "t"}, {"API_TOKEN": "t", "DATABASE_URL": ""}]
)
def test_production_refuses_to_start_without_database_url(environ):
    with pytest.raises(ConfigError, match="DATABASE_URL"):
        Settings.from_env(environ).check()
{%- endif %}


def test_debug_uses_the_development_defaults():
    settings = Settings.from_env({"DEBUG": "1"})
    settings.check()
    assert settings.api_token == DEVELOPMENT_API_TOKEN
    assert settings.database_url == DEFAULT_DATABASE_URL
{%- endif %}


def test_the_module_level_app_reads_the_environment(monkeypatch):
    monkeypatch.delenv("DEBUG", raising=False)
    monkeypatch.setenv("DOCS", "1")
    reloaded = importlib.reload(main)
    assert reloaded.app.openapi_url == "/openapi.json"
    monkeypatch.delenv("DOCS")
    assert importlib.reload(main).app.openapi_url is None
