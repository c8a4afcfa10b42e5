"""The JSON body of a write: its media type, its size (chunked too), then its parsing.

Two hug mechanisms, in the order the API checks them:
- `json_body` is a requirement (`requires=`, after the token): 415 for another media
  type, 413 past 1 MiB, 400 for no body. hug reads a body only when it has a
  Content-Length, so a chunked one is read here, within the limit, and given one.
- `json_object` is the API's input format for application/json: 400 for bytes that are
  not UTF-8 JSON of an object. hug's default would answer 500 for malformed JSON.
"""

from __future__ import annotations

import io
import json
from collections.abc import Mapping
from types import MappingProxyType
from typing import IO, Any

import falcon

MAX_BODY_BYTES = 1024 * 1024
BLOCK_BYTES = 64 * 1024


def _too_large() -> falcon.HTTPPayloadTooLarge:
    return falcon.HTTPPayloadTooLarge(
        description=f"The request body must not exceed {MAX_BODY_BYTES} bytes."
    )


def json_body(
    request: falcon.Request, response: falcon.Response, **kwargs: Any
) -> bool:
    """A JSON body of at most 1 MiB"""
    media_type = (request.content_type or "").split(";")[0].strip().lower()
    if media_type != "application/json":
        raise falcon.HTTPUnsupportedMediaType(
            description="The body must be JSON, sent as Content-Type: application/json."
        )
    # hug looks its input format up by the exact media type: hand it the canonical one.
    request.content_type = media_type
    length = request.content_length
    if length is None and request.env.get("wsgi.input_terminated"):
        # Chunked: gunicorn hands the body over as a stream that ends with it.
        body = _read_within_limit(request.stream)
        # What hug reads (`request.bounded_stream`) is built from these two.
        request.env["wsgi.input"] = request.stream = io.BytesIO(body)
        request.env["CONTENT_LENGTH"] = str(len(body))
        length = len(body)
    elif length is not None and length > MAX_BODY_BYTES:
        # Announced too large: refused before a byte is read.
        raise _too_large()
    if not length:
        raise falcon.HTTPBadRequest(
            description="The body is empty: send a JSON object."
        )
    return True


def _read_within_limit(stream: IO[bytes]) -> bytes:
    blocks, size = [], 0
    while block := stream.read(BLOCK_BYTES):
        size += len(block)
        if size > MAX_BODY_BYTES:
            raise _too_large()
        blocks.append(block)
    return b"".join(blocks)


def json_object(body: IO[bytes], **kwargs: Any) -> Mapping[str, Any]:
    """The body as a JSON object (UTF-8, whatever charset the request names)"""
    try:
        # Decoding first: json.loads(bytes) would also accept UTF-16 and UTF-32.
        data = json.loads(body.read().decode("utf-8"))
    except UnicodeDecodeError:
        raise falcon.HTTPBadRequest(description="The body is not UTF-8.") from None
    # RecursionError: a body of a million "[" nests deeper than the parser can go.
    except (ValueError, RecursionError):
        raise falcon.HTTPBadRequest(description="The body is not valid JSON.") from None
    if not isinstance(data, dict):
        raise falcon.HTTPBadRequest(description="The body must be a JSON object.")
    # Not a dict: hug spreads a dict body over the function's arguments, where the
    # note's field `body` would replace hug's `body` argument (the whole request body).
    return MappingProxyType(data)
