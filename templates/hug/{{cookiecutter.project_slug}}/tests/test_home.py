"""The pages every project serves, and the answers hug and Falcon give on their own."""

from __future__ import annotations

import logging

import hug
import pytest

from {{ cookiecutter.package_name }} import app
from {{ cookiecutter.package_name }}.config import PROJECT_NAME{% if cookiecutter.include_example == 'no' %}, Settings{% endif %}


def test_health_is_ok():
    response = hug.test.get(app, "/health")
    assert response.status == "200 OK"
    assert response.data == {"status": "ok"}
    assert response.headers_dict["content-type"].startswith("application/json")


@pytest.mark.parametrize("path", ["/health", "/"])
def test_head_has_gets_headers_and_no_body(path):
    get = hug.test.get(app, path)
    head = hug.test.head(app, path)
    assert head.status == "200 OK"
    assert head.headers_dict["content-length"] == get.headers_dict["content-length"]
    assert head.headers_dict["content-type"] == get.headers_dict["content-type"]
    assert not getattr(head, "data", None)


def test_home_page_names_the_project():
    response = hug.test.get(app, "/")
    assert response.status == "200 OK"
    assert response.headers_dict["content-type"].startswith("text/html")
    assert "<h1>" in response.data
    assert app.escape(PROJECT_NAME) in response.data
{%- if cookiecutter.include_example == "no" %}


def test_settings_need_nothing_yet():
    assert Settings.from_env({}).project_name == PROJECT_NAME
{%- endif %}


@pytest.mark.parametrize(
    "path", ["/nope", "/health/", "/api", "/api/nope", "/static/x.css", "/v9/health"]
)
def test_unknown_paths_are_json_404(path):
    response = hug.test.get(app, path)
    assert response.status == "404 Not Found"
    assert list(response.data) == ["message"]


@pytest.mark.parametrize(
    ("headers", "query"),
    [({"X-API-VERSION": "abc"}, ""), ({}, "api_version=abc"), ({}, "api_version=2")],
)
def test_unknown_api_versions_are_404(headers, query):
    response = hug.test.get(app, "/health", headers=headers, query_string=query)
    assert response.status == "404 Not Found"
    assert "version" in response.data["message"]


@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE"])
def test_health_refuses_other_methods_with_allow(method):
    response = hug.test.call(method, app, "/health")
    assert response.status == "405 Method Not Allowed"
    allowed = {m.strip() for m in response.headers_dict["allow"].split(",")}
    assert {"GET", "HEAD"} <= allowed
    assert method not in allowed
    assert list(response.data) == ["message"]


def test_an_unexpected_error_is_a_json_500_with_its_traceback_logged(
    monkeypatch, caplog
):
    def broken(*args, **kwargs):
        raise RuntimeError("planted failure")

    # `health` is served through its hug interface, which calls the function it wraps.
    monkeypatch.setattr(app.health.interface, "_function", broken)
    with caplog.at_level(logging.ERROR):
        response = hug.test.get(app, "/health")
    assert response.status == "500 Internal Server Error"
    assert list(response.data) == ["message"]
    assert "planted failure" not in str(response.data)
    assert "planted failure" in caplog.text


def test_a_method_falcon_does_not_know_is_405_too():
    response = hug.test.call("QUERY", app, "/health")
    assert response.status == "405 Method Not Allowed"
    allowed = {method.strip() for method in response.headers_dict["allow"].split(",")}
    assert {"GET", "HEAD"} <= allowed
    assert list(response.data) == ["message"]
