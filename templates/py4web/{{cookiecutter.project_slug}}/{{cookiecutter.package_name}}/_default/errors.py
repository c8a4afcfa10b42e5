"""JSON errors under /api and /health: `{"message": ...}`, plus `errors` on a 422.

py4web's router answers an unknown path or a wrong method: the error handlers installed
below make those answers JSON there. Other paths keep py4web's HTML error pages.
{%- if cookiecutter.include_example == "yes" %}
In the actions, `json_error` answers a request and the `json_errors` fixture turns an
unexpected exception into a JSON 500.
{%- endif %}
"""

from __future__ import annotations

import http
import json
{%- if cookiecutter.include_example == "yes" %}
import logging
{%- endif %}
from typing import Any

{% if cookiecutter.include_example == "yes" -%}
from py4web import HTTP, request, response
from py4web.core import Fixture, bottle, error404
{%- else -%}
from py4web import request, response
from py4web.core import bottle, error404
{%- endif %}

JSON_PATHS = ("/api", "/health")


def wants_json(path: str) -> bool:
    return any(path == p or path.startswith(p + "/") for p in JSON_PATHS)
{% if cookiecutter.include_example == "yes" %}

def json_error(
    status: int,
    message: str,
    errors: dict[str, str] | None = None,
    headers: dict[str, str] | None = None,
) -> HTTP:
    """An exception to raise in an action or a fixture: py4web sends it as is."""
    body: dict[str, Any] = {"message": message}
    if errors:
        body["errors"] = errors
    return HTTP(
        status,
        json.dumps(body),
        headers={"Content-Type": "application/json", **(headers or {})},
    )


class JsonErrors(Fixture):
    """An unexpected exception in an action: a JSON 500, the traceback to stderr."""

    def on_error(self, context: dict[str, Any]) -> None:
        error = context["exception"]
        logging.error("Unhandled error on %s", request.path, exc_info=error)
        context["exception"] = None
        response.status = 500
        response.headers["Content-Type"] = "application/json"
        context["output"] = json.dumps({"message": "Internal server error."})


json_errors = JsonErrors()
{% endif %}

def router_error(error: Any) -> str:
    """py4web's router errors: JSON where the API lives, HTML pages elsewhere."""
    if not wants_json(request.path):
        if error.status_code == 404:
            return error404(error)
        return bottle.default_app().default_error_handler(error)
    status = http.HTTPStatus(error.status_code)
    response.headers["Content-Type"] = "application/json"
    return json.dumps({"message": f"{status.phrase}."})


def strict_slashes() -> None:
    """py4web's router ignores a trailing slash; the API has one URL per resource."""
    path = request.path
    if path.endswith("/") and wants_json(path.rstrip("/")):
        raise bottle.HTTPError(404)


def install_error_handlers() -> None:
    app = bottle.default_app()
    for code in (400, 404, 405, 413, 500):
        app.error(code)(router_error)
    for hook in list(app._hooks["before_request"]):  # noqa: SLF001
        if getattr(hook, "__name__", "") == strict_slashes.__name__:
            app.remove_hook("before_request", hook)  # an older copy, after a reload
    app.add_hook("before_request", strict_slashes)
