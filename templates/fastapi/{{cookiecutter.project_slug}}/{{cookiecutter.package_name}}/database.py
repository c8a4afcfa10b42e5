"""The async engine and its sessions, and the release command that creates the tables.

`python -m {{ cookiecutter.package_name }}.database create` is the Procfile's `release:` step (idempotent);
`python -m {{ cookiecutter.package_name }}.database check` runs before the web server starts, so a missing
setting or table stops it with one line instead of a server that answers 500.
"""

from __future__ import annotations

import asyncio
import sys
{%- if cookiecutter.database == "sqlite" %}
from pathlib import Path
{%- endif %}
from typing import Any

from sqlalchemy import {% if cookiecutter.database == "sqlite" %}event, {% endif %}inspect
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker, create_async_engine

from .config import ConfigError, Settings
from .models import Base, NoteRecord
{% if cookiecutter.database == "sqlite" %}
# How long a write waits for another worker's write to finish, in milliseconds.
BUSY_TIMEOUT_MS = 10_000
{%- endif %}
RELEASE_COMMAND = "python -m {{ cookiecutter.package_name }}.database create"


class DatabaseNotReadyError(RuntimeError):
    """The database cannot be opened, or the release step has not created its tables."""
{%- if cookiecutter.database == "postgresql" %}


def async_url(database_url: str) -> URL:
    """The URL with SQLAlchemy's name for psycopg 3, whose async mode
    create_async_engine picks; hosts hand out plain `postgresql://` (or `postgres://`).
    https://docs.sqlalchemy.org/en/20/dialects/postgresql.html#module-sqlalchemy.dialects.postgresql.psycopg
    """
    url = make_url(database_url)
    if url.drivername in ("postgres", "postgresql"):
        url = url.set(drivername="postgresql+psycopg")
    return url


def create_engine(database_url: str, **options: Any) -> AsyncEngine:
    # pre_ping: a connection the server closed (restart, idle timeout) is replaced
    # before a request gets it.
    return create_async_engine(async_url(database_url), pool_pre_ping=True, **options)


{%- else %}


def async_url(database_url: str) -> URL:
    """`sqlite:///...` as an async URL: SQLAlchemy's asyncio needs an async driver."""
    url = make_url(database_url)
    if url.drivername == "sqlite":
        url = url.set(drivername="sqlite+aiosqlite")
    return url


def create_engine(database_url: str, **options: Any) -> AsyncEngine:
    engine = create_async_engine(async_url(database_url), **options)
    if engine.dialect.name == "sqlite":
        event.listen(engine.sync_engine, "connect", _tune_sqlite)
    return engine


def _tune_sqlite(dbapi_connection: Any, connection_record: Any) -> None:
    """Run on every new connection of the engine.

    WAL lets readers and one writer work at once; the busy timeout makes concurrent
    writers wait for each other instead of failing with "database is locked".
    """
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    # In WAL mode NORMAL loses no committed write when the process dies (kill -9).
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


{%- endif %}


def sessionmaker(engine: AsyncEngine) -> async_sessionmaker:
    # expire_on_commit=False: a committed note can still be read to build the answer.
    return async_sessionmaker(engine, expire_on_commit=False)


async def check_schema(engine: AsyncEngine) -> None:
    """Raise DatabaseNotReadyError unless the database opens and has its tables."""
    missing = DatabaseNotReadyError(
        f"the database has no tables: run `{RELEASE_COMMAND}`"
        " (the Procfile's release: step) first."
    )
{%- if cookiecutter.database == "sqlite" %}
    database = engine.url.database
    if engine.dialect.name == "sqlite" and database and not Path(database).is_file():
        # Connecting would create an empty file; there is nothing to check yet.
        raise missing
{%- endif %}
    try:
        async with engine.connect() as connection:
            ready = await connection.run_sync(
                lambda sync: inspect(sync).has_table(NoteRecord.__tablename__)
            )
    except SQLAlchemyError as error:
        raise DatabaseNotReadyError(
            f"the database cannot be opened ({error.__class__.__name__}); check "
            f"DATABASE_URL and run `{RELEASE_COMMAND}` (the Procfile's release: step)."
        ) from error
    if not ready:
        raise missing


async def create_schema(database_url: str) -> None:
    """Create the missing tables; running it again changes nothing."""
{%- if cookiecutter.database == "sqlite" %}
    url = async_url(database_url)
    if url.get_backend_name() == "sqlite" and url.database:
        Path(url.database).parent.mkdir(parents=True, exist_ok=True)
{%- endif %}
    engine = create_engine(database_url)
    try:
        async with engine.begin() as connection:
            await connection.run_sync(Base.metadata.create_all)
    finally:
        await engine.dispose()


async def _check(settings: Settings) -> None:
    settings.check()
    try:
        engine = create_engine(settings.database_url)
    except (SQLAlchemyError, ImportError) as error:
        raise DatabaseNotReadyError(f"DATABASE_URL is not usable: {error}") from error
    try:
        await check_schema(engine)
    finally:
        await engine.dispose()


def main(argv: list[str] | None = None) -> int:
    command = (argv if argv is not None else sys.argv[1:])[:1]
    settings = Settings.from_env()
    if command == ["create"]:
        asyncio.run(create_schema(settings.database_url))
        return 0
    if command == ["check"]:
        try:
            asyncio.run(_check(settings))
        except (ConfigError, DatabaseNotReadyError) as error:
            print(f"Error: {error}", file=sys.stderr)
            return 1
        return 0
    print("usage: python -m {{ cookiecutter.package_name }}.database create|check", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
