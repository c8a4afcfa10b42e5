"""How errors become HTTP answers: `{"message": ...}`, plus `"errors"` on a 422.

See https://falcon.readthedocs.io/en/stable/api/errors.html
"""

from __future__ import annotations
{%- if cookiecutter.include_example == "yes" %}

from typing import Any
{%- endif %}

import falcon
{%- if cookiecutter.interface == "asgi" %}
from falcon.asgi import Request, Response
{%- else %}
from falcon import Request, Response
{%- endif %}
{%- if cookiecutter.include_example == "yes" %}

from .store import NoteNotFoundError
from .validation import ValidationError


class HTTPInvalidFields(falcon.HTTPUnprocessableEntity):
    """A 422 that names each invalid field; `serialize_error` adds them as "errors"."""

    def __init__(self, description: str, errors: dict[str, str]) -> None:
        super().__init__(description=description)
        self.errors = errors
{%- endif %}


def serialize_error(req: Request, resp: Response, exception: falcon.HTTPError) -> None:
    """Replace Falcon's default error body, whatever the client's Accept header says.

    Every error answer goes through here: Falcon's own 404 and 405, the 500 it answers
    for an unhandled exception (after logging its traceback), and ours.
    """
    resp.content_type = falcon.MEDIA_JSON
    # Falcon's own errors have only a title, such as "405 Method Not Allowed".
    body: dict[str, object] = {"message": exception.description or exception.title}
{%- if cookiecutter.include_example == "yes" %}
    if isinstance(exception, HTTPInvalidFields):
        body["errors"] = exception.errors
{%- endif %}
    resp.media = body
{%- if cookiecutter.include_example == "yes" %}


# Error handlers translate domain errors, which know nothing of HTTP, into HTTP errors;
# `build_app` registers them with `app.add_error_handler`.
{{ cookiecutter.__def }} handle_note_not_found(
    req: Request, resp: Response, ex: NoteNotFoundError, params: dict[str, Any]
) -> None:
    raise falcon.HTTPNotFound(description=str(ex))


{{ cookiecutter.__def }} handle_validation_error(
    req: Request, resp: Response, ex: ValidationError, params: dict[str, Any]
) -> None:
    raise HTTPInvalidFields(str(ex), ex.errors)
{%- endif %}
