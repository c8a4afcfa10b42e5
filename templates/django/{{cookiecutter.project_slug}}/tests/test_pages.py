"""The home page and the health check, present in every project."""

from django.conf import settings
from django.test import SimpleTestCase, override_settings
from django.utils.html import escape


class HealthTests(SimpleTestCase):
    def test_health_answers_ok(self):
        response = self.client.get("/health")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.json(), {"status": "ok"})

    def test_health_accepts_only_reads(self):
        self.assertEqual(self.client.post("/health").status_code, 405)


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
