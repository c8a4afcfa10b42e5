"""The `TestController` base: each test gets the app of test.ini, wrapped in WebTest.

https://turbogears.readthedocs.io/en/latest/turbogears/testing.html
"""

from __future__ import annotations

from pathlib import Path
from unittest import TestCase

{% if cookiecutter.include_example == "yes" and cookiecutter.database == "postgresql" %}import pytest
{% endif %}from paste.deploy import loadapp
from webtest import TestApp
{%- if cookiecutter.include_example == "yes" %}

from {{ cookiecutter.package_name }} import model
{%- endif %}

PROJECT = Path(__file__).resolve().parent.parent


class TestController(TestCase):
    """Loads `config:test.ini` for each test{% if cookiecutter.include_example == "yes" %}, with the tables of an empty database{% endif %}."""

    application_under_test = "main"
{%- if cookiecutter.include_example == "yes" and cookiecutter.database == "postgresql" %}

    # pytest runs autouse fixtures before setUp, in unittest classes too.
    # https://docs.pytest.org/en/stable/how-to/unittest.html
    @pytest.fixture(autouse=True)
    def _use_test_database(self, database_url: str) -> None:
        self.database_url = database_url

    def setUp(self) -> None:
        wsgi_app = loadapp(
            f"config:test.ini#{self.application_under_test}",
            relative_to=str(PROJECT),
            global_conf={"database_url": self.database_url},
        )
        self.app = TestApp(wsgi_app)
        # The test database starts empty: create the tables as setup-app would.
{%- else %}

    def setUp(self) -> None:
        wsgi_app = loadapp(
            f"config:test.ini#{self.application_under_test}", relative_to=str(PROJECT)
        )
        self.app = TestApp(wsgi_app)
{%- if cookiecutter.include_example == "yes" %}
        # test.ini's database lives in memory: create its tables as setup-app would.
{%- endif %}
{%- endif %}
{%- if cookiecutter.include_example == "yes" %}
        model.metadata.create_all(bind=model.DBSession.get_bind())

    def tearDown(self) -> None:
        engine = model.DBSession.get_bind()
        model.DBSession.remove()
        model.metadata.drop_all(bind=engine)
        # Close the connection now: Python 3.13 warns about one left to the GC.
        engine.dispose()
{%- endif %}
