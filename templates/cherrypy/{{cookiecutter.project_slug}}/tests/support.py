"""A CPWebCase that serves the project wired exactly as `python -m` wires it.

https://docs.cherrypy.dev/en/latest/tutorials.html#tutorial-12-using-pytest-and-code-coverage
"""

from __future__ import annotations

import json
{%- if cookiecutter.include_example == "yes" %}
import tempfile
from pathlib import Path
{%- endif %}
from typing import Any, ClassVar

import cheroot.server
import cherrypy
from cherrypy.process.plugins import SimplePlugin
from cherrypy.test import helper

from {{ cookiecutter.package_name }}.app import mount
from {{ cookiecutter.package_name }}.config import CONFIG_FILE, Settings
{%- if cookiecutter.include_example == "yes" %}
from {{ cookiecutter.package_name }}.database import create_schema

API_TOKEN = "test-token"
{%- endif %}

# cheroot's serving loop sees a stop request only between two select() calls, each
# waiting up to `expiration_interval` (0.5 s by default), so every test class paid that
# when its server stopped. The servers started here stop promptly; production keeps 0.5.
cheroot.server.HTTPServer.expiration_interval = 0.05


class AppTestCase(helper.CPWebCase):
    """Starts the engine once per test class{% if cookiecutter.include_example == "yes" %}, with an empty database{% endif %}."""

    # Fail on a wrong answer instead of prompting on the console.
    interactive = False
    plugins: ClassVar[list[SimplePlugin]]
{%- if cookiecutter.include_example == "yes" %}
    tmp_dir: ClassVar[tempfile.TemporaryDirectory[str]]
    database_path: ClassVar[Path]
{%- endif %}

    @classmethod
    def setup_server(cls) -> None:
        """CPWebCase calls this before starting the engine."""
        # The production config, so the tests see what production answers...
        cherrypy.config.update(str(CONFIG_FILE))
        # ...on a port the system picks (parallel runs never collide), and a quiet log.
        cherrypy.config.update({"server.socket_port": 0, "log.screen": False})
{%- if cookiecutter.include_example == "yes" %}
        cls.tmp_dir = tempfile.TemporaryDirectory()
        cls.database_path = Path(cls.tmp_dir.name) / "test.sqlite3"
        # What the Procfile's release step does before the server starts.
        create_schema(cls.database_path)
        settings = Settings(api_token=API_TOKEN, database_path=cls.database_path)
        cls.plugins = mount(settings)
{%- else %}
        cls.plugins = mount(Settings())
{%- endif %}

    @classmethod
    def setup_class(cls) -> None:
        super().setup_class()
        # CPWebCase sends its requests to cls.PORT: make it the port the system picked.
        cls.PORT = cherrypy.server.bound_addr[1]

    @classmethod
    def teardown_class(cls) -> None:
        super().teardown_class()
        # The engine outlives the class: unplug what `mount` plugged in.
        for plugin in cls.plugins:
            plugin.unsubscribe()
{%- if cookiecutter.include_example == "yes" %}
        cls.tmp_dir.cleanup()
{%- endif %}

    def json(self) -> Any:
        """The body of the last answer, decoded from JSON."""
        return json.loads(self.body)

    def assertJsonError(self, status: int) -> None:
        """An error answer: JSON holding exactly a one-sentence message, no padding."""
        self.assertStatus(status)
        self.assertHeader("Content-Type", "application/json")
        assert not self.body.endswith(b" "), "the error body is padded"
        assert list(self.json()) == ["message"]
        assert isinstance(self.json()["message"], str)
