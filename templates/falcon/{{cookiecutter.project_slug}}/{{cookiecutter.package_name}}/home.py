"""The home page: resources answer HTML too; one page needs no template engine."""

from __future__ import annotations

from html import escape

import falcon
{%- if cookiecutter.interface == "asgi" %}
from falcon.asgi import Request, Response
{%- else %}
from falcon import Request, Response
{%- endif %}

PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{name}</title>
</head>
<body>
<h1>{name}</h1>
<p>A Falcon {{ cookiecutter.interface | upper }} app. This page comes from
<code>HomeResource</code> in <code>{{ cookiecutter.package_name }}/home.py</code>.</p>
<ul>
<li><a href="/health">/health</a>: the health check</li>
{%- if cookiecutter.include_example == "yes" %}
<li><a href="/api/notes">/api/notes</a>: the notes API</li>
{%- endif %}
</ul>
</body>
</html>
"""


class HomeResource:
    """`/`: a page naming the project."""

    def __init__(self, project_name: str) -> None:
        # The name is plain text, so it is escaped before it goes into HTML.
        self.page = PAGE.format(name=escape(project_name))

    {{ cookiecutter.__def }} on_get(self, req: Request, resp: Response) -> None:
        resp.content_type = falcon.MEDIA_HTML
        resp.text = self.page

    # HEAD works wherever GET does: same headers, and Falcon drops the body.
    on_head = on_get
