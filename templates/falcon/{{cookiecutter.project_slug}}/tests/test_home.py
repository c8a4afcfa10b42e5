from __future__ import annotations

from html import escape

import pytest
from helpers import assert_json_error

from {{ cookiecutter.package_name }}.config import PROJECT_NAME
from {{ cookiecutter.package_name }}.home import HomeResource


def test_home_page_names_the_project(client):
    result = client.simulate_get("/")
    assert result.status_code == 200
    assert result.headers["Content-Type"].startswith("text/html")
    assert f"<h1>{escape(PROJECT_NAME)}</h1>" in result.text


def test_home_page_escapes_the_name():
    page = HomeResource('<script>alert("x")</script>').page
    assert "<script>" not in page
    assert "<h1>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</h1>" in page


def test_health(client):
    result = client.simulate_get("/health")
    assert result.status_code == 200
    assert result.json == {"status": "ok"}


@pytest.mark.parametrize("path", ["/", "/health"])
def test_head_answers_like_get_without_a_body(client, path):
    got, head = client.simulate_get(path), client.simulate_head(path)
    assert head.status_code == 200
    assert head.content == b""
    assert head.headers["Content-Type"] == got.headers["Content-Type"]
    assert head.headers["Content-Length"] == str(len(got.content))


@pytest.mark.parametrize("path", ["/no/such/page", "/health/", "/api"])
def test_unknown_path_is_a_json_404(client, path):
    assert_json_error(client.simulate_get(path), 404)


@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE", "TRACE"])
def test_wrong_method_is_a_json_405_with_allow(client, method):
    result = client.simulate_request(method, "/health")
    assert_json_error(result, 405)
    allowed = {m.strip() for m in result.headers["Allow"].split(",")}
    assert {"GET", "HEAD"} <= allowed
    assert method not in allowed
