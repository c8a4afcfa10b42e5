"""The home page, the health check and the JSON errors of /health, in every project."""

from unittest import mock

from django.conf import settings
from django.test import Client, SimpleTestCase, override_settings
from django.utils.html import escape


class JsonErrorAssertions:
    def assertJsonError(self, response, status):
        """The error body is exactly {"message": "<text>"}."""
        self.assertEqual(response.status_code, status)
        self.assertEqual(response["Content-Type"], "application/json")
        self.assertEqual(set(response.json()), {"message"})
        self.assertIsInstance(response.json()["message"], str)


# A SimpleTestCase fails any database query: the health check makes none.
class HealthTests(JsonErrorAssertions, SimpleTestCase):
    def test_health_answers_ok(self):
        response = self.client.get("/health")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "application/json")
        self.assertEqual(response.json(), {"status": "ok"})

    def test_head_has_the_headers_of_get_and_no_body(self):
        get, head = self.client.get("/health"), self.client.head("/health")
        self.assertEqual(head.status_code, 200)
        self.assertEqual(head.content, b"")
        for header in ("Content-Type", "Content-Length"):
            self.assertEqual(head[header], get[header])

    def test_other_methods_get_a_json_405_with_allow(self):
        # CSRF checks enforced, as for a browser: they must not turn these into 403s.
        client = Client(enforce_csrf_checks=True)
        for method in ("post", "put", "patch", "delete", "options", "trace"):
            with self.subTest(method=method):
                response = getattr(client, method)("/health")
                self.assertJsonError(response, 405)
                self.assertEqual(response["Allow"], "GET, HEAD")

    def test_trailing_slash_is_a_json_404(self):
        for path in ("/health/", "/health/x"):
            with self.subTest(path=path):
                self.assertJsonError(self.client.get(path), 404)

    def test_a_server_error_is_json(self):
        client = Client(raise_request_exception=False)
        # Django logs the traceback (test_settings checks where it goes).
        with (
            mock.patch(
                "{{ cookiecutter.package_name }}.views.JsonResponse",
                side_effect=RuntimeError("boom"),
            ),
            self.assertLogs("django.request", "ERROR") as logs,
        ):
            response = client.get("/health")
        self.assertJsonError(response, 500)
        self.assertIn("RuntimeError: boom", logs.output[0])


class HomePageTests(SimpleTestCase):
    def test_home_page_names_the_project(self):
        response = self.client.get("/")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "text/html; charset=utf-8")
        self.assertContains(response, escape(settings.PROJECT_NAME))

    @override_settings(PROJECT_NAME='<b>"Tom" & Jerry</b>')
    def test_project_name_is_html_escaped(self):
        response = self.client.get("/")
        self.assertContains(response, "&lt;b&gt;&quot;Tom&quot; &amp; Jerry&lt;/b&gt;")
        self.assertNotContains(response, "<b>")

    def test_html_pages_keep_html_errors(self):
        response = self.client.get("/no-such-page")
        self.assertEqual(response.status_code, 404)
        self.assertTrue(response["Content-Type"].startswith("text/html"))
