"""Token authentication with hug's own helper, `hug.authentication.authenticator`.

A route lists it in `requires=`: hug checks requirements before it reads the body or
validates anything, so a request without the token gets 401 whatever else is wrong.
https://hugapi.github.io/hug/ (Authentication)
"""

from __future__ import annotations

import hmac
from typing import Any

import hug

from .config import settings


def _bearer(request: Any, response: Any, verify_user: Any, **kwargs: Any) -> Any:
    """Bearer token

    Returns what verify_user returns for the token, False for a wrong token and None for
    no token at all: the authenticator answers 401 for both, with the challenges below.
    """
    scheme, _, token = (request.get_header("Authorization") or "").partition(" ")
    token = token.strip()
    # RFC 7235: the scheme is case-insensitive.
    if scheme.lower() != "bearer" or not token:
        return None
    return verify_user(token) or False


# hug's built-in `hug.authentication.token` passes the whole header to its verifier
# and challenges with `token`; the same wrapper around our parser answers
# `WWW-Authenticate: Bearer`.
bearer = hug.authentication.authenticator(_bearer, challenges=('Bearer realm="notes"',))


def verify_token(token: str) -> str | bool:
    """The client's name for the request context, or False."""
    expected = settings().api_token
    # Constant-time comparison: response times reveal nothing about the token.
    if hmac.compare_digest(token.encode(), expected.encode()):
        return "api-client"
    return False


# Used as `requires=token_required` on the routes that write.
token_required = bearer(verify_token)
