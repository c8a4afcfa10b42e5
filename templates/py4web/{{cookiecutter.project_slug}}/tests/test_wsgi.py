"""The production entry point gunicorn serves, and its refusals to start."""

from __future__ import annotations

import runpy
import sys
{%- if cookiecutter.include_example == "yes" %}
from pathlib import Path
{%- endif %}

import pytest


def load_production_apps() -> object:
    """What a server start does: a fresh import of the WSGI module."""
    sys.modules.pop("{{ cookiecutter.package_name }}.wsgi", None)
    from {{ cookiecutter.package_name }} import wsgi

    return wsgi.application


@pytest.fixture
def production_env(
    monkeypatch: pytest.MonkeyPatch,
    reload_after: None,
{%- if cookiecutter.include_example == "yes" %}
    tmp_path: Path,
{%- endif %}
) -> pytest.MonkeyPatch:
    """The Procfile server's environment; the WSGI module selects production."""
    monkeypatch.delenv("APP_ENV")
    monkeypatch.setenv("SECRET_KEY", "production-secret-with-enough-entropy-0123456789")
{%- if cookiecutter.include_example == "yes" %}
    monkeypatch.setenv("API_TOKEN", "production-token")
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'production.db'}")
    monkeypatch.setenv("DB_FOLDER", str(tmp_path))
    monkeypatch.delenv("DB_MIGRATE", raising=False)
{%- endif %}
    return monkeypatch


def test_production_refuses_to_start_without_secret_key(
    production_env: pytest.MonkeyPatch,
) -> None:
    production_env.delenv("SECRET_KEY")
    with pytest.raises(SystemExit, match="SECRET_KEY is not set"):
        load_production_apps()
{%- if cookiecutter.include_example == "yes" %}


def test_production_refuses_to_start_with_an_empty_api_token(
    production_env: pytest.MonkeyPatch,
) -> None:
    production_env.setenv("API_TOKEN", "")
    with pytest.raises(SystemExit, match="API_TOKEN is not set"):
        load_production_apps()


def test_production_refuses_to_start_before_the_release_step(
    production_env: pytest.MonkeyPatch,
) -> None:
    with pytest.raises(SystemExit, match="release: step"):
        load_production_apps()


def test_release_step_creates_the_tables_then_the_server_starts(
    production_env: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    production_env.setenv("DB_MIGRATE", "1")
    sys.modules.pop("{{ cookiecutter.package_name }}.wsgi", None)
    runpy.run_module("{{ cookiecutter.package_name }}.wsgi", run_name="__main__")
    assert "tables now exist" in capsys.readouterr().out
    production_env.delenv("DB_MIGRATE")
    assert callable(load_production_apps())
{%- else %}


def test_production_starts_with_its_secrets(
    production_env: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert callable(load_production_apps())
    sys.modules.pop("{{ cookiecutter.package_name }}.wsgi", None)
    runpy.run_module("{{ cookiecutter.package_name }}.wsgi", run_name="__main__")
    assert "Apps loaded" in capsys.readouterr().out
{%- endif %}
