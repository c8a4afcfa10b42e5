"""Error handlers: JSON answers under /api and /health, Flask's HTML pages elsewhere.

https://flask.palletsprojects.com/en/stable/errorhandling/
"""

from __future__ import annotations

from flask import Flask, json, request
from flask.typing import ResponseReturnValue
from werkzeug.exceptions import HTTPException

# Machines read these paths, people read the others.
JSON_PATHS = ("/api", "/health")


def _wants_json(path: str) -> bool:
    return any(path == root or path.startswith(f"{root}/") for root in JSON_PATHS)


def json_error(error: HTTPException) -> ResponseReturnValue:
    """`{"message": ...}`, plus `"errors": {field: problem}` when the error has them."""
    if not _wants_json(request.path):
        return error
    # get_response keeps the headers of the error, e.g. Allow and WWW-Authenticate.
    response = error.get_response()
    message = str(error.description)
    if message == type(error).description:
        # Some of Werkzeug's default texts run to two sentences; the first one says it.
        message = message.split(". ")[0].removesuffix(".") + "."
    body: dict[str, object] = {"message": message}
    field_errors = getattr(error, "errors", None)
    if field_errors:
        body["errors"] = field_errors
    response.set_data(json.dumps(body))
    response.content_type = "application/json"
    return response


def init_app(app: Flask) -> None:
    # Registered on the app, not a blueprint: 404 and 405 are raised while matching
    # the URL, before any blueprint is chosen. An unhandled exception reaches this
    # handler as a 500 after Flask has logged its traceback.
    app.register_error_handler(HTTPException, json_error)
