from __future__ import annotations

from html import escape

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


def test_unknown_route_is_a_json_404(client):
    result = client.simulate_get("/no/such/page")
    assert result.status_code == 404
    assert result.headers["Content-Type"].startswith("application/json")
    assert isinstance(result.json["message"], str)


def test_wrong_method_is_a_json_405(client):
    result = client.simulate_put("/health")
    assert result.status_code == 405
    assert isinstance(result.json["message"], str)
