"""How errors become answers: always JSON, `{"message": ...}`, plus `"errors"` on a 422.

Error answers come from two places, each handled here:
- hug itself: an unknown path (`@hug.not_found`, in app.py){% if cookiecutter.include_example == "yes" %} and a failed
  validation (`on_invalid=` and `output_invalid=` of a route){% endif %};
- Falcon 2, which hug runs on: its HTTP errors (401, 405, 413, ...) and any unexpected
  exception. hug's own error serializer answers `{"errors": {title: description}}` and
  lets other exceptions reach the server as HTML; app.py's startup handler installs
  these two Falcon error handlers instead.
"""

from __future__ import annotations

import json
import logging
from typing import Any

import falcon
{%- if cookiecutter.include_example == "yes" %}
import hug
{%- endif %}

JSON = "application/json; charset=utf-8"
logger = logging.getLogger(__name__)


def error_body(message: str, errors: dict[str, str] | None = None) -> bytes:
    body: dict[str, Any] = {"message": message}
    if errors:
        body["errors"] = errors
    return json.dumps(body).encode()


def handle_http_error(
    req: falcon.Request, resp: falcon.Response, error: falcon.HTTPError, params: Any
) -> None:
    """Falcon's HTTP errors, with their headers (Allow, WWW-Authenticate), as JSON."""
    resp.status = error.status
    for name, value in (error.headers or {}).items():
        resp.set_header(name, value)
    resp.content_type = JSON
    # Falcon's own errors have only a title, such as "405 Method Not Allowed".
    resp.data = error_body(error.description or error.title)


def handle_unexpected_error(
    req: falcon.Request, resp: falcon.Response, error: Exception, params: Any
) -> None:
    """A bug: the traceback goes to the server's log (stderr), never to the client."""
    logger.error("Unhandled exception on %s %s", req.method, req.path, exc_info=error)
    resp.status = falcon.HTTP_500
    resp.content_type = JSON
    resp.data = error_body("The server failed to answer this request.")
{%- if cookiecutter.include_example == "yes" %}


def _field_errors(errors: dict[str, Any]) -> dict[str, str]:
    """One string per field: hug types give `{"limit": "..."}`, the marshmallow schema
    of the `body` argument `{"body": {"title": ["..."]}}`."""
    flat: dict[str, str] = {}
    for name, problem in errors.items():
        if isinstance(problem, dict):
            flat.update(_field_errors(problem))
        elif isinstance(problem, list):
            flat[name] = " ".join(str(part) for part in problem)
        else:
            flat[name] = str(problem)
    return flat


def invalid_fields(data: dict[str, Any]) -> dict[str, Any]:
    """`on_invalid=`: hug's `{"errors": ...}` in the API's shape."""
    errors = _field_errors(data["errors"])
    return {"message": f"Invalid input: {', '.join(errors)}.", "errors": errors}


@hug.format.content_type(JSON)
def unprocessable(data: dict[str, Any], response: falcon.Response) -> bytes:
    """`output_invalid=`: hug answers a failed validation with 400; the API says 422."""
    response.status = falcon.HTTP_422
    return json.dumps(data).encode()
{%- endif %}
