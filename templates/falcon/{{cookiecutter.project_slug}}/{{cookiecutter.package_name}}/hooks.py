"""Hooks: functions that `@falcon.before` runs ahead of a responder, top one first.

See https://falcon.readthedocs.io/en/stable/api/hooks.html
"""

from __future__ import annotations

import hmac
from typing import Any, Protocol

import falcon
{%- if cookiecutter.interface == "asgi" %}
from falcon.asgi import Request, Response
{%- else %}
from falcon import Request, Response
{%- endif %}


class TokenGuarded(Protocol):
    """A resource whose writes need `Authorization: Bearer <api_token>`."""

    api_token: str


{{ cookiecutter.__def }} require_token(
    req: Request, resp: Response, resource: TokenGuarded, params: dict[str, Any]
) -> None:
    """Refuse a write without the API token (401), before anything reads the body."""
    scheme, _, token = (req.auth or "").partition(" ")
    # The scheme is case-insensitive (RFC 7235); compare_digest takes as long for a
    # near miss as for a wild guess, so timing reveals nothing about the token.
    if scheme.lower() != "bearer" or not hmac.compare_digest(
        token.strip().encode(), resource.api_token.encode()
    ):
        raise falcon.HTTPUnauthorized(
            description="Send the API token as `Authorization: Bearer <token>`.",
            challenges=["Bearer"],
        )


{{ cookiecutter.__def }} require_json(
    req: Request, resp: Response, resource: object, params: dict[str, Any]
) -> None:
    """Refuse a body that is not `application/json` (415); a charset is fine."""
    media_type, _ = falcon.parse_header(req.content_type or "")
    if media_type.lower() != falcon.MEDIA_JSON:
        raise falcon.HTTPUnsupportedMediaType(
            description="Send the body as JSON, with `Content-Type: application/json`."
        )
