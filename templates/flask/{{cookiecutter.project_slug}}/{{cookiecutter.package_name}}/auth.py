"""A view decorator that lets a request through only with the API bearer token.

https://flask.palletsprojects.com/en/stable/patterns/viewdecorators/
"""

from __future__ import annotations

import functools
import hmac
from collections.abc import Callable
from typing import Any

from flask import current_app, request
from werkzeug.datastructures import WWWAuthenticate
from werkzeug.exceptions import Unauthorized


def _bearer_token() -> str | None:
    """The token of `Authorization: Bearer <token>`, or None for any other header."""
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    # The scheme is case-insensitive (RFC 7235); the token is everything after it.
    return token.strip() if scheme.lower() == "bearer" else None


def token_required(view: Callable[..., Any]) -> Callable[..., Any]:
    """Answer 401 unless the request sends `Authorization: Bearer <API_TOKEN>`.

    Runs before the view reads the body, so a request without the token learns
    nothing about what its body would have done.
    """

    @functools.wraps(view)
    def wrapped_view(*args: Any, **kwargs: Any) -> Any:
        token = _bearer_token()
        expected = current_app.config["API_TOKEN"]
        # compare_digest takes as long for a near miss as for a wild guess.
        if not token or not hmac.compare_digest(token.encode(), expected.encode()):
            raise Unauthorized(
                "A valid bearer token is required.",
                www_authenticate=WWWAuthenticate("bearer"),
            )
        return view(*args, **kwargs)

    return wrapped_view
