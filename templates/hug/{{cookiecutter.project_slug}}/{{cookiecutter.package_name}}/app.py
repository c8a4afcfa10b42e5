{%- set example = cookiecutter.include_example == "yes" -%}
"""The API module: what gunicorn serves (`__hug_wsgi__`) and what `hug -m` runs.

A hug API is a module: each `@hug.*` decorator in it registers on `hug.API(__name__)`,
and `@hug.extend_api()` adds the routes, middleware and handlers of other modules.
hug builds a Falcon 2 WSGI app from it on the first request (`__hug_wsgi__`, which
hug adds to this module), running the `@hug.startup()` functions as it does.

hug reads annotations at run time (validators, directives, and the return annotation as
an output transform), so this module does not postpone them with `from __future__`.
"""

from html import escape

import falcon
import hug

from . import middleware{% if example %}, notes{% endif %}
from .config import PROJECT_NAME
from .errors import handle_http_error, handle_unexpected_error

PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{name}</title>
</head>
<body>
<h1>{name}</h1>
<p>A Hug API. Hug is unmaintained since 2020: see the README before you build on it.
This page comes from <code>home</code> in <code>{{ cookiecutter.package_name }}/app.py</code>.</p>
<ul>
<li><a href="/health">/health</a>: the health check</li>
{%- if example %}
<li><a href="/api/notes">/api/notes</a>: the notes API
(also <a href="/v1/api/notes">/v1/api/notes</a>)</li>
{%- endif %}
</ul>
</body>
</html>
""".format(name=escape(PROJECT_NAME))


@hug.extend_api()
def modules():
    """The modules whose hug APIs make up this one."""
    return [middleware{% if example %}, notes{% endif %}]


@hug.startup()
def configure_falcon(api: hug.API) -> None:
    """Falcon's own settings, on the Falcon app hug has just built."""
    app = api.http.falcon  # a falcon.API (Falcon 2)
    # hug sets Falcon 1 behaviour: /api/notes/ would be /api/notes, `?limit=` absent.
    app.req_options.strip_url_path_trailing_slash = False
    app.req_options.keep_blank_qs_values = True
    app.req_options.auto_parse_qs_csv = False
    # Falcon looks handlers up by the exception's class hierarchy, most specific first.
    app.add_error_handler(Exception, handle_unexpected_error)
    app.add_error_handler(falcon.HTTPError, handle_http_error)


@hug.not_found()
def not_found(request):
    """Any path no route matches: 404 (hug's default answers its documentation)."""
    return {"message": f"There is nothing at {request.path}."}


@hug.http("/", accept=("GET", "HEAD"), output=hug.output_format.html)
def home():
    """The home page: HTML instead of JSON is a matter of `output=`."""
    return PAGE


@hug.http("/health", accept=("GET", "HEAD"))
def health():
    """Polled by load balancers: touches no database, so it costs next to nothing."""
    return {"status": "ok"}
