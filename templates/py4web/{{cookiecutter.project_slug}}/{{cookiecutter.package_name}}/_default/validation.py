"""Reading API requests: the JSON body and the page parameters.

The fields' own rules are the `requires=` validators of `models.py`.
"""

from __future__ import annotations

import json
from typing import Any

from py4web import request

from .errors import json_error

MAX_BODY_BYTES = 1_048_576
DEFAULT_LIMIT = 50
MAX_LIMIT = 100


def read_body() -> bytes:
    """The raw body, at most MAX_BODY_BYTES, with Content-Length or chunked."""
    environ = request.environ
    stream = environ["wsgi.input"]
    length = environ.get("CONTENT_LENGTH", "")
    if length:  # the server has checked that it is a number
        if int(length) > MAX_BODY_BYTES:
            raise json_error(413, "The request body is larger than 1 MiB.")
        return stream.read(int(length))
    if "chunked" in environ.get("HTTP_TRANSFER_ENCODING", "").lower():
        # The server has decoded the chunks: read one byte past the limit to notice it.
        data = stream.read(MAX_BODY_BYTES + 1)
        if len(data) > MAX_BODY_BYTES:
            raise json_error(413, "The request body is larger than 1 MiB.")
        return data
    return b""


def read_json_object() -> dict[str, Any]:
    """The body as a JSON object: 415, 413 and 400 in that order."""
    media_type = request.environ.get("CONTENT_TYPE", "").split(";")[0]
    if media_type.strip().lower() != "application/json":
        raise json_error(415, "The request body must be application/json.")
    try:
        data = json.loads(read_body().decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise json_error(400, "The request body is not valid JSON in UTF-8.") from None
    if not isinstance(data, dict):
        raise json_error(400, "The request body must be a JSON object.")
    return data


def read_page() -> tuple[int, int]:
    """`limit` (1-100, default 50) and `offset` (0 or more), ASCII digits only."""
    errors: dict[str, str] = {}
    values: dict[str, int] = {}
    for name, default, low, high in (
        ("limit", DEFAULT_LIMIT, 1, MAX_LIMIT),
        ("offset", 0, 0, None),
    ):
        raw = request.query.get(name)
        if isinstance(raw, list):  # a repeated parameter: the first one counts
            raw = raw[0]
        if raw is None:
            values[name] = default
        elif raw.isascii() and raw.isdigit() and low <= int(raw) <= (high or int(raw)):
            values[name] = int(raw)
        elif high is None:
            errors[name] = f"must be a whole number of at least {low}"
        else:
            errors[name] = f"must be a whole number from {low} to {high}"
    if errors:
        raise json_error(422, "Invalid page parameters.", errors=errors)
    return values["limit"], values["offset"]
