"""Wire the project together: mount the applications, plug into the engine.

Production (`__main__.py`) and the tests both call `mount`: tests run the real wiring.
https://docs.cherrypy.dev/en/latest/basics.html
"""

from __future__ import annotations

from typing import Any

import cherrypy
from cherrypy.process.plugins import SimplePlugin

{% if cookiecutter.include_example == "yes" -%}
from . import api, errors, root, tools  # noqa: F401 (importing tools registers them)
from .config import Settings
from .database import DatabasePlugin
{%- else -%}
from . import errors, root, tools  # noqa: F401 (importing tools registers them)
from .config import Settings
{%- endif %}

# Config that every application gets for "/", under its own.
SHARED_CONFIG: dict[str, Any] = {
    # Every error answer in JSON (errors.py), without the padding CherryPy adds for old
    # browsers (tools.py).
    "error_page.default": errors.json_error_page,
    "request.error_response": errors.internal_error,
    "tools.unpadded_errors.on": True,
    # Read a request body only where a tool asks for it (tools.json_body), so that a
    # 405 or 404 comes first, whatever the body holds.
    "request.process_request_body": False,
    # One URL per resource: `/health/` is a 404, not a redirect to `/health`.
    "tools.trailing_slash.on": False,
    "tools.exact_path.on": True,
}


def mount(settings: Settings) -> list[SimplePlugin]:
    """Mount the applications on `cherrypy.tree`; subscribe and return the plugins."""
    cherrypy.tree.mount(root.Root(), "/", {"/": {**SHARED_CONFIG, **root.CONFIG}})
{%- if cookiecutter.include_example == "yes" %}
    database = DatabasePlugin(cherrypy.engine, settings.database_path)
    # Subscribed plugins start and stop with the engine.
    database.subscribe()
    # A second application with its own config: REST dispatch, the API token.
    api_config = {**SHARED_CONFIG, **api.config(settings.api_token)}
    cherrypy.tree.mount(api.Api(database), "/api", {"/": api_config})
    return [database]
{%- else %}
    # Engine plugins (a database, a task scheduler...) are subscribed here.
    return []
{%- endif %}
