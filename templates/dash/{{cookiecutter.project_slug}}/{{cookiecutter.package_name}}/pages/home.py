"""The home page, at `/`."""

import dash
from dash import html

# Dash Pages imports the modules in pages/ by file path (as `pages.home`), so they
# import the package by its absolute name (https://dash.plotly.com/urls).
from {{ cookiecutter.package_name }} import settings

# register_page adds this module to dash.page_registry, which the navigation lists.
dash.register_page(
    __name__, path="/", name="Home", title=settings.PROJECT_NAME, order=0
)

layout = html.Section(
    [
        html.P(settings.DESCRIPTION),
        html.P("Add a page: a new module in pages/ that calls dash.register_page."),
    ]
)
