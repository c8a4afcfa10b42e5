"""Fixtures: an app from the factory with test settings, and a TestClient over it.

The TestClient simulates requests in-process, no server needed:
https://falcon.readthedocs.io/en/stable/api/testing.html
"""

from __future__ import annotations
{%- if cookiecutter.include_example == "yes" %}

import shutil
from pathlib import Path
{%- endif %}

import pytest
from falcon import testing

from {{ cookiecutter.package_name }}.app import create_app
from {{ cookiecutter.package_name }}.config import Config
{%- if cookiecutter.include_example == "yes" %}
from {{ cookiecutter.package_name }}.store import NoteStore

API_TOKEN = "test-token"


@pytest.fixture(scope="session")
def empty_database(tmp_path_factory) -> Path:
    """What the Procfile's release step makes, made once: copying it for each test is
    much faster than creating a database (which waits for the disk)."""
    path = tmp_path_factory.mktemp("release") / "notes.sqlite3"
    NoteStore(path).create_schema()
    return path


@pytest.fixture
def config(tmp_path, empty_database) -> Config:
    config = Config(api_token=API_TOKEN, database_path=tmp_path / "notes.sqlite3")
    shutil.copyfile(empty_database, config.database_path)
    return config


@pytest.fixture
def auth() -> dict[str, str]:
    return {"Authorization": f"Bearer {API_TOKEN}"}
{%- else %}


@pytest.fixture
def config() -> Config:
    return Config()
{%- endif %}


@pytest.fixture
def client(config: Config) -> testing.TestClient:
    return testing.TestClient(create_app(config))
