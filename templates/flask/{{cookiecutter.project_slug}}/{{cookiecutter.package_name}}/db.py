"""The database: the Flask-SQLAlchemy extension and the `flask init-db` command.

https://flask-sqlalchemy.readthedocs.io/en/stable/quickstart/
"""

from __future__ import annotations
{%- if cookiecutter.database == "sqlite" %}

import sqlite3
from typing import Any
{%- endif %}

import click
from flask import Flask
from flask.cli import with_appcontext
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import {% if cookiecutter.database == "sqlite" %}Engine, event, {% endif %}inspect
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import DeclarativeBase

RELEASE_COMMAND = "flask --app {{ cookiecutter.package_name }} init-db"


class Base(DeclarativeBase):
    """The base class of every model; `db.Model` subclasses it."""


# Created without an app, then bound to each app in `init_app` (the extension pattern).
db = SQLAlchemy(model_class=Base)


class DatabaseNotReadyError(RuntimeError):
    """The database cannot be opened or lacks tables: the release step has not run."""
{%- if cookiecutter.database == "sqlite" %}


# Runs for every new connection of every engine; SQLAlchemy's documented place for
# per-connection SQLite settings. https://docs.sqlalchemy.org/en/20/dialects/sqlite.html
@event.listens_for(Engine, "connect")
def _configure_sqlite(dbapi_connection: Any, _connection_record: Any) -> None:
    if not isinstance(dbapi_connection, sqlite3.Connection):
        return
    cursor = dbapi_connection.cursor()
    # WAL: readers never block the writer. NORMAL: a commit survives a killed process.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    # Wait up to 5 s for another worker's write instead of "database is locked".
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()
{%- endif %}


@click.command("init-db")
# The `flask` command pushes an app context itself; this also covers the tests' runner.
@with_appcontext
def init_db_command() -> None:
    """Create the tables that do not exist yet; safe to run on every deploy."""
    # Creates a table for every model imported so far; the blueprints import them all.
    db.create_all()
    click.echo("Initialized the database.")


def check_database(app: Flask) -> None:
    """Refuse to serve from a database that `init-db` has not prepared.

    Run once when the server starts, so `/health` itself never touches the database.
    """
    with app.app_context():
        try:
            found = set(inspect(db.engine).get_table_names())
        except SQLAlchemyError as error:
            # The driver's own message, first line only (psycopg adds hints below it).
            reason = str(getattr(error, "orig", error)).strip().partition("\n")[0]
            problem = (
                f"The database cannot be opened ({reason}): check DATABASE_URL, "
                f"then run `{RELEASE_COMMAND}`."
            )
        else:
            missing = ", ".join(sorted(set(db.metadata.tables) - found))
            problem = missing and (
                f"The database has no table {missing}: run `{RELEASE_COMMAND}` first."
            )
        finally:
            # gunicorn forks its workers after this check: they must not share its
            # connection. https://docs.sqlalchemy.org/en/20/core/pooling.html
            db.engine.dispose()
    if problem:
        raise DatabaseNotReadyError(problem)


def init_app(app: Flask) -> None:
    """Bind the extension and register the CLI command on `app`."""
    db.init_app(app)
    app.cli.add_command(init_db_command)
