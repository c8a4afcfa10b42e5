"""The model: `DBSession`, `DeclarativeBase` and the tables.

TurboGears calls `init_model` with the engine it builds from `sqlalchemy.url`.
https://turbogears.readthedocs.io/en/latest/turbogears/sqlalchemy.html
"""

from __future__ import annotations
{%- if cookiecutter.database == "sqlite" %}

import sqlite3
from typing import Any
{%- endif %}

from sqlalchemy import Engine, {% if cookiecutter.database == "sqlite" %}event, {% endif %}inspect
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import DeclarativeBase as _Base
from sqlalchemy.orm import scoped_session, sessionmaker
from zope.sqlalchemy import register

RELEASE_COMMAND = "gearbox setup-app -c production.ini"

# One session per thread; zope.sqlalchemy joins it to the request's transaction, which
# TurboGears' transaction manager commits when the controller returns.
DBSession = scoped_session(sessionmaker(autoflush=True, autocommit=False))
register(DBSession)


class DeclarativeBase(_Base):
    """The base class of every model."""


metadata = DeclarativeBase.metadata


class DatabaseNotReadyError(RuntimeError):
    """The database cannot be opened or lacks tables: the release step has not run."""
{%- if cookiecutter.database == "sqlite" %}


# Runs for every new connection; SQLAlchemy's documented place for per-connection
# SQLite settings. https://docs.sqlalchemy.org/en/20/dialects/sqlite.html
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


def init_model(engine: Engine) -> None:
    """Bind the session to the engine; TurboGears calls it at start-up."""
    # Forget sessions of an earlier engine (the tests load the app once per test).
    DBSession.remove()
    DBSession.configure(bind=engine)


def check_database() -> None:
    """Refuse to serve from a database that `gearbox setup-app` has not prepared.

    Run once when the server starts, so `/health` itself never touches the database.
    """
    engine = DBSession.get_bind()
    try:
        found = set(inspect(engine).get_table_names())
    except SQLAlchemyError as error:
        # The driver's own message, first line only (psycopg adds hints below it).
        reason = str(getattr(error, "orig", error)).strip().partition("\n")[0]
        problem = (
            f"The database cannot be opened ({reason}): check DATABASE_URL, "
            f"then run `{RELEASE_COMMAND}`."
        )
    else:
        missing = ", ".join(sorted(set(metadata.tables) - found))
        problem = missing and (
            f"The database has no table {missing}: run `{RELEASE_COMMAND}` first."
        )
    finally:
        # gunicorn forks its workers after this check: they must not share its
        # connection. https://docs.sqlalchemy.org/en/20/core/pooling.html
        engine.dispose()
    if problem:
        raise DatabaseNotReadyError(problem)


# Import the models last: they need DeclarativeBase.
from {{ cookiecutter.package_name }}.model.note import Note  # noqa: E402

__all__ = ["DBSession", "DeclarativeBase", "Note", "init_model", "metadata"]
