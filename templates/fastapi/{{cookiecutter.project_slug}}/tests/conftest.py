"""Fixtures: the app from `create_app` with test settings, and a TestClient over it.

`with TestClient(app) as client` runs the app's lifespan, as a server would:
https://fastapi.tiangolo.com/advanced/testing-events/
{%- if cookiecutter.include_example == "yes" %}
It runs once per test session; each test then gets its own empty database through
`app.dependency_overrides`: https://fastapi.tiangolo.com/advanced/testing-dependencies/
{%- endif %}
"""

from __future__ import annotations
{% if cookiecutter.include_example == "yes" %}
import asyncio
{%- if cookiecutter.database == "postgresql" %}
import os
{%- else %}
import shutil
{%- endif %}
from collections.abc import AsyncIterator, Iterator
{%- else %}
from collections.abc import Iterator
{%- endif %}

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
{%- if cookiecutter.include_example == "yes" %}
{%- if cookiecutter.database == "postgresql" %}
from sqlalchemy import Engine, create_engine
{%- endif %}
from sqlalchemy.ext.asyncio import AsyncSession
{%- endif %}
{% if cookiecutter.include_example == "yes" and cookiecutter.database == "postgresql" %}
from {{ cookiecutter.package_name }}.config import DEFAULT_DATABASE_URL, Settings
from {{ cookiecutter.package_name }}.database import async_url, create_schema, sessionmaker
from {{ cookiecutter.package_name }}.database import create_engine as create_async_engine
from {{ cookiecutter.package_name }}.dependencies import get_session
{%- elif cookiecutter.include_example == "yes" %}
from {{ cookiecutter.package_name }}.config import Settings
from {{ cookiecutter.package_name }}.database import create_engine, create_schema, sessionmaker
from {{ cookiecutter.package_name }}.dependencies import get_session
{%- else %}
from {{ cookiecutter.package_name }}.config import Settings
{%- endif %}
from {{ cookiecutter.package_name }}.main import create_app
{%- if cookiecutter.include_example == "yes" and cookiecutter.database == "postgresql" %}
from {{ cookiecutter.package_name }}.models import Base
{%- endif %}
{%- if cookiecutter.include_example == "yes" %}

API_TOKEN = "test-token"
{%- if cookiecutter.database == "postgresql" %}


@pytest.fixture(scope="session")
def test_database() -> Iterator[Engine]:
    """A `test_` database on the server that DATABASE_URL names, dropped at the end
    (as Django's test runner does): the tests never touch your development data.
    psycopg 3 also connects synchronously, which these fixtures use."""
    url = async_url(os.environ.get("DATABASE_URL", DEFAULT_DATABASE_URL))
    name = f"test_{url.database}"
    # CREATE DATABASE cannot run inside a transaction.
    server = create_engine(url, isolation_level="AUTOCOMMIT")
    with server.connect() as connection:
        connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}"')
        connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    engine = create_engine(url.set(database=name))
    yield engine
    engine.dispose()
    with server.connect() as connection:
        connection.exec_driver_sql(f'DROP DATABASE "{name}" WITH (FORCE)')
    server.dispose()


@pytest.fixture(scope="session")
def settings(test_database: Engine) -> Settings:
    # An empty database with its tables, as the release step makes it.
    url = test_database.url.render_as_string(hide_password=False)
    asyncio.run(create_schema(url))
    return Settings(api_token=API_TOKEN, database_url=url)


@pytest.fixture
def database_url(settings: Settings, test_database: Engine) -> Iterator[str]:
    """The test database, emptied after each test (its tables made again if dropped)."""
    yield settings.database_url
    Base.metadata.create_all(test_database)
    with test_database.begin() as connection:
        tables = ", ".join(Base.metadata.tables)
        connection.exec_driver_sql(f"TRUNCATE {tables} RESTART IDENTITY")
{%- else %}


@pytest.fixture(scope="session")
def settings(tmp_path_factory) -> Settings:
    # An empty database with its tables, as the release step makes it.
    url = f"sqlite:///{tmp_path_factory.mktemp('db') / 'empty.sqlite3'}"
    asyncio.run(create_schema(url))
    return Settings(api_token=API_TOKEN, database_url=url)


@pytest.fixture
def database_url(settings, tmp_path) -> str:
    """A copy of the empty database, for one test."""
    empty = settings.database_url.removeprefix("sqlite:///")
    return f"sqlite:///{shutil.copy(empty, tmp_path / 'test.sqlite3')}"
{%- endif %}


@pytest.fixture
def auth() -> dict[str, str]:
    return {"Authorization": f"Bearer {API_TOKEN}"}
{%- else %}


@pytest.fixture(scope="session")
def settings() -> Settings:
    return Settings()
{%- endif %}


@pytest.fixture(scope="session")
def app(settings: Settings) -> FastAPI:
    return create_app(settings)


@pytest.fixture(scope="session")
def served(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as client:
        yield client


@pytest.fixture
{%- if cookiecutter.include_example == "yes" %}
def client(app: FastAPI, served: TestClient, database_url: str) -> Iterator[TestClient]:
    engine = {% if cookiecutter.database == "postgresql" %}create_async_engine{% else %}create_engine{% endif %}(database_url)
    make_session = sessionmaker(engine)

    async def test_session() -> AsyncIterator[AsyncSession]:
        async with make_session() as session:
            yield session

    # Requests of this test get their session from its own database.
    app.dependency_overrides[get_session] = test_session
    yield served
    app.dependency_overrides.clear()
    # Its connections live on the client's event loop: close them there.
    served.portal.call(engine.dispose)
{%- else %}
def client(app: FastAPI, served: TestClient) -> Iterator[TestClient]:
    yield served
    # Dependencies a test replaced go back to the real ones.
    app.dependency_overrides.clear()
{%- endif %}
