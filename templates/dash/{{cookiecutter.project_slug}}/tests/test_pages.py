"""Dash Pages: the registry filled from pages/, and the navigation built from it."""

import dash
from dash import dcc

from {{ cookiecutter.package_name }} import not_found, settings
from {{ cookiecutter.package_name }}.app import app

# The navigation, in order: each page's path and the text of its link. A new page in
# pages/ joins it.
NAVIGATION = {
    "/": "Home",
{%- if cookiecutter.include_example == "yes" %}
    "/dashboard": "Dashboard",
    "/summary": "Summary",
{%- endif %}
}


def pages_by_path():
    return {page["path"]: page for page in dash.page_registry.values()}


def not_found_page():
    return dash.page_registry["pages.not_found_404"]


def test_every_module_in_pages_is_registered_in_order():
    paths = [page["path"] for page in dash.page_registry.values()]
    assert paths == [*NAVIGATION, not_found_page()["path"]]


def test_navigation_links_every_page_but_the_not_found_one():
    nav = app.layout.children[0].children[1]
    links = [link for link in nav.children if isinstance(link, dcc.Link)]
    assert [(link.href, link.children) for link in links] == list(NAVIGATION.items())


def test_home_page_describes_the_project():
    home = pages_by_path()["/"]
    assert home["title"] == settings.PROJECT_NAME
    assert home["layout"].children[0].children == settings.DESCRIPTION


def test_unknown_paths_get_the_not_found_page():
    # Dash Pages renders the module named not_found_404 for a path no page matches.
    page = not_found_page()
    assert page["layout"] is not_found.layout
    assert page["title"] == f"Page not found - {settings.PROJECT_NAME}"
    assert page["nav"] is False
    assert page["layout"](ref="mail").children[0].children == "Page not found"


def test_every_page_url_serves_the_app(client):
    for path in [*NAVIGATION, "/no-such-page"]:
        assert client.get(path).status_code == 200
