"""The app shell and the Flask routes, through Flask's test client."""

import importlib
import runpy
from html import escape

import pytest

from {{ cookiecutter.package_name }} import settings
from {{ cookiecutter.package_name }}.app import app
{%- if cookiecutter.pages == "no" %}, route{% endif %}


def test_health(client):
    response = client.get("/health")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok"}


def test_health_answers_head_like_get(client):
    response = client.head("/health")
    assert response.status_code == 200
    assert response.headers == client.get("/health").headers
    assert response.data == b""


def test_home_page_names_the_project_escaped(client):
    response = client.get("/")
    assert response.status_code == 200
    assert response.mimetype == "text/html"
    assert f"<title>{escape(settings.PROJECT_NAME)}</title>" in response.text


def test_layout_shows_the_project_name():
    heading = app.layout.children[0].children
{%- if cookiecutter.pages == "yes" %}
    assert heading[0].children == settings.PROJECT_NAME
{%- else %}
    assert heading.children == settings.PROJECT_NAME


def test_router_renders_the_home_page_at_the_root():
    page = route("/")
{%- if cookiecutter.include_example == "yes" %}
    assert {"station", "year", "weather-graph", "summary-table"} <= set(page)
{%- else %}
    assert page.children.children == settings.DESCRIPTION
{%- endif %}


def test_validation_layout_holds_every_page_the_router_draws():
    ids = set(app.validation_layout)
    assert {"url", "page", "not-found"} <= ids
{%- if cookiecutter.include_example == "yes" %}
    assert {"station", "weather-graph", "summary-stations", "summary-table"} <= ids
{%- endif %}


@pytest.mark.parametrize("pathname", ["/nope", "/dashboard/", "/health/x"])
def test_router_shows_the_not_found_page_for_any_other_path(pathname):
    page = route(pathname)
    assert page.id == "not-found"
    assert page.children[0].children == "Page not found"
{%- endif %}


def test_the_server_signs_with_the_settings_secret_key():
    assert app.server.secret_key == settings.SECRET_KEY


def test_settings_read_secret_key_from_the_environment(monkeypatch):
    monkeypatch.setenv("SECRET_KEY", "from-the-environment")
    try:
        assert importlib.reload(settings).SECRET_KEY == "from-the-environment"
    finally:
        monkeypatch.delenv("SECRET_KEY")
        importlib.reload(settings)
    assert settings.SECRET_KEY == settings.DEV_SECRET_KEY


def test_production_entry_point_serves_the_app(monkeypatch):
    monkeypatch.setenv("SECRET_KEY", "production-secret")
    production = runpy.run_module("{{ cookiecutter.package_name }}.wsgi")
    assert production["server"] is app.server


def test_production_refuses_to_start_without_secret_key(monkeypatch):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    with pytest.raises(RuntimeError, match="SECRET_KEY is not set"):
        runpy.run_module("{{ cookiecutter.package_name }}.wsgi")


def test_python_m_runs_the_debug_server(monkeypatch):
    calls = []
    monkeypatch.setattr(app, "run", lambda **options: calls.append(options))
    runpy.run_module(
        "{{ cookiecutter.package_name }}",
        run_name="__main__",
    )
    assert calls == [{"debug": True}]
