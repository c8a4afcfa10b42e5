"""`gearbox setup-app` and the start-up checks of production.ini."""

from __future__ import annotations
{%- if cookiecutter.database == "postgresql" %}

from collections.abc import Iterator

import pytest
from paste.deploy import appconfig, loadapp
from sqlalchemy import create_engine, inspect, make_url

from {{ cookiecutter.package_name }} import model
from {{ cookiecutter.package_name }}.config.middleware import (
    ConfigError,
    pool_settings,
    sqlalchemy_url,
)
from {{ cookiecutter.package_name }}.model import DatabaseNotReadyError
from {{ cookiecutter.package_name }}.websetup import setup_app
from tests import PROJECT

SECRETS = {"SECRET_KEY": "k", "API_TOKEN": "t"}


@pytest.fixture
def production(monkeypatch: pytest.MonkeyPatch, database_url: str) -> Iterator[str]:
    """The environment of production.ini, on the test database; no tables are left."""
    # The plain `postgresql://` URL that hosts hand out; the app picks psycopg 3.
    plain_url = database_url.replace("postgresql+psycopg://", "postgresql://", 1)
    for name, value in {**SECRETS, "DATABASE_URL": plain_url}.items():
        monkeypatch.setenv(name, value)
    yield database_url
    engine = create_engine(database_url)
    model.metadata.drop_all(bind=engine)
    engine.dispose()


def load_production() -> object:
    return loadapp("config:production.ini", relative_to=str(PROJECT))


def release() -> None:
    """The Procfile's `release:` step, `gearbox setup-app -c production.ini`."""
    setup_app(None, appconfig("config:production.ini", relative_to=str(PROJECT)), {})


def test_setup_app_creates_the_tables(production: str) -> None:
    release()
    assert load_production() is not None
    engine = create_engine(production)
    columns = {c["name"]: c for c in inspect(engine).get_columns("note")}
    engine.dispose()
    # bigint holds every id the API accepts; timestamptz stores the instant.
    assert str(columns["id"]["type"]) == "BIGINT"
    assert getattr(columns["created_at"]["type"], "timezone", False)


def test_setup_app_keeps_existing_tables(production: str) -> None:
    release()
    release()
    assert load_production() is not None


def test_production_refuses_a_database_without_tables(production: str) -> None:
    with pytest.raises(DatabaseNotReadyError, match="gearbox setup-app"):
        load_production()


def test_production_refuses_a_database_it_cannot_open(
    production: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    missing = make_url(production).set(database="no_such_database")
    monkeypatch.setenv("DATABASE_URL", missing.render_as_string(hide_password=False))
    with pytest.raises(DatabaseNotReadyError, match="cannot be opened") as error:
        load_production()
    # One line for the server's log, without the driver's hints below it.
    assert "\n" not in str(error.value)


def test_the_pool_is_sized_from_the_environment(
    production: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DB_POOL_SIZE", "3")
    monkeypatch.setenv("DB_MAX_OVERFLOW", "2")
    release()
    load_production()
    assert model.DBSession.get_bind().pool.size() == 3
    assert pool_settings()["sqlalchemy.max_overflow"] == 2


def test_the_pool_has_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DB_POOL_SIZE", raising=False)
    monkeypatch.delenv("DB_MAX_OVERFLOW", raising=False)
    settings = pool_settings()
    assert settings["sqlalchemy.pool_size"] == settings["sqlalchemy.max_overflow"] == 5


@pytest.mark.parametrize("variable", ["DB_POOL_SIZE", "DB_MAX_OVERFLOW"])
def test_a_pool_size_must_be_a_whole_number(
    production: str, monkeypatch: pytest.MonkeyPatch, variable: str
) -> None:
    monkeypatch.setenv(variable, "many")
    with pytest.raises(ConfigError, match=f"{variable} must be a whole number"):
        load_production()


@pytest.mark.parametrize(
    ("given", "used"),
    [
        ("postgresql://u:p@db:5432/notes", "postgresql+psycopg://u:p@db:5432/notes"),
        ("postgres://u:p@db/notes", "postgresql+psycopg://u:p@db/notes"),
        ("postgresql+psycopg:///notes", "postgresql+psycopg:///notes"),
    ],
)
def test_postgresql_urls_use_psycopg_3(given: str, used: str) -> None:
    assert sqlalchemy_url(given) == used
{%- else %}

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from paste.deploy import appconfig, loadapp

from {{ cookiecutter.package_name }}.model import DatabaseNotReadyError
from {{ cookiecutter.package_name }}.websetup import setup_app
from tests import PROJECT

SECRETS = {"SECRET_KEY": "k", "API_TOKEN": "t"}


@pytest.fixture
def production(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    database = tmp_path / "db.sqlite3"
    for name, value in {**SECRETS, "DATABASE_URL": f"sqlite:///{database}"}.items():
        monkeypatch.setenv(name, value)
    return database


def load_production() -> object:
    return loadapp("config:production.ini", relative_to=str(PROJECT))


def test_setup_app_creates_the_tables_in_wal_mode(production: Path) -> None:
    conf = appconfig("config:production.ini", relative_to=str(PROJECT))
    setup_app(None, conf, {})
    assert load_production() is not None
    # closing: sqlite3's own context manager commits but does not close.
    with closing(sqlite3.connect(production)) as connection:
        rows = connection.execute("SELECT name FROM sqlite_master")
        tables = {row[0] for row in rows}
        mode = connection.execute("PRAGMA journal_mode").fetchone()[0]
    assert "note" in tables and mode == "wal"


def test_production_refuses_a_database_without_tables(production: Path) -> None:
    with pytest.raises(DatabaseNotReadyError, match="gearbox setup-app"):
        load_production()


def test_production_refuses_a_database_it_cannot_open(
    production: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path}/missing/db.sqlite3")
    with pytest.raises(DatabaseNotReadyError, match="cannot be opened"):
        load_production()
{%- endif %}
