"""Fixtures: each test gets a fresh app, and a test client{% if cookiecutter.include_example == "yes" %} and CLI runner{% endif %} for it.

https://flask.palletsprojects.com/en/stable/testing/
"""

from __future__ import annotations
{%- if cookiecutter.include_example == "yes" %}

from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient, FlaskCliRunner

from {{ cookiecutter.package_name }} import create_app
from {{ cookiecutter.package_name }}.db import db


@pytest.fixture
def app(tmp_path: Path) -> Iterator[Flask]:
    # A database file per test, so that every test starts from empty tables.
    database_url = f"sqlite:///{tmp_path / 'test.sqlite3'}"
    app = create_app({"SQLALCHEMY_DATABASE_URI": database_url})
    with app.app_context():
        db.create_all()
    yield app
    with app.app_context():
        db.engine.dispose()
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
{%- if cookiecutter.include_example == "yes" %}


@pytest.fixture
def runner(app: Flask) -> FlaskCliRunner:
    return app.test_cli_runner()


@pytest.fixture
def auth_headers(app: Flask) -> dict[str, str]:
    return {"Authorization": f"Bearer {app.config['API_TOKEN']}"}
{%- endif %}
