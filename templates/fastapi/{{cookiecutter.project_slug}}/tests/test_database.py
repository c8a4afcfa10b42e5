{%- if cookiecutter.database == "postgresql" -%}
from __future__ import annotations

import asyncio

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, func, inspect, select

from {{ cookiecutter.package_name }}.config import Settings
from {{ cookiecutter.package_name }}.database import (
    DatabaseNotReadyError,
    async_url,
    check_schema,
    create_engine,
    create_schema,
    main,
    sessionmaker,
)
from {{ cookiecutter.package_name }}.main import create_app
from {{ cookiecutter.package_name }}.models import Base, NoteRecord


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://user:secret@db:5432/notes",
        "postgres://user:secret@db:5432/notes",
        "postgresql+psycopg://user:secret@db:5432/notes",
    ],
)
def test_async_url_uses_psycopg_3(url):
    assert async_url(url).drivername == "postgresql+psycopg"
    assert async_url(url).database == "notes"


def test_the_pool_is_sized_from_the_settings(database_url):
    settings = Settings(
        database_url=database_url, db_pool_size="3", db_max_overflow="2"
    )
    engine = create_engine(database_url, **settings.pool_options())
    assert engine.pool.size() == 3
    assert settings.pool_options() == {"pool_size": 3, "max_overflow": 2}


def test_create_schema_is_idempotent(database_url, test_database: Engine):
    Base.metadata.drop_all(test_database)
    asyncio.run(create_schema(database_url))
    asyncio.run(create_schema(database_url))
    assert inspect(test_database).has_table(NoteRecord.__tablename__)


def test_concurrent_writers_get_distinct_ids(database_url):
    async def add_many() -> tuple[set[int], int]:
        engine = create_engine(database_url)
        make_session = sessionmaker(engine)

        async def add(n: int) -> int:
            async with make_session() as session:
                record = NoteRecord(title=f"Note {n}", body="")
                session.add(record)
                await session.commit()
                return record.id

        ids = set(await asyncio.gather(*(add(n) for n in range(20))))
        async with make_session() as session:
            total = await session.scalar(select(func.count()).select_from(NoteRecord))
        await engine.dispose()
        return ids, total

    ids, total = asyncio.run(add_many())
    assert len(ids) == total == 20


def check(url: str) -> None:
    async def check_and_dispose() -> None:
        engine = create_engine(url)
        try:
            await check_schema(engine)
        finally:
            await engine.dispose()

    asyncio.run(check_and_dispose())


def test_check_schema_refuses_a_database_without_tables(database_url, test_database):
    Base.metadata.drop_all(test_database)
    with pytest.raises(DatabaseNotReadyError, match="no tables.*database create"):
        check(database_url)


def test_check_schema_refuses_a_database_it_cannot_open(database_url):
    missing = async_url(database_url).set(database="no_such_database")
    with pytest.raises(DatabaseNotReadyError, match="cannot be opened"):
        check(missing.render_as_string(hide_password=False))


def test_the_app_refuses_to_start_without_tables(database_url, test_database):
    Base.metadata.drop_all(test_database)
    settings = Settings(api_token="t", database_url=database_url)
    with pytest.raises(DatabaseNotReadyError), TestClient(create_app(settings)):
        pass


def test_release_then_check(monkeypatch, capsys, database_url, test_database):
    Base.metadata.drop_all(test_database)
    monkeypatch.delenv("DEBUG", raising=False)
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setenv("API_TOKEN", "secret")
    assert main(["check"]) == 1
    assert "database create" in capsys.readouterr().err
    assert main(["create"]) == 0
    assert main(["check"]) == 0


@pytest.mark.parametrize(
    ("environ", "needle"),
    [
        ({"DATABASE_URL": "postgresql://db/notes"}, "API_TOKEN"),
        ({"API_TOKEN": "t"}, "DATABASE_URL"),
        ({"API_TOKEN": "t", "DATABASE_URL": "not a url"}, "DATABASE_URL"),
        ({"API_TOKEN": "t", "DATABASE_URL": "x", "DB_POOL_SIZE": "many"}, "POOL_SIZE"),
        ({"API_TOKEN": "t", "DATABASE_URL": "x", "DB_MAX_OVERFLOW": "-1"}, "OVERFLOW"),
    ],
)
def test_check_says_what_is_missing_in_one_line(monkeypatch, capsys, environ, needle):
    names = ["DEBUG", "API_TOKEN", "DATABASE_URL", "DB_POOL_SIZE", "DB_MAX_OVERFLOW"]
    for name in names:
        monkeypatch.delenv(name, raising=False)
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    assert main(["check"]) == 1
    err = capsys.readouterr().err
    assert needle in err
    assert err.count("\n") == 1


def test_a_server_it_cannot_reach_is_one_line(monkeypatch, capsys, database_url):
    monkeypatch.delenv("DEBUG", raising=False)
    monkeypatch.setenv("API_TOKEN", "t")
    unreachable = async_url(database_url).set(host="127.0.0.1", port=1)
    url = unreachable.render_as_string(hide_password=False)
    monkeypatch.setenv("DATABASE_URL", url)
    assert main(["check"]) == 1
    err = capsys.readouterr().err
    assert "cannot be opened" in err and "DATABASE_URL" in err
    assert err.count("\n") == 1


