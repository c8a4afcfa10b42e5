"""Dash Pages shows this module's layout for any path no page registered.

The file name is the convention: Dash looks for a page module named `not_found_404`
(https://dash.plotly.com/urls#default-and-custom-404).
"""

import dash

from {{ cookiecutter.package_name }} import not_found, settings

# nav=False is a key of our own: register_page keeps extra keywords in page_registry,
# and the navigation in app.py leaves out the pages that set it.
dash.register_page(
    __name__,
    name="Not found",
    title=f"Page not found - {settings.PROJECT_NAME}",
    layout=not_found.layout,
    nav=False,
)
