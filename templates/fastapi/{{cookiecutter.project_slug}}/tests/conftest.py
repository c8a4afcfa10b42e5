"""Fixtures: an app from `create_app` with test settings, and a TestClient over it.

`with TestClient(app) as client` runs the app's lifespan, as a server would:
https://fastapi.tiangolo.com/advanced/testing-events/
"""

from __future__ import annotations
{% if cookiecutter.include_example == "yes" %}
import asyncio
import shutil
{%- endif %}
from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from {{ cookiecutter.package_name }}.config import Settings
{%- if cookiecutter.include_example == "yes" %}
from {{ cookiecutter.package_name }}.database import create_schema
{%- endif %}
from {{ cookiecutter.package_name }}.main import create_app
{%- if cookiecutter.include_example == "yes" %}

API_TOKEN = "test-token"


@pytest.fixture(scope="session")
def empty_database(tmp_path_factory) -> str:
    """A database with its tables, as the release step makes it: made once per run."""
    path = tmp_path_factory.mktemp("db") / "empty.sqlite3"
    asyncio.run(create_schema(f"sqlite:///{path}"))
    return str(path)


@pytest.fixture
def settings(empty_database, tmp_path) -> Settings:
    # Each test gets its own copy of the empty database.
    path = shutil.copy(empty_database, tmp_path / "test.sqlite3")
    return Settings(api_token=API_TOKEN, database_url=f"sqlite:///{path}")


@pytest.fixture
def auth() -> dict[str, str]:
    return {"Authorization": f"Bearer {API_TOKEN}"}
{%- else %}


@pytest.fixture
def settings() -> Settings:
    return Settings()
{%- endif %}


@pytest.fixture
def app(settings: Settings) -> FastAPI:
    return create_app(settings)


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as client:
        yield client
    # Dependencies a test replaced go back to the real ones.
    app.dependency_overrides.clear()