def test_an_unknown_command_prints_the_usage(capsys):
    assert main([]) == 2
    assert "create|check" in capsys.readouterr().err
{%- else -%}
from __future__ import annotations

import asyncio
import sqlite3

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select, text

from {{ cookiecutter.package_name }}.config import Settings
from {{ cookiecutter.package_name }}.database import (
    BUSY_TIMEOUT_MS,
    DatabaseNotReadyError,
    async_url,
    check_schema,
    create_engine,
    create_schema,
    main,
    sessionmaker,
)
from {{ cookiecutter.package_name }}.main import create_app
from {{ cookiecutter.package_name }}.models import NoteRecord


@pytest.mark.parametrize(
    ("url", "driver"),
    [
        ("sqlite:////srv/notes.sqlite3", "sqlite+aiosqlite"),
        ("sqlite+aiosqlite:///notes.sqlite3", "sqlite+aiosqlite"),
        ("postgresql+asyncpg://db/notes", "postgresql+asyncpg"),
    ],
)
def test_async_url_picks_an_async_driver(url, driver):
    assert async_url(url).drivername == driver


def test_create_schema_is_idempotent_and_turns_on_wal(tmp_path):
    path = tmp_path / "new" / "notes.sqlite3"
    asyncio.run(create_schema(f"sqlite:///{path}"))
    asyncio.run(create_schema(f"sqlite:///{path}"))
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_every_connection_waits_for_locks(database_url):
    async def busy_timeout() -> int:
        engine = create_engine(database_url)
        async with engine.connect() as connection:
            value = (await connection.execute(text("PRAGMA busy_timeout"))).scalar_one()
        await engine.dispose()
        return value

    assert asyncio.run(busy_timeout()) == BUSY_TIMEOUT_MS


def test_concurrent_writers_get_distinct_ids(database_url):
    async def add_many() -> tuple[set[int], int]:
        engine = create_engine(database_url)
        make_session = sessionmaker(engine)

        async def add(n: int) -> int:
            async with make_session() as session:
                record = NoteRecord(title=f"Note {n}", body="")
                session.add(record)
                await session.commit()
                return record.id

        ids = set(await asyncio.gather(*(add(n) for n in range(20))))
        async with make_session() as session:
            total = await session.scalar(select(func.count()).select_from(NoteRecord))
        await engine.dispose()
        return ids, total

    ids, total = asyncio.run(add_many())
    assert len(ids) == total == 20


def check(url: str) -> None:
    async def check_and_dispose() -> None:
        engine = create_engine(url)
        try:
            await check_schema(engine)
        finally:
            await engine.dispose()

    asyncio.run(check_and_dispose())


def test_check_schema_refuses_a_database_without_tables(tmp_path):
    path = tmp_path / "empty.sqlite3"
    with pytest.raises(DatabaseNotReadyError, match="database create"):
        check(f"sqlite:///{path}")
    assert not path.exists()
    sqlite3.connect(path).close()
    with pytest.raises(DatabaseNotReadyError, match="no tables"):
        check(f"sqlite:///{path}")


def test_check_schema_refuses_a_file_that_is_no_database(tmp_path):
    path = tmp_path / "notes.sqlite3"
    path.write_bytes(b"not a database" * 100)
    with pytest.raises(DatabaseNotReadyError, match="cannot be opened"):
        check(f"sqlite:///{path}")


def test_the_app_refuses_to_start_without_tables(tmp_path):
    url = f"sqlite:///{tmp_path / 'empty.sqlite3'}"
    settings = Settings(api_token="t", database_url=url)
    with pytest.raises(DatabaseNotReadyError), TestClient(create_app(settings)):
        pass


def test_release_then_check(monkeypatch, tmp_path, capsys):
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'db' / 'app.sqlite3'}")
    monkeypatch.setenv("API_TOKEN", "secret")
    assert main(["check"]) == 1
    assert "database create" in capsys.readouterr().err
    assert main(["create"]) == 0
    assert main(["check"]) == 0


@pytest.mark.parametrize(
    ("environ", "needle"),
    [
        ({"DATABASE_URL": "sqlite:///x.sqlite3"}, "API_TOKEN"),
        ({"API_TOKEN": "t", "DATABASE_URL": "not a url"}, "DATABASE_URL"),
        ({"API_TOKEN": "t", "DATABASE_URL": "sqlite:////no/such/dir/x.db"}, "create"),
    ],
)
def test_check_says_what_is_missing_in_one_line(monkeypatch, capsys, environ, needle):
    monkeypatch.delenv("DEBUG", raising=False)
    monkeypatch.delenv("API_TOKEN", raising=False)
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    assert main(["check"]) == 1
    err = capsys.readouterr().err
    assert needle in err
    assert err.count("\n") == 1


def test_an_unknown_command_prints_the_usage(capsys):
    assert main([]) == 2
    assert "create|check" in capsys.readouterr().err
{%- endif %}
