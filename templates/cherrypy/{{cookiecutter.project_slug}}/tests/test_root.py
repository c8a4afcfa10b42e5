"""The home page, the health check, and what every path answers: JSON errors."""

from __future__ import annotations

import html
import logging.handlers
from unittest import mock

import cherrypy

from {{ cookiecutter.package_name }} import root
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

    def test_unknown_query_parameters_are_ignored(self) -> None:
        for url in ("/?utm_source=mail", "/health?probe=1"):
            with self.subTest(url=url):
                self.getPage(url)
                self.assertStatus(200)

    def test_health(self) -> None:
        self.getPage("/health")
        self.assertStatus(200)
        self.assertHeader("Content-Type", "application/json")
        assert self.json() == {"status": "ok"}

    def test_head_answers_like_get_without_a_body(self) -> None:
        for url in ("/", "/health"):
            with self.subTest(url=url):
                self.getPage(url)
                got = dict(self.headers)
                self.getPage(url, method="HEAD")
                self.assertStatus(200)
                self.assertBody(b"")
                head = dict(self.headers)
                for name in ("Content-Type", "Content-Length", "Allow"):
                    assert head[name] == got[name], name

    def test_other_methods_are_405_with_allow(self) -> None:
        for method in ("POST", "PUT", "PATCH", "DELETE", "TRACE"):
            for url in ("/", "/health"):
                with self.subTest(method=method, url=url):
                    self.getPage(url, method=method)
                    self.assertJsonError(405)
                    self.assertHeader("Allow", "GET, HEAD")

    def test_unknown_paths_and_trailing_slashes_are_json_404(self) -> None:
        for url in ("/no-such-page", "/health/", "/health/x", "/health/x/"):
            with self.subTest(url=url):
                self.getPage(url)
                self.assertJsonError(404)

    def test_error_body_is_exactly_the_message(self) -> None:
        # CherryPy pads short error pages to 512 bytes for old browsers; not here.
        self.getPage("/no-such-page")
        assert self.body == b'{"message": "The path \'/no-such-page\' was not found."}'
        self.assertHeader("Content-Length", str(len(self.body)))

    def test_unexpected_error_is_a_json_500_and_a_logged_traceback(self) -> None:
        @cherrypy.expose
        def broken(self: root.Root) -> str:
            raise RuntimeError("secret")

        # The application's error log: stderr in production (log.screen, server.conf).
        error_log = cherrypy.tree.apps[""].log.error_log
        logged = logging.handlers.BufferingHandler(capacity=100)
        error_log.addHandler(logged)
        self.addCleanup(error_log.removeHandler, logged)
        with mock.patch.object(root.Root, "index", broken):
            self.getPage("/")
        self.assertJsonError(500)
        assert b"secret" not in self.body
        # The built-in log_tracebacks tool logs the exception with its traceback.
        errors = [r.exc_info[1] for r in logged.buffer if r.exc_info]
        assert [str(error) for error in errors] == ["secret"]
