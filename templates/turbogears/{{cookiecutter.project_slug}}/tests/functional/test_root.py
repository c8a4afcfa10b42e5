"""The pages every project serves: home, health, errors, static files."""

from __future__ import annotations

import logging
from unittest import mock

from tests import TestController

PACKAGE = "{{ cookiecutter.package_name }}"


class TestRoot(TestController):
    def test_home_page_names_the_project(self) -> None:
        page = self.app.get("/")
        assert page.content_type == "text/html"
        assert {{ cookiecutter.project_name | py_str }} in page.text
{%- if cookiecutter.project_name | length > 44 %}  # noqa: E501{% endif %}

    def test_head_on_the_home_page_has_no_body(self) -> None:
        head = self.app.head("/")
        assert head.status_int == 200 and head.body == b""

    def test_static_files_are_served(self) -> None:
        assert "font-family" in self.app.get("/css/style.css").text

    def test_health(self) -> None:
        health = self.app.get("/health")
        assert health.content_type == "application/json"
        assert health.json == {"status": "ok"}
        head = self.app.head("/health")
        assert head.status_int == 200 and head.body == b""

    def test_health_allows_only_get_and_head(self) -> None:
        for method in ("post", "put", "patch", "delete"):
            answer = getattr(self.app, method)("/health", status=405)
            assert answer.headers["Allow"] == "GET, HEAD"
            assert set(answer.json) == {"message"}

    def test_health_has_no_twin(self) -> None:
        for path in ("/health/", "/health/more"):
            assert set(self.app.get(path, status=404).json) == {"message"}

    def test_a_broken_form_body_is_read_as_an_empty_form(self) -> None:
        broken = {"Content-Type": "multipart/form-data"}
        answer = self.app.post("/health", b"x", headers=broken, status=405)
        assert set(answer.json) == {"message"}

    def test_unknown_page_is_an_html_404(self) -> None:
        page = self.app.get("/no-such-page", status=404)
        assert page.content_type == "text/html"
        assert "Error 404" in page.text

    def test_the_error_controller_is_not_a_page_of_its_own(self) -> None:
        self.app.get("/error/document", status=404)

    def test_a_server_error_shows_no_details_and_is_logged(self) -> None:
        target = f"{PACKAGE}.controllers.root.allow_methods"
        failing = mock.patch(target, side_effect=RuntimeError("boom"))
        with failing, self.assertLogs(PACKAGE, logging.ERROR) as logs:
            # expect_errors: WebTest fails a request that logged an error otherwise.
            answer = self.app.get("/health", status=500, expect_errors=True)
        assert answer.json == {"message": "The server failed to answer this request."}
        assert "boom" in logs.output[0]
