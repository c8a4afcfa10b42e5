"""The home page and the health check."""

from __future__ import annotations

from flask import Flask
from flask.testing import FlaskClient
from markupsafe import escape


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


def test_health(client: FlaskClient) -> None:
    response = client.get("/health")
    assert response.status_code == 200
    assert response.json == {"status": "ok"}


def test_unknown_page_is_an_html_404(client: FlaskClient) -> None:
    response = client.get("/no-such-page")
    assert response.status_code == 404
    assert response.mimetype == "text/html"
