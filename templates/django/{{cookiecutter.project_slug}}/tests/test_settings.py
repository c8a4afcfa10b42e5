"""Production settings, the server entry points and their start-up check."""

import importlib
import io
import logging
import logging.config
import os
import subprocess
import sys
import tempfile
import wsgiref.util
from io import StringIO
from pathlib import Path
from unittest import mock

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.db import OperationalError, connections
from django.test import (
    Client,
    SimpleTestCase,
    TestCase,
    TransactionTestCase,
    override_settings,
)

from {{ cookiecutter.package_name }} import startup
from {{ cookiecutter.package_name }}.settings import base

PACKAGE = "{{ cookiecutter.package_name }}"
PROD = f"{PACKAGE}.settings.prod"
SECRETS = {
    "SECRET_KEY": "a-production-secret-key-for-tests-that-is-long-and-random-enough",
{%- if cookiecutter.include_example == "yes" %}
    "API_TOKEN": "a-production-api-token",
{%- endif %}
}


def load_prod_settings(**environ):
    """Import the production settings afresh, with only the given variables set."""
    with mock.patch.dict(os.environ):
        for name in [*SECRETS, "SECURE_SSL_REDIRECT"]:
            os.environ.pop(name, None)
        os.environ.update(environ)
        sys.modules.pop(PROD, None)
        try:
            return importlib.import_module(PROD)
        finally:
            sys.modules.pop(PROD, None)


class ProductionSettingsTests(SimpleTestCase):
    def test_refuses_to_start_without_each_secret_or_with_it_empty(self):
        for name in SECRETS:
            others = {key: value for key, value in SECRETS.items() if key != name}
            for environ in (others, {**others, name: ""}):
                with (
                    self.subTest(name=name, given=name in environ),
                    self.assertRaisesMessage(ImproperlyConfigured, name),
                ):
                    load_prod_settings(**environ)

    def test_reads_secrets_from_the_environment(self):
        prod = load_prod_settings(**SECRETS)
        for name, value in SECRETS.items():
            self.assertEqual(getattr(prod, name), value)
        self.assertFalse(prod.DEBUG)

    def test_redirects_to_https_unless_switched_off(self):
        self.assertTrue(load_prod_settings(**SECRETS).SECURE_SSL_REDIRECT)
        prod = load_prod_settings(**SECRETS, SECURE_SSL_REDIRECT="0")
        self.assertFalse(prod.SECURE_SSL_REDIRECT)

    def test_whitenoise_comes_right_after_security(self):
        middleware = load_prod_settings(**SECRETS).MIDDLEWARE
        self.assertEqual(
            middleware[:2],
            [
                "django.middleware.security.SecurityMiddleware",
                "whitenoise.middleware.WhiteNoiseMiddleware",
            ],
        )

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

    def test_a_server_error_logs_its_traceback_to_stderr(self):
        root = logging.getLogger()
        saved = root.handlers[:], root.level
        self.addCleanup(setattr, root, "level", saved[1])
        self.addCleanup(setattr, root, "handlers", saved[0])
        stderr = io.StringIO()
        with mock.patch("sys.stderr", stderr):
            logging.config.dictConfig(load_prod_settings(**SECRETS).LOGGING)
        client = Client(raise_request_exception=False)
        boom = RuntimeError("boom")
        with mock.patch(f"{PACKAGE}.views.JsonResponse", side_effect=boom):
            self.assertEqual(client.get("/health").status_code, 500)
        self.assertIn("Traceback (most recent call last)", stderr.getvalue())
        self.assertIn("RuntimeError: boom", stderr.getvalue())


class SqliteTests(TestCase):
    def test_every_connection_uses_wal_and_a_busy_timeout(self):
        options = base.DATABASES["default"].get("OPTIONS", {})
        if base.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3":
            self.assertEqual(options, {})
            return
        with tempfile.TemporaryDirectory() as folder:
            default = connections["default"]
            sqlite = type(default)(
                {**default.settings_dict, "NAME": Path(folder) / "db.sqlite3"},
                alias="wal-check",
            )
            try:
                sqlite.ensure_connection()
                with sqlite.connection:
                    pragmas = {
                        name: sqlite.connection.execute(f"PRAGMA {name}").fetchone()[0]
                        for name in ("journal_mode", "busy_timeout", "synchronous")
                    }
            finally:
                sqlite.close()
        expected = {"journal_mode": "wal", "busy_timeout": 20_000, "synchronous": 1}
        self.assertEqual(pragmas, expected)
        self.assertEqual(options["transaction_mode"], "IMMEDIATE")


