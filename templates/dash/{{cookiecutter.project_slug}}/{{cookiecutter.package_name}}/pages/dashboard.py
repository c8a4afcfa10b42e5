"""The page at `/dashboard`; its layout and callback live in `dashboard.py`."""

import dash

from {{ cookiecutter.package_name }} import dashboard, settings

# `layout=` reuses a layout function defined outside pages/, so tests can import the
# module that holds the callbacks without registering the page twice.
dash.register_page(
    __name__,
    path="/dashboard",
    name="Dashboard",
    title=f"Dashboard - {settings.PROJECT_NAME}",
    order=1,
    layout=dashboard.layout,
)
