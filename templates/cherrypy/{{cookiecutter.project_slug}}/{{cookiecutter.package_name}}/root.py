"""The public object tree: CherryPy maps each URL segment to an attribute.

`/` calls `Root.index`, `/health` calls `Root.health`; only callables decorated with
`@cherrypy.expose` answer. https://docs.cherrypy.dev/en/latest/tutorials.html
"""

from __future__ import annotations

import html

import cherrypy

PROJECT_NAME = {{ cookiecutter.project_name | py_str }}

# This application's own config for "/", which covers every path (see app.py).
CONFIG = {
    # A built-in tool: these headers go on every answer.
    "tools.response_headers.on": True,
    "tools.response_headers.headers": [
        ("X-Content-Type-Options", "nosniff"),
        ("X-Frame-Options", "DENY"),
    ],
}

HOME_PAGE = """<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>{name}</title>
</head>
<body>
  <h1>{name}</h1>
  <p>A CherryPy application. Try:</p>
  <ul>
    <li><a href="/health">/health</a>, the health check</li>
{%- if cookiecutter.include_example == "yes" %}
    <li><a href="/api/notes">/api/notes</a>, the notes API</li>
{%- endif %}
  </ul>
</body>
</html>
"""


class Root:
    """Mounted at `/`; each exposed method is a page (`def about` answers `/about`).

    Query parameters arrive as keyword arguments; `**_ignored` takes unknown ones
    (`/?utm_source=...`), which CherryPy would otherwise answer with a 404.
    """

    @cherrypy.expose
    # A built-in tool: any other method than GET or HEAD is a 405 with an Allow header.
    @cherrypy.tools.allow(methods=["GET", "HEAD"])
    def index(self, **_ignored: str) -> str:
        # Plain text must be escaped before it goes into HTML.
        return HOME_PAGE.format(name=html.escape(PROJECT_NAME))

    @cherrypy.expose
    @cherrypy.tools.allow(methods=["GET", "HEAD"])
    # The json_out tool serializes the returned dict and sets the Content-Type.
    @cherrypy.tools.json_out()
    def health(self, **_ignored: str) -> dict[str, str]:
        """For load balancers; it never touches the database, so it stays fast."""
        return {"status": "ok"}