class EntryPointTests(TransactionTestCase):
    """Importing wsgi.py runs the start-up check, which reads the (test) database and
    closes its connection: a TestCase's transaction would end with it."""

    def test_wsgi_and_asgi_applications_load(self):
        wsgi = importlib.import_module(f"{PACKAGE}.wsgi")
        asgi = importlib.import_module(f"{PACKAGE}.asgi")
        self.assertTrue(callable(wsgi.application))
        self.assertTrue(callable(asgi.application))

    def test_wsgi_exits_with_one_line_when_not_ready(self):
        wsgi = importlib.import_module(f"{PACKAGE}.wsgi")
        problem = ImproperlyConfigured("the database lacks 1 migration(s)")
        with (
            mock.patch(f"{PACKAGE}.startup.check_release_step", side_effect=problem),
            self.assertRaises(SystemExit) as exit,
        ):
            importlib.reload(wsgi)
        self.assertEqual(
            exit.exception.code, "Refusing to start: the database lacks 1 migration(s)"
        )
        importlib.reload(wsgi)

    def test_chunked_bodies_get_a_content_length(self):
        wsgi = importlib.import_module(f"{PACKAGE}.wsgi")
        seen = {}

        def app(environ, start_response):
            seen.update(environ, body=environ["wsgi.input"].read())
            return []

        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        middleware = wsgi.read_chunked_bodies(app)
        for size, expected in ((20, 20), (limit + 10, limit + 1)):
            with self.subTest(size=size):
                environ = {
                    "HTTP_TRANSFER_ENCODING": "chunked",
                    "wsgi.input": io.BytesIO(b"x" * size),
                }
                middleware(environ, None)
                self.assertEqual(seen["CONTENT_LENGTH"], str(expected))
                self.assertEqual(len(seen["body"]), expected)
        seen.clear()
        middleware({"CONTENT_LENGTH": "2", "wsgi.input": io.BytesIO(b"{}")}, None)
        self.assertEqual((seen["CONTENT_LENGTH"], seen["body"]), ("2", b"{}"))

    def test_head_answers_have_no_body(self):
        wsgi = importlib.import_module(f"{PACKAGE}.wsgi")
        statuses = []

        def start_response(status, headers):
            statuses.append((status, dict(headers)))

        for method, body in (("GET", b'{"status": "ok"}'), ("HEAD", b"")):
            with self.subTest(method=method):
                environ = {"REQUEST_METHOD": method, "PATH_INFO": "/health"}
                wsgiref.util.setup_testing_defaults(environ)
                answer = wsgi.application(environ, start_response)
                self.assertEqual(b"".join(answer), body)
        self.assertEqual(statuses[0], statuses[1])


class StartupCheckTests(TransactionTestCase):
    def test_passes_on_a_migrated_database(self):
        startup.check_release_step()

    def test_refuses_a_database_it_cannot_open(self):
        failure = OperationalError("connection refused\n\tIs the server running?")
        with (
            mock.patch.object(startup, "MigrationExecutor", side_effect=failure),
            self.assertRaisesMessage(
                ImproperlyConfigured, "(connection refused Is the server running?)"
            ),
        ):
            startup.check_release_step()

    def test_refuses_unapplied_migrations(self):
        plan = mock.patch.object(
            startup.MigrationExecutor, "migration_plan", return_value=["a migration"]
        )
        with plan, self.assertRaisesMessage(ImproperlyConfigured, "release: step"):
            startup.check_release_step()

    def test_refuses_uncollected_static_files(self):
        manifest = "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"
        storages = {**settings.STORAGES, "staticfiles": {"BACKEND": manifest}}
        with (
            tempfile.TemporaryDirectory() as folder,
            override_settings(STORAGES=storages, STATIC_ROOT=folder),
            self.assertRaisesMessage(ImproperlyConfigured, "collectstatic"),
        ):
            startup.check_release_step()

    def test_gunicorn_entry_point_exits_on_an_empty_database(self):
        """The real thing, in a process of its own: one line on stderr, exit code 1."""
        with tempfile.TemporaryDirectory() as folder:
            environ = {
                **os.environ,
                **SECRETS,
                "DJANGO_SETTINGS_MODULE": PROD,
                "DATABASE_URL": f"sqlite:///{Path(folder) / 'empty.sqlite3'}",
            }
            result = subprocess.run(  # noqa: S603 (our own interpreter, fixed arguments)
                [sys.executable, "-c", f"import {PACKAGE}.wsgi"],
                cwd=settings.BASE_DIR,
                env=environ,
                capture_output=True,
                text=True,
                timeout=60,
                check=False,
            )
        self.assertEqual(result.returncode, 1)
        lines = result.stderr.strip().splitlines()
        self.assertEqual(len(lines), 1, result.stderr)
        self.assertIn("migrate", lines[0])
