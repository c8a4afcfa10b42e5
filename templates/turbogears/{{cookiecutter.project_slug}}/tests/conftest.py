"""The tests' own PostgreSQL database, created for the run and dropped at the end.

https://docs.pytest.org/en/stable/how-to/fixtures.html
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from paste.deploy import appconfig
from sqlalchemy import create_engine, make_url

from {{ cookiecutter.package_name }}.config.middleware import sqlalchemy_url
from tests import PROJECT


def server_url() -> str:
    """The server DATABASE_URL names, or else development.ini's database."""
    development = appconfig("config:development.ini", relative_to=str(PROJECT))
    return os.environ.get("DATABASE_URL") or development["sqlalchemy.url"]


@pytest.fixture(scope="session")
def database_url() -> Iterator[str]:
    """A `test_` database on that server, dropped at the end (as Django's test runner
    does): the tests never touch your development data."""
    url = make_url(sqlalchemy_url(server_url()))
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
