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
def app() -> Iterator[Flask]:
    # TestingConfig's database lives in memory: every test starts from empty tables.
    app = create_app({})
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


@pytest.fixture
{%- if cookiecutter.include_example == "yes" %}
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
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'production.sqlite3'}")
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
