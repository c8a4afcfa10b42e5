"""Hooks: functions that `@falcon.before` runs ahead of a responder.

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
    """Refuse a write without the API token, before the responder reads the body."""
    scheme, _, token = (req.auth or "").partition(" ")
    # compare_digest takes as long for a near miss as for a wild guess.
    if scheme.lower() != "bearer" or not hmac.compare_digest(
        token.encode(), resource.api_token.encode()
    ):
        raise falcon.HTTPUnauthorized(
            description="Send the API token as `Authorization: Bearer <token>`.",
            challenges=["Bearer"],
        )
