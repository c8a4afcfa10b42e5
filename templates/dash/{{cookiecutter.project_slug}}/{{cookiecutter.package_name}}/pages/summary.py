"""The page at `/summary`; its layout and callback live in `summary.py`."""

import dash

from {{ cookiecutter.package_name }} import settings, summary

dash.register_page(
    __name__,
    path="/summary",
    name="Summary",
    title=f"Summary - {settings.PROJECT_NAME}",
    order=2,
    layout=summary.layout,
)
