"""Fixtures: each test gets a fresh app, and a test client{% if cookiecutter.include_example == "yes" %} and CLI runner{% endif %} for it.

https://flask.palletsprojects.com/en/stable/testing/
"""

from __future__ import annotations
{%- if cookiecutter.include_example == "yes" %}

{% if cookiecutter.database == "postgresql" %}import os
{% endif %}from collections.abc import Iterator
{%- if cookiecutter.database == "sqlite" %}
from pathlib import Path
{%- endif %}

import pytest
from flask import Flask
from flask.testing import FlaskClient, FlaskCliRunner

{%- if cookiecutter.database == "postgresql" %}
from sqlalchemy import Engine, create_engine, make_url
{%- endif %}

from {{ cookiecutter.package_name }} import create_app
{%- if cookiecutter.database == "postgresql" %}
from {{ cookiecutter.package_name }}.config import DEFAULT_DATABASE_URL, sqlalchemy_url
{%- endif %}
from {{ cookiecutter.package_name }}.db import db
{%- if cookiecutter.database == "postgresql" %}


@pytest.fixture(scope="session")
def database_url() -> Iterator[str]:
    """A `test_` database on the server that DATABASE_URL names, dropped at the end
    (as Django's test runner does): the tests never touch your development data."""
    url = make_url(sqlalchemy_url(os.environ.get("DATABASE_URL", DEFAULT_DATABASE_URL)))
    test_url = url.set(database=f"test_{url.database}")
    # CREATE DATABASE cannot run inside a transaction.
    server = create_engine(url, isolation_level="AUTOCOMMIT")
    with server.connect() as connection:
        connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{test_url.database}"')
        connection.exec_driver_sql(f'CREATE DATABASE "{test_url.database}"')
    yield test_url.render_as_string(hide_password=False)
    with server.connect() as connection:
        connection.exec_driver_sql(f'DROP DATABASE "{test_url.database}" WITH (FORCE)')
    server.dispose()


@pytest.fixture(scope="session")
def _test_database(database_url: str) -> Iterator[Engine]:
    engine = create_engine(database_url)
    yield engine
    engine.dispose()


@pytest.fixture(autouse=True)
def _no_tables_left(_test_database: Engine) -> Iterator[None]:
    """Every test starts without tables, whatever the one before it created."""
    yield
    db.metadata.drop_all(_test_database)


@pytest.fixture
def app(database_url: str) -> Iterator[Flask]:
    app = create_app({"SQLALCHEMY_DATABASE_URI": database_url})
    with app.app_context():
        db.create_all()
    yield app
    with app.app_context():
        db.engine.dispose()
{%- else %}


@pytest.fixture
def app() -> Iterator[Flask]:
    # TestingConfig's database lives in memory: every test starts from empty tables.
    app = create_app({})
    with app.app_context():
        db.create_all()
    yield app
    with app.app_context():
        db.engine.dispose()
{%- endif %}
{%- else %}

import pytest
from flask import Flask
from flask.testing import FlaskClient

from {{ cookiecutter.package_name }} import create_app


@pytest.fixture
def app() -> Flask:
    # An empty mapping still selects TestingConfig.
    return create_app({})
{%- endif %}


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
{%- if cookiecutter.include_example == "yes" and cookiecutter.database == "postgresql" %}
def production_env(
    monkeypatch: pytest.MonkeyPatch, database_url: str
) -> pytest.MonkeyPatch:
{%- elif cookiecutter.include_example == "yes" %}
def production_env(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> pytest.MonkeyPatch:
{%- else %}
def production_env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
{%- endif %}
    """The environment the production server gets: create_app() selects production."""
    monkeypatch.delenv("FLASK_DEBUG", raising=False)
    monkeypatch.setenv("SECRET_KEY", "production-secret")
{%- if cookiecutter.include_example == "yes" %}
    monkeypatch.setenv("API_TOKEN", "production-token")
{%- if cookiecutter.database == "postgresql" %}
    monkeypatch.setenv("DATABASE_URL", database_url)
{%- else %}
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'production.sqlite3'}")
{%- endif %}
{%- endif %}
    return monkeypatch
{%- if cookiecutter.include_example == "yes" %}


@pytest.fixture
def runner(app: Flask) -> FlaskCliRunner:
    return app.test_cli_runner()


@pytest.fixture
def auth_headers(app: Flask) -> dict[str, str]:
    return {"Authorization": f"Bearer {app.config['API_TOKEN']}"}
{%- endif %}
