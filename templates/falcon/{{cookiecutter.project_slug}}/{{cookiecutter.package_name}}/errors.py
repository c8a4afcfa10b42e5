"""How errors become HTTP answers: every error body is a JSON object with a "message".

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
from .validation import InvalidNoteError
{%- endif %}


def serialize_error(req: Request, resp: Response, exception: falcon.HTTPError) -> None:
    """Replace Falcon's default error body, whatever the client's Accept header says."""
    resp.content_type = falcon.MEDIA_JSON
    resp.media = {
        "error": exception.title,
        "message": exception.description or exception.title,
    }
{%- if cookiecutter.include_example == "yes" %}


# Error handlers translate domain errors, which know nothing of HTTP, into HTTP errors;
# `create_app` registers them with `app.add_error_handler`.
{{ cookiecutter.__def }} handle_note_not_found(
    req: Request, resp: Response, ex: NoteNotFoundError, params: dict[str, Any]
) -> None:
    raise falcon.HTTPNotFound(description=str(ex))


{{ cookiecutter.__def }} handle_invalid_note(
    req: Request, resp: Response, ex: InvalidNoteError, params: dict[str, Any]
) -> None:
    raise falcon.HTTPUnprocessableEntity(description=str(ex))
{%- endif %}
