"""The database: `flask init-db`, SQLite's settings, the check at start-up."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
{%- if cookiecutter.database == "sqlite" %}
from pathlib import Path
{%- endif %}
from typing import Any
{%- if cookiecutter.database == "sqlite" %}
from unittest.mock import Mock
{%- endif %}

import pytest
from flask import Flask
from flask.testing import FlaskClient, FlaskCliRunner
from sqlalchemy import event, inspect{% if cookiecutter.database == "postgresql" %}, make_url{% endif %}

from {{ cookiecutter.package_name }} import create_app
from {{ cookiecutter.package_name }}.db import (
    DatabaseNotReadyError,
{%- if cookiecutter.database == "sqlite" %}
    _configure_sqlite,
{%- endif %}
    check_database,
    db,
)
from {{ cookiecutter.package_name }}.models import Note


def test_init_db_creates_the_tables(app: Flask, runner: FlaskCliRunner) -> None:
    with app.app_context():
        db.drop_all()
    result = runner.invoke(args=["init-db"])
    assert result.exit_code == 0
    assert "Initialized the database." in result.output
    with app.app_context():
        assert "note" in inspect(db.engine).get_table_names()


def test_init_db_keeps_existing_data(app: Flask, runner: FlaskCliRunner) -> None:
    with app.app_context():
        db.session.add(Note(title="Keep me"))
        db.session.commit()
    assert runner.invoke(args=["init-db"]).exit_code == 0
    with app.app_context():
        assert db.session.query(Note).count() == 1
{%- if cookiecutter.database == "postgresql" %}


@pytest.fixture
def file_app(app: Flask) -> Flask:
    """The app on the PostgreSQL test database, tables created (as in production)."""
    return app
{%- else %}


@pytest.fixture
def file_app(tmp_path: Path) -> Iterator[Flask]:
    """An app on a database file, as in production (the tests' own is in memory)."""
    database_url = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    app = create_app({"SQLALCHEMY_DATABASE_URI": database_url})
    with app.app_context():
        db.create_all()
    yield app
    with app.app_context():
        db.engine.dispose()


def test_every_sqlite_connection_uses_wal_and_waits_when_busy(file_app: Flask) -> None:
    with file_app.app_context(), db.engine.connect() as connection:
        pragma = connection.exec_driver_sql
        assert pragma("PRAGMA journal_mode").scalar() == "wal"
        assert pragma("PRAGMA busy_timeout").scalar() >= 5000
        # 1 is NORMAL: with WAL, a commit survives a killed process.
        assert pragma("PRAGMA synchronous").scalar() == 1


def test_other_databases_keep_their_own_settings() -> None:
    # The listener sees every engine's connections; only SQLite's get the PRAGMAs.
    connection = Mock()
    _configure_sqlite(connection, None)
    connection.cursor.assert_not_called()
{%- endif %}


def test_check_database_passes_once_init_db_has_run(file_app: Flask) -> None:
    check_database(file_app)
    # It closes its connection: gunicorn forks the workers afterwards.
    with file_app.app_context():
        assert db.engine.pool.checkedin() == 0


def test_check_database_refuses_missing_tables(file_app: Flask) -> None:
    with file_app.app_context():
        db.drop_all()
    with pytest.raises(DatabaseNotReadyError, match="no table note.*init-db"):
        check_database(file_app)
{%- if cookiecutter.database == "postgresql" %}


def test_check_database_refuses_a_database_it_cannot_open(database_url: str) -> None:
    missing = make_url(database_url).set(database="no_such_database")
    app = create_app(
        {"SQLALCHEMY_DATABASE_URI": missing.render_as_string(hide_password=False)}
    )
    with pytest.raises(DatabaseNotReadyError, match="cannot be opened") as error:
        check_database(app)
    assert "init-db" in str(error.value)
    # One line for the server's log, without the driver's hints below it.
    assert "\n" not in str(error.value)


def test_the_pool_is_sized_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, database_url: str
) -> None:
    monkeypatch.setenv("DB_POOL_SIZE", "3")
    monkeypatch.setenv("DB_MAX_OVERFLOW", "2")
    monkeypatch.setenv("FLASK_DEBUG", "1")
    monkeypatch.setenv("DATABASE_URL", database_url)
    app = create_app()
    with app.app_context():
        assert db.engine.pool.size() == 3
        assert app.config["SQLALCHEMY_ENGINE_OPTIONS"]["max_overflow"] == 2
        db.engine.dispose()
{%- else %}


def test_check_database_refuses_a_database_it_cannot_open(tmp_path: Path) -> None:
    missing_folder = tmp_path / "no-such-folder" / "db.sqlite3"
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{missing_folder}"})
    with pytest.raises(DatabaseNotReadyError, match="cannot be opened.*init-db"):
        check_database(app)
{%- endif %}


@contextmanager
def statements(app: Flask) -> Iterator[list[str]]:
    """The SQL statements run inside the block."""
    seen: list[str] = []

    def record(*args: Any) -> None:
        seen.append(args[2])

    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", record)


def test_health_does_not_touch_the_database(app: Flask, client: FlaskClient) -> None:
    with statements(app) as seen:
        assert client.get("/health").status_code == 200
    assert seen == []


def test_a_page_of_notes_is_one_query(app: Flask, client: FlaskClient) -> None:
    with app.app_context():
        db.session.add_all([Note(title=f"note {i}") for i in range(60)])
        db.session.commit()
    with statements(app) as seen:
        assert len(client.get("/api/notes").json) == 50
    assert len(seen) == 1
