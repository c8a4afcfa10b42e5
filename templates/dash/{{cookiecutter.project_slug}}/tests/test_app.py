"""The app shell and the Flask routes, through Flask's test client."""

import runpy
from html import escape

from {{ cookiecutter.package_name }} import settings
from {{ cookiecutter.package_name }}.app import app


def test_health(client):
    response = client.get("/health")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok"}


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
{%- endif %}
{%- if cookiecutter.pages == "no" and cookiecutter.include_example == "yes" %}


def test_layout_holds_the_dashboard_and_the_summary():
    ids = set(app.layout)
    assert {"station", "year", "weather-graph", "summary-table"} <= ids
{%- endif %}


def test_python_m_runs_the_debug_server(monkeypatch):
    calls = []
    monkeypatch.setattr(app, "run", lambda **options: calls.append(options))
    runpy.run_module(
        "{{ cookiecutter.package_name }}",
        run_name="__main__",
    )
    assert calls == [{"debug": True}]
