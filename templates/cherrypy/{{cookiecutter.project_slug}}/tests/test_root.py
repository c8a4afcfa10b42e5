"""The home page and the health check."""

from __future__ import annotations

import html

from {{ cookiecutter.package_name }}.root import PROJECT_NAME

from . import support


class RootTest(support.AppTestCase):
    def test_home_page_names_the_project(self) -> None:
        self.getPage("/")
        self.assertStatus(200)
        self.assertHeader("Content-Type", "text/html;charset=utf-8")
        self.assertInBody(html.escape(PROJECT_NAME))
        self.assertHeader("X-Content-Type-Options", "nosniff")
        self.assertHeader("X-Frame-Options", "DENY")

    def test_health(self) -> None:
        self.getPage("/health")
        self.assertStatus(200)
        self.assertHeader("Content-Type", "application/json")
        assert self.json() == {"status": "ok"}

    def test_unknown_page_is_404(self) -> None:
        self.getPage("/no-such-page")
        self.assertStatus(404)
