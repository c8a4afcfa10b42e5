"""Production settings and the server entry points."""

import importlib
import os
import sys
from io import StringIO
from unittest import mock

from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.test import SimpleTestCase

from {{ cookiecutter.package_name }} import asgi, wsgi
from {{ cookiecutter.package_name }}.settings import base

PROD = "{{ cookiecutter.package_name }}.settings.prod"
SECRETS = {
    "SECRET_KEY": "a-production-secret-key-for-tests-that-is-long-and-random-enough",
{%- if cookiecutter.include_example == "yes" %}
    "API_TOKEN": "a-production-api-token",
{%- endif %}
}


def load_prod_settings(**environ):
    """Import the production settings afresh, with only the given secrets set."""
    with mock.patch.dict(os.environ):
        for name in SECRETS:
            os.environ.pop(name, None)
        os.environ.update(environ)
        sys.modules.pop(PROD, None)
        try:
            return importlib.import_module(PROD)
        finally:
            sys.modules.pop(PROD, None)


class ProductionSettingsTests(SimpleTestCase):
    def test_refuses_to_start_without_each_secret(self):
        for name in SECRETS:
            with self.subTest(missing=name):
                others = {key: value for key, value in SECRETS.items() if key != name}
                with self.assertRaisesMessage(ImproperlyConfigured, name):
                    load_prod_settings(**others)

    def test_reads_secrets_from_the_environment(self):
        prod = load_prod_settings(**SECRETS)
        for name, value in SECRETS.items():
            self.assertEqual(getattr(prod, name), value)
        self.assertFalse(prod.DEBUG)

    def test_pass_the_deployment_checklist(self):
        prod = load_prod_settings(**SECRETS)
        changed = {
            name: value
            for name, value in vars(prod).items()
            if name.isupper() and value != getattr(base, name, None)
        }
        with self.settings(DEBUG=False, **changed):
            # Raises SystemCheckError on any warning, as `check --deploy` does.
            call_command("check", deploy=True, fail_level="WARNING", stdout=StringIO())


class EntryPointTests(SimpleTestCase):
    def test_wsgi_and_asgi_applications_load(self):
        self.assertTrue(callable(wsgi.application))
        self.assertTrue(callable(asgi.application))
