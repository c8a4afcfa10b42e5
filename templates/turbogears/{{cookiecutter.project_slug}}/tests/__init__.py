"""The `TestController` base: each test gets the app of test.ini, wrapped in WebTest.

https://turbogears.readthedocs.io/en/latest/turbogears/testing.html
"""

from __future__ import annotations

from pathlib import Path
from unittest import TestCase

from paste.deploy import loadapp
from webtest import TestApp
{%- if cookiecutter.include_example == "yes" %}

from {{ cookiecutter.package_name }} import model
{%- endif %}

PROJECT = Path(__file__).resolve().parent.parent


class TestController(TestCase):
    """Loads `config:test.ini` for each test{% if cookiecutter.include_example == "yes" %}, with the tables of an empty database{% endif %}."""

    application_under_test = "main"

    def setUp(self) -> None:
        wsgi_app = loadapp(
            f"config:test.ini#{self.application_under_test}", relative_to=str(PROJECT)
        )
        self.app = TestApp(wsgi_app)
{%- if cookiecutter.include_example == "yes" %}
        # test.ini's database lives in memory: create its tables as setup-app would.
        model.metadata.create_all(bind=model.DBSession.get_bind())

    def tearDown(self) -> None:
        engine = model.DBSession.get_bind()
        model.DBSession.remove()
        model.metadata.drop_all(bind=engine)
        # Close the connection now: Python 3.13 warns about one left to the GC.
        engine.dispose()
{%- endif %}
