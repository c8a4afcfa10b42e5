"""The production entry point gunicorn serves, and its refusals to start."""

from __future__ import annotations

import importlib
import runpy
import sys
{%- if cookiecutter.include_example == "yes" and cookiecutter.database == "sqlite" %}
from pathlib import Path
{%- endif %}

{% if cookiecutter.include_example == "yes" and cookiecutter.database == "postgresql" %}import psycopg2
{% endif %}import pytest


def load_production_apps() -> object:
    """What a server start does: a fresh import of the WSGI module."""
    sys.modules.pop("{{ cookiecutter.package_name }}.wsgi", None)
    # import_module, not `from ... import wsgi`: that returns the package's attribute
    # left by an earlier import instead of importing the module again.
    wsgi = importlib.import_module("{{ cookiecutter.package_name }}.wsgi")
    return wsgi.application


@pytest.fixture
def production_env(
    monkeypatch: pytest.MonkeyPatch,
    reload_after: None,
{%- if cookiecutter.include_example == "yes" and cookiecutter.database == "postgresql" %}
    empty_database_url: str,
{%- elif cookiecutter.include_example == "yes" %}
    tmp_path: Path,
{%- endif %}
) -> pytest.MonkeyPatch:
    """The Procfile server's environment; the WSGI module selects production."""
    monkeypatch.delenv("APP_ENV")
    monkeypatch.setenv("SECRET_KEY", "production-secret-with-enough-entropy-0123456789")
{%- if cookiecutter.include_example == "yes" %}
    monkeypatch.setenv("API_TOKEN", "production-token")
{%- if cookiecutter.database == "postgresql" %}
    monkeypatch.setenv("DATABASE_URL", empty_database_url)
{%- else %}
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'production.db'}")
    monkeypatch.setenv("DB_FOLDER", str(tmp_path))
{%- endif %}
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


def release() -> None:
    """The Procfile's release: step, DB_MIGRATE=1 set by the caller."""
    sys.modules.pop("{{ cookiecutter.package_name }}.wsgi", None)
    runpy.run_module("{{ cookiecutter.package_name }}.wsgi", run_name="__main__")


def test_release_step_creates_the_tables_then_the_server_starts(
    production_env: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    production_env.setenv("DB_MIGRATE", "1")
    release()
    assert "tables now exist" in capsys.readouterr().out
{%- if cookiecutter.database == "postgresql" %}
    # Again, as from another machine: pyDAL finds its record of the table in the
    # database and changes nothing.
    release()
    assert "tables now exist" in capsys.readouterr().out
{%- endif %}
    production_env.delenv("DB_MIGRATE")
    assert callable(load_production_apps())
{%- if cookiecutter.database == "postgresql" %}


def test_release_step_takes_a_table_made_without_pydal(
    production_env: pytest.MonkeyPatch, empty_database_url: str
) -> None:
    """pyDAL has no record of it: it fake-migrates the table instead of creating it."""
    with psycopg2.connect(empty_database_url) as connection, connection.cursor() as cur:
        cur.execute(
            "CREATE TABLE note (id bigserial PRIMARY KEY, title varchar(200),"
            " body text, created_at timestamp)"
        )
    connection.close()
    production_env.setenv("DB_MIGRATE", "1")
    release()
    production_env.delenv("DB_MIGRATE")
    assert callable(load_production_apps())


def test_production_refuses_to_start_without_database_url(
    production_env: pytest.MonkeyPatch,
) -> None:
    production_env.delenv("DATABASE_URL")
    with pytest.raises(SystemExit, match="DATABASE_URL is not set"):
        load_production_apps()


def test_production_refuses_a_database_it_cannot_reach(
    production_env: pytest.MonkeyPatch, empty_database_url: str
) -> None:
    production_env.setenv("DATABASE_URL", f"{empty_database_url}_missing")
    with pytest.raises(SystemExit, match="does not exist"):
        load_production_apps()


def test_pool_size_must_be_a_whole_number(
    production_env: pytest.MonkeyPatch,
) -> None:
    production_env.setenv("DB_POOL_SIZE", "many")
    with pytest.raises(SystemExit, match="DB_POOL_SIZE must be a whole number"):
        load_production_apps()
{%- endif %}
{%- else %}


def test_production_starts_with_its_secrets(
    production_env: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert callable(load_production_apps())
    sys.modules.pop("{{ cookiecutter.package_name }}.wsgi", None)
    runpy.run_module("{{ cookiecutter.package_name }}.wsgi", run_name="__main__")
    assert "Apps loaded" in capsys.readouterr().out
{%- endif %}
