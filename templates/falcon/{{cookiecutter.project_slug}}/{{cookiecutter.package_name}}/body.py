"""Reading a JSON request body, with a size limit that also holds for chunked uploads.
{% if cookiecutter.interface == "asgi" %}
`await req.get_media()` buffers the whole body, whatever its size, before parsing it.
{%- else %}
`req.get_media()` reads `req.bounded_stream`, which stops at Content-Length: a chunked
body (it has none) would read as empty, and nothing would bound its size.
{%- endif %}
So the body is read here in blocks and refused as soon as it passes the limit.
"""

from __future__ import annotations

import json
from typing import Any

import falcon
{%- if cookiecutter.interface == "asgi" %}
from falcon.asgi import Request
{%- else %}
from falcon import Request
{%- endif %}

MAX_BODY_BYTES = 1024 * 1024
BLOCK_BYTES = 64 * 1024


def _too_large() -> falcon.HTTPContentTooLarge:
    return falcon.HTTPContentTooLarge(
        description=f"The request body must not exceed {MAX_BODY_BYTES} bytes."
    )


{{ cookiecutter.__def }} read_body(req: Request) -> bytes:
    """The raw body, or 413 as soon as it is known to exceed MAX_BODY_BYTES."""
    if req.content_length is not None and req.content_length > MAX_BODY_BYTES:
        # Announced too large: refuse it before reading a byte.
        raise _too_large()
{%- if cookiecutter.interface == "asgi" %}
    # req.stream ends with the body, whether it comes with a Content-Length or chunked.
    stream = req.stream
{%- else %}
    # gunicorn hands a chunked body over as a stream that ends with the body
    # (`wsgi.input_terminated`); otherwise bounded_stream stops at Content-Length.
    chunked = req.content_length is None and req.env.get("wsgi.input_terminated")
    stream = req.stream if chunked else req.bounded_stream
{%- endif %}
    blocks, size = [], 0
    while block := {{ cookiecutter.__await }}stream.read(BLOCK_BYTES):
        size += len(block)
        if size > MAX_BODY_BYTES:
            raise _too_large()
        blocks.append(block)
    return b"".join(blocks)


def parse_json_object(body: bytes) -> dict[str, Any]:
    """The body as a JSON object; 400 for bytes that are not UTF-8 JSON of an object."""
    try:
        # Decoding first: json.loads(bytes) would also accept UTF-16 and UTF-32.
        data = json.loads(body.decode("utf-8"), parse_constant=_reject_constant)
    except UnicodeDecodeError:
        raise falcon.HTTPBadRequest(description="The body is not UTF-8.") from None
    # RecursionError: a body of a million "[" nests deeper than the parser can go.
    except (ValueError, RecursionError):
        raise falcon.HTTPBadRequest(description="The body is not valid JSON.") from None
    if not isinstance(data, dict):
        raise falcon.HTTPBadRequest(description="The body must be a JSON object.")
    return data


def _reject_constant(name: str) -> None:
    # json.loads accepts NaN and Infinity, which are not JSON (RFC 8259).
    raise ValueError(f"{name} is not JSON")


{{ cookiecutter.__def }} read_json_object(req: Request) -> dict[str, Any]:
    """Read, then parse: 413 comes before 400, as the API's order of checks says."""
    return parse_json_object({{ cookiecutter.__await }}read_body(req))
