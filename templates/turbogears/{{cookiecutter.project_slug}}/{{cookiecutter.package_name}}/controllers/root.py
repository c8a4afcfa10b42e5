"""The root of the site: object dispatch walks attributes from here.

`/notes/...` is `RootController.notes`, `/api/...` is `RootController.api`, and
`/health` is the `health` method.
https://turbogears.readthedocs.io/en/latest/turbogears/objectdispatch.html
"""

from __future__ import annotations

from typing import Any

from tg import TGController, expose

{% if cookiecutter.include_example == "yes" -%}
from {{ cookiecutter.package_name }}.controllers.api import ApiController
{% endif -%}
from {{ cookiecutter.package_name }}.controllers.error import ErrorController
{%- if cookiecutter.include_example == "yes" %}
from {{ cookiecutter.package_name }}.controllers.notes import NotesController
{%- endif %}
from {{ cookiecutter.package_name }}.errors import allow_methods, exact_path


class RootController(TGController):
    """Each attribute is a part of the URL; each `@expose`d method a page."""
{% if cookiecutter.include_example == "yes" %}
    notes = NotesController()
    api = ApiController()
{% endif %}
    # The error pages (errorpage.* settings in config/app_cfg.py) render here.
    error = ErrorController()

    @expose("{{ cookiecutter.package_name }}.templates.index")
    def index(self) -> dict[str, Any]:
        return {"page": "index"}

    @expose("json")
    def health(self, *remainder: str, **params: Any) -> dict[str, str]:
        """The load balancer's check: no database, no template."""
        exact_path("/health", remainder)
        allow_methods("GET", "HEAD")
        return {"status": "ok"}
