"""Dash Pages: the registry filled from pages/, and the navigation built from it."""

import dash
from dash import dcc

from {{ cookiecutter.package_name }} import settings
from {{ cookiecutter.package_name }}.app import app

{% if cookiecutter.include_example == "yes" -%}
PATHS = ["/", "/dashboard", "/summary"]
{%- else -%}
PATHS = ["/"]
{%- endif %}


def pages_by_path():
    return {page["path"]: page for page in dash.page_registry.values()}


def test_every_module_in_pages_is_registered_in_order():
    assert [page["path"] for page in dash.page_registry.values()] == PATHS


def test_navigation_links_every_page():
    nav = app.layout.children[0].children[1]
    links = [link for link in nav.children if isinstance(link, dcc.Link)]
    assert [link.href for link in links] == PATHS


def test_home_page_describes_the_project():
    home = pages_by_path()["/"]
    assert home["title"] == settings.PROJECT_NAME
    assert home["layout"].children[0].children == settings.DESCRIPTION


def test_every_page_url_serves_the_app(client):
    for path in PATHS:
        assert client.get(path).status_code == 200
