"""Fixtures: py4web's WSGI application, loaded once, driven by WebTest.

py4web documents no test client of its own. Its `wsgi()` (the function gunicorn serves)
loads the apps folder and returns a standard WSGI application, and WebTest's `TestApp`
sends requests to it in-process: https://docs.pylonsproject.org/projects/webtest/
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
import webtest
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


def load_apps(environment: dict[str, str]) -> None:
    """(Re)load the apps under `environment`: their settings are read at import time."""
    for name in ("APP_ENV", "SECRET_KEY", "API_TOKEN", "DATABASE_URL", "DB_FOLDER"):
        os.environ.pop(name, None)
    os.environ.update(environment)
    Reloader.import_apps()


@pytest.fixture(scope="session")
def test_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Settings of the test run{% if cookiecutter.include_example == "yes" %}: a temporary database and migrations folder{% endif %}."""
    environment = dict(TEST_ENV)
{%- if cookiecutter.include_example == "yes" %}
    folder = tmp_path_factory.mktemp("databases")
    environment["DB_FOLDER"] = str(folder)
    environment["DATABASE_URL"] = "sqlite://notes.db"
{%- endif %}
    return environment


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
