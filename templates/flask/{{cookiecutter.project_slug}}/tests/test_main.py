"""The home page, the health check, and how errors are answered."""

from __future__ import annotations

import logging

import pytest
from flask import Flask
from flask.testing import FlaskClient
from markupsafe import escape

from {{ cookiecutter.package_name }} import create_app


def test_home_page_names_the_project(client: FlaskClient, app: Flask) -> None:
    response = client.get("/")
    assert response.status_code == 200
    assert response.mimetype == "text/html"
    assert escape(app.config["PROJECT_NAME"]) in response.text


def test_home_page_escapes_the_project_name(app: Flask) -> None:
    app.config["PROJECT_NAME"] = "<b>Tom & Jerry</b>"
    response = app.test_client().get("/")
    assert "&lt;b&gt;Tom &amp; Jerry&lt;/b&gt;" in response.text
    assert "<b>Tom" not in response.text


def test_head_home_page_answers_like_get_without_a_body(client: FlaskClient) -> None:
    get, head = client.get("/"), client.head("/")
    assert head.status_code == 200
    assert head.data == b""
    assert head.headers == get.headers


def test_health(client: FlaskClient) -> None:
    response = client.get("/health")
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    assert response.json == {"status": "ok"}


def test_head_health_answers_like_get_without_a_body(client: FlaskClient) -> None:
    get, head = client.get("/health"), client.head("/health")
    assert head.status_code == 200
    assert head.data == b""
    assert head.headers == get.headers


@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE"])
def test_health_refuses_other_methods_with_405_and_allow(
    client: FlaskClient, method: str
) -> None:
    response = client.open("/health", method=method)
    assert response.status_code == 405
    assert response.json == {"message": response.json["message"]}
    allow = {m.strip() for m in response.headers["Allow"].split(",")}
    assert {"GET", "HEAD"} <= allow
    assert method not in allow


@pytest.mark.parametrize("path", ["/health/", "/health/deep", "/api/nope"])
def test_errors_under_health_and_api_are_json(client: FlaskClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert response.mimetype == "application/json"
    # One sentence, not Werkzeug's two.
    message = "The requested URL was not found on the server."
    assert response.json == {"message": message}


@pytest.mark.parametrize("path", ["/no-such-page", "/healthz", "/apis"])
def test_unknown_page_is_an_html_404(client: FlaskClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert response.mimetype == "text/html"


def failing_app() -> Flask:
    """The production app, with two views that fail."""
    app = create_app()

    def fail() -> str:
        raise RuntimeError("the secret detail")

    app.add_url_rule("/api/fail", view_func=fail)
    app.add_url_rule("/fail", endpoint="fail_page", view_func=fail)
    return app


@pytest.mark.usefixtures("production_env")
def test_a_500_in_production_is_json_without_details_and_logged(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.ERROR):
        response = failing_app().test_client().get("/api/fail")
    assert response.status_code == 500
    assert response.mimetype == "application/json"
    assert response.json == {
        "message": "The server encountered an internal error and was unable to "
        "complete your request."
    }
    assert "secret detail" not in response.text
    # Flask logs the traceback; with no logging set up it goes to stderr.
    [record] = [r for r in caplog.records if r.exc_info]
    assert "/api/fail" in record.getMessage()
    assert record.exc_info and str(record.exc_info[1]) == "the secret detail"


@pytest.mark.usefixtures("production_env")
def test_a_500_on_a_page_is_html_without_details() -> None:
    response = failing_app().test_client().get("/fail")
    assert response.status_code == 500
    assert response.mimetype == "text/html"
    assert "secret detail" not in response.text
