"""The bearer-token check, as a py4web fixture: actions that write declare it.

A fixture's `on_request` runs before the action; raising there answers the request.
https://py4web.com/_documentation/static/en/chapter-06.html#custom-fixtures
"""

from __future__ import annotations

import hmac
from typing import Any

from py4web import request
from py4web.core import Fixture

from . import settings
from .errors import json_error


class BearerToken(Fixture):
    """`Authorization: Bearer <token>`, scheme in any case and in constant time."""

    def __init__(self, token: str) -> None:
        self.token = token

    def on_request(self, context: dict[str, Any]) -> None:
        scheme, _, credentials = request.headers.get("Authorization", "").partition(" ")
        token = credentials.strip()
        if not (
            scheme.lower() == "bearer"
            and token
            and hmac.compare_digest(token.encode(), self.token.encode())
        ):
            raise json_error(
                401,
                "A valid bearer token is required.",
                headers={"WWW-Authenticate": 'Bearer realm="api"'},
            )


bearer_token = BearerToken(settings.API_TOKEN)
