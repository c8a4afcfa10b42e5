"""Fixtures: py4web's WSGI application, loaded once, driven by WebTest.

py4web documents no test client of its own. Its `wsgi()` (the function gunicorn serves)
loads the apps folder and returns a standard WSGI application, and WebTest's `TestApp`
sends requests to it in-process: https://docs.pylonsproject.org/projects/webtest/
"""

from __future__ import annotations

import os
{%- if cookiecutter.include_example == "yes" and cookiecutter.database == "postgresql" %}
import uuid
{%- endif %}
from collections.abc import Iterator
{%- if cookiecutter.include_example == "yes" and cookiecutter.database == "postgresql" %}
from contextlib import contextmanager
{%- endif %}
from pathlib import Path
from types import ModuleType
{%- if cookiecutter.include_example == "yes" and cookiecutter.database == "postgresql" %}
from urllib.parse import urlsplit
{%- endif %}

{% if cookiecutter.include_example == "yes" and cookiecutter.database == "postgresql" %}import psycopg2
{% endif %}import pytest
import webtest
{%- if cookiecutter.include_example == "yes" and cookiecutter.database == "postgresql" %}
from psycopg2 import sql
{%- endif %}
from py4web.core import Reloader, wsgi

import {{ cookiecutter.package_name }}

APPS_FOLDER = Path({{ cookiecutter.package_name }}.__file__).parent
TEST_ENV = {
    "APP_ENV": "testing",
    "SECRET_KEY": "test-secret-key-with-enough-entropy-0123456789abcdef",
{%- if cookiecutter.include_example == "yes" %}
    "API_TOKEN": "test-token",
{%- endif %}
}
{%- if cookiecutter.include_example == "yes" and cookiecutter.database == "postgresql" %}
# The server the tests use, as in settings.py: DATABASE_URL, else the local socket.
SERVER_URL = os.environ.get("DATABASE_URL") or "postgresql:///{{ cookiecutter.package_name }}"
{%- endif %}


def load_apps(environment: dict[str, str]) -> None:
    """(Re)load the apps under `environment`: their settings are read at import time."""
    for name in ("APP_ENV", "SECRET_KEY", "API_TOKEN", "DATABASE_URL", "DB_FOLDER"):
        os.environ.pop(name, None)
    os.environ.update(environment)
    Reloader.import_apps()


{%- if cookiecutter.include_example == "yes" and cookiecutter.database == "postgresql" %}


@contextmanager
def server_database(name: str) -> Iterator[str]:
    """A new, empty database on SERVER_URL's server, dropped afterwards: its URL."""
    parts = urlsplit(SERVER_URL)
    query = f"?{parts.query}" if parts.query else ""
    server = psycopg2.connect(SERVER_URL)
    server.autocommit = True  # CREATE DATABASE cannot run inside a transaction.
    database = sql.Identifier(name)
    try:
        with server.cursor() as cursor:
            cursor.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(database))
            cursor.execute(sql.SQL("CREATE DATABASE {}").format(database))
        yield f"{parts.scheme}://{parts.netloc}/{name}{query}"
        with server.cursor() as cursor:
            # FORCE: the app's pooled connections to it are still open.
            drop = sql.SQL("DROP DATABASE {} WITH (FORCE)")
            cursor.execute(drop.format(database))
    finally:
        server.close()


@pytest.fixture(scope="session")
def database_url() -> Iterator[str]:
    """A `test_` database on the server that DATABASE_URL names, dropped at the end
    (as Django's test runner does): the tests never touch your development data."""
    name = urlsplit(SERVER_URL).path.lstrip("/")
    with server_database(f"test_{name}") as url:
        yield url


@pytest.fixture
def empty_database_url() -> Iterator[str]:
    """Another database, without tables, for a test that runs the release step; a new
    name each time, as pyDAL remembers per URL the tables it made for its own use."""
    name = urlsplit(SERVER_URL).path.lstrip("/")
    with server_database(f"test_{name}_{uuid.uuid4().hex[:12]}") as url:
        yield url
{%- endif %}


@pytest.fixture(scope="session")
{%- if cookiecutter.include_example == "yes" and cookiecutter.database == "postgresql" %}
def test_env(database_url: str) -> dict[str, str]:
    """Settings of the test run: a `test_` database of their own."""
    return {**TEST_ENV, "DATABASE_URL": database_url}
{%- else %}
def test_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Settings of the test run{% if cookiecutter.include_example == "yes" %}: a temporary database and migrations folder{% endif %}."""
    environment = dict(TEST_ENV)
{%- if cookiecutter.include_example == "yes" %}
    folder = tmp_path_factory.mktemp("databases")
    environment["DB_FOLDER"] = str(folder)
    environment["DATABASE_URL"] = "sqlite://notes.db"
{%- endif %}
    return environment
{%- endif %}


@pytest.fixture(scope="session")
def wsgi_app(test_env: dict[str, str]) -> Iterator[object]:
    saved = dict(os.environ)
    os.environ.update(test_env)
    yield wsgi(apps_folder=str(APPS_FOLDER))
    os.environ.clear()
    os.environ.update(saved)


@pytest.fixture
def app(wsgi_app: object) -> webtest.TestApp:
    """A WebTest client; `expect_errors=True` per request checks an error answer."""
    return webtest.TestApp(wsgi_app)


@pytest.fixture
def default_app(wsgi_app: object) -> ModuleType:
    """The `_default` app's package, as py4web imported it (`apps._default`)."""
    return Reloader.MODULES["_default"]


@pytest.fixture
def reload_after(test_env: dict[str, str], wsgi_app: object) -> Iterator[None]:
    """For tests that load the apps under other settings: restore the test settings."""
    saved = dict(os.environ)
    yield
    os.environ.clear()
    os.environ.update(saved)
    load_apps(test_env)
{%- if cookiecutter.include_example == "yes" %}


@pytest.fixture
def db(default_app: ModuleType) -> Iterator[object]:
    """The app's DAL, with an empty notes table for each test."""
    database = default_app.common.db
    database.note.truncate()
    database.commit()
    yield database
    database.rollback()


@pytest.fixture
def auth_headers() -> dict[str, str]:
    return {"Authorization": f"Bearer {TEST_ENV['API_TOKEN']}"}
{%- endif %}
