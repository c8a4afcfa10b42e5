"""`gearbox setup-app` and the start-up checks of production.ini."""

from __future__ import annotations

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
