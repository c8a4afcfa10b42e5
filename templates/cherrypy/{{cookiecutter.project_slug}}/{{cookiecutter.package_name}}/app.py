"""Wire the project together: mount the applications, plug into the engine.

Production (`__main__.py`) and the tests both call `mount`: tests run the real wiring.
https://docs.cherrypy.dev/en/latest/basics.html
"""

from __future__ import annotations

import cherrypy
from cherrypy.process.plugins import SimplePlugin
from cherrypy.process.servers import ServerAdapter

{% if cookiecutter.include_example == "yes" -%}
from . import api, root
from .config import Settings
from .database import DatabasePlugin
{%- else -%}
from . import root
from .config import Settings
{%- endif %}
from .servers import health_server


def mount(settings: Settings) -> list[SimplePlugin | ServerAdapter]:
    """Mount the applications on `cherrypy.tree`; subscribe and return the plugins."""
    cherrypy.tree.mount(root.Root(), "/", root.CONFIG)
    plugins: list[SimplePlugin | ServerAdapter] = []
{%- if cookiecutter.include_example == "yes" %}
    database = DatabasePlugin(cherrypy.engine, settings.database_path)
    plugins.append(database)
    # A second application with its own config: JSON errors, REST dispatch.
    cherrypy.tree.mount(api.Api(database), "/api", api.config(settings.api_token))
{%- endif %}
    if settings.health_port is not None:
        plugins.append(health_server(settings.health_port))
    for plugin in plugins:
        # Subscribed plugins start and stop with the engine.
        plugin.subscribe()
    return plugins
