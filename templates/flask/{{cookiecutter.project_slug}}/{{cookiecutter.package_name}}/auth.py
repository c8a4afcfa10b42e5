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


def token_required(view: Callable[..., Any]) -> Callable[..., Any]:
    """Answer 401 unless the request sends `Authorization: Bearer <API_TOKEN>`."""

    @functools.wraps(view)
    def wrapped_view(**kwargs: Any) -> Any:
        auth = request.authorization
        token = auth.token if auth and auth.type == "bearer" else None
        expected = current_app.config["API_TOKEN"]
        # compare_digest takes as long for a near miss as for a wild guess.
        if token is None or not hmac.compare_digest(token.encode(), expected.encode()):
            raise Unauthorized(
                "A valid bearer token is required.",
                www_authenticate=WWWAuthenticate("bearer"),
            )
        return view(**kwargs)

    return wrapped_view
