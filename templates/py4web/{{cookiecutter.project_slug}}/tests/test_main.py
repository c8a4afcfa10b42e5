"""The home page, the health check, static files and the error pages outside the API."""

from __future__ import annotations

from types import ModuleType

import webtest


def test_home_page_names_the_project(
    app: webtest.TestApp, default_app: ModuleType
) -> None:
    response = app.get("/")
    assert response.status_code == 200
    assert response.content_type == "text/html"
    assert "<h1>" in response.text
    escaped = default_app.settings.PROJECT_NAME.replace("&", "&amp;").replace(
        "<", "&lt;"
    )
    assert escaped in response.text


def test_home_page_answers_head(app: webtest.TestApp) -> None:
    response = app.head("/")
    assert response.status_code == 200
    assert response.body == b""


def test_health(app: webtest.TestApp) -> None:
    response = app.get("/health")
    assert response.status_code == 200
    assert response.content_type == "application/json"
    assert response.json == {"status": "ok"}


def test_health_answers_head_without_a_body(app: webtest.TestApp) -> None:
    response = app.head("/health")
    assert response.status_code == 200
    assert response.content_type == "application/json"
    assert response.body == b""


def test_health_refuses_other_methods_in_json(app: webtest.TestApp) -> None:
    response = app.post("/health", expect_errors=True)
    assert response.status_code == 405
    assert set(response.headers["Allow"].split(",")) >= {"GET", "HEAD"}
    assert "POST" not in response.headers["Allow"]
    assert response.json == {"message": "Method Not Allowed."}


def test_health_has_no_twin_with_a_trailing_slash(app: webtest.TestApp) -> None:
    response = app.get("/health/", expect_errors=True)
    assert response.status_code == 404
    assert response.json == {"message": "Not Found."}


def test_unknown_api_path_is_json(app: webtest.TestApp) -> None:
    response = app.get("/api/nope", expect_errors=True)
    assert response.status_code == 404
    assert response.content_type == "application/json"
    assert list(response.json) == ["message"]


def test_unknown_page_is_an_html_error_page(app: webtest.TestApp) -> None:
    response = app.get("/no-such-page", expect_errors=True)
    assert response.status_code == 404
    assert response.content_type == "text/html"


def test_wrong_method_on_a_page_is_an_html_error_page(app: webtest.TestApp) -> None:
    response = app.put("/", expect_errors=True)
    assert response.status_code == 405
    assert response.content_type == "text/html"


def test_static_files_are_served(app: webtest.TestApp) -> None:
    response = app.get("/static/css/style.css")
    assert response.status_code == 200
    assert response.content_type == "text/css"
