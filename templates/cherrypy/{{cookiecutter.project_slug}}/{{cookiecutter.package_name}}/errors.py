"""Every error answer in JSON: `{"message": "..."}`, with no HTML page and no traceback.

CherryPy renders an error with the page that `error_page.<code>` or
`error_page.default` names in config, and answers an unexpected exception by calling
`request.error_response`; `app.py` points both here for every application.
https://docs.cherrypy.dev/en/latest/pkg/cherrypy.html#module-cherrypy._cperror
"""

from __future__ import annotations

import html
import json

import cherrypy


def json_error_page(status: str, message: str, traceback: str, version: str) -> str:
    """The body of an HTTPError (400, 401, 404, 405, 413...): its message, in JSON."""
    cherrypy.response.headers["Content-Type"] = "application/json"
    # CherryPy HTML-escapes the message for its own HTML page; JSON needs the text.
    return error_body(html.unescape(message))


def internal_error() -> None:
    """The answer to an exception that no handler caught: a 500 that reveals nothing.

    The traceback goes to the error log (stderr) through the built-in log_tracebacks
    tool, which runs first.
    """
    response = cherrypy.response
    response.status = 500
    for header in ("Location", "Content-Length"):
        response.headers.pop(header, None)
    response.headers["Content-Type"] = "application/json"
    response.body = error_body("The server could not answer this request.").encode()


def error_body(message: str) -> str:
    """`{"message": ...}`, the body of every error answer (422 adds `errors`)."""
    return json.dumps({"message": message})
