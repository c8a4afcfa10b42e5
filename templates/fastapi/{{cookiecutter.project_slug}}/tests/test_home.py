from __future__ import annotations

from dataclasses import replace
from html import escape

from fastapi.testclient import TestClient

from {{ cookiecutter.package_name }}.config import PROJECT_NAME, Settings
from {{ cookiecutter.package_name }}.dependencies import get_settings
from {{ cookiecutter.package_name }}.main import create_app


def test_home_page_names_the_project(client):
    answer = client.get("/")
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("text/html")
    assert f"<h1>{escape(PROJECT_NAME)}</h1>" in answer.text


def test_home_page_escapes_the_name(app, client):
    app.dependency_overrides[get_settings] = lambda: Settings(project_name="<b>&</b>")
    assert "<h1>&lt;b&gt;&amp;&lt;/b&gt;</h1>" in client.get("/").text


def test_head_answers_like_get_without_a_body(client):
    for path in ["/", "/health"]:
        got, head = client.get(path), client.head(path)
        assert head.status_code == got.status_code == 200
        assert head.headers["content-type"] == got.headers["content-type"]
        assert head.content == b""


def test_health(client):
    answer = client.get("/health")
    assert answer.status_code == 200
    assert answer.headers["content-type"] == "application/json"
    assert answer.json() == {"status": "ok"}


def test_unknown_path_is_a_json_404(client):
    for path in ["/no/such/page", "/health/", "/api/nope"]:
        answer = client.get(path)
        assert answer.status_code == 404, path
        assert list(answer.json()) == ["message"]


def test_wrong_method_is_a_json_405_with_allow(client):
    for method in ["POST", "PUT", "PATCH", "DELETE", "TRACE"]:
        answer = client.request(method, "/health")
        assert answer.status_code == 405, method
        assert list(answer.json()) == ["message"]
        assert answer.headers["allow"] == "GET, HEAD"


def test_docs_are_off_in_production(client):
    assert client.get("/docs").status_code == 404
    assert client.get("/openapi.json").status_code == 404
    assert "/docs" not in client.get("/").text


def test_docs_are_served_when_enabled(settings):
    client = TestClient(create_app(replace(settings, docs=True)))
    assert client.get("/docs").status_code == 200
    document = client.get("/openapi.json").json()
    assert document["info"]["title"] == PROJECT_NAME
    assert "/health" in document["paths"]
    assert 'href="/docs"' in client.get("/").text


def test_an_unexpected_error_is_a_json_500(settings):
    def broken() -> Settings:
        raise RuntimeError("boom")

    app = create_app(settings)
    # Replace a dependency: the error handler must hide the details.
    app.dependency_overrides[get_settings] = broken
    answer = TestClient(app, raise_server_exceptions=False).get("/")
    assert answer.status_code == 500
    assert list(answer.json()) == ["message"]
    assert "boom" not in answer.text


def test_invalid_parameters_are_a_json_422_naming_them(settings):
    app = create_app(settings)

    @app.get("/sum")  # a route for this test only
    async def add(a: int, b: int) -> int:
        return a + b

    client = TestClient(app)

    assert client.get("/sum?a=1&b=2").json() == 3
    answer = client.get("/sum?a=1&b=two")
    assert answer.status_code == 422
    assert sorted(answer.json()) == ["errors", "message"]
    assert list(answer.json()["errors"]) == ["b"]
