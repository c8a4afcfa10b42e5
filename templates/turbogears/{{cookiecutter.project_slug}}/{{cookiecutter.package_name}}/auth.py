"""The API's bearer token check, called first by every write.

https://www.rfc-editor.org/rfc/rfc6750
"""

from __future__ import annotations

import hmac

from tg import config, request

from {{ cookiecutter.package_name }}.errors import api_error


def require_token() -> None:
    """401 unless the request sends `Authorization: Bearer <api_token>`.

    Runs before the body is read, so a request without the token learns nothing
    about what its body would have done.
    """
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    token = token.strip()
    expected = config["api_token"]
    # The scheme is case-insensitive (RFC 7235); compare_digest takes as long for a
    # near miss as for a wild guess.
    if (
        scheme.lower() != "bearer"
        or not token
        or not hmac.compare_digest(token.encode(), expected.encode())
    ):
        raise api_error(
            401,
            "A valid bearer token is required.",
            headers={"WWW-Authenticate": 'Bearer realm="api"'},
        )
