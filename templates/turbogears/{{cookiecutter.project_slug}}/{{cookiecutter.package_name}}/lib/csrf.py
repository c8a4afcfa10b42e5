"""CSRF protection for the HTML form: OWASP's signed double-submit cookie.

TurboGears has none built in. The form carries a random token that is also in a cookie,
signed with SECRET_KEY; a post whose form token does not match the signed cookie
is a 403.
Other sites can make a browser send the cookie but can neither read it nor forge the
signature.
https://cheatsheetseries.owasp.org/cheatsheets/Cross-Site_Request_Forgery_Prevention_Cheat_Sheet.html
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from typing import Any

from tg import abort, config, request, response
from tg.decorators import before_validate
from tg.support.converters import asbool

COOKIE = "csrf_token"
FIELD = "_csrf_token"


def _sign(token: str) -> str:
    key = config["secret_key"].encode()
    return hmac.new(key, token.encode(), hashlib.sha256).hexdigest()


def csrf_token() -> str:
    """The token for a form on this page; sets the signed cookie when there is none."""
    cookie = request.cookies.get(COOKIE, "")
    token, _, signature = cookie.partition(".")
    if token and hmac.compare_digest(signature, _sign(token)):
        return token
    token = secrets.token_urlsafe(32)
    response.set_cookie(
        COOKIE,
        f"{token}.{_sign(token)}",
        httponly=True,
        samesite="Lax",
        secure=asbool(config.get("csrf.secure_cookie", False)),
    )
    return token


def _check(remainder: Any, params: dict[str, Any]) -> None:
    cookie = request.cookies.get(COOKIE, "")
    token, _, signature = cookie.partition(".")
    sent = params.pop(FIELD, "")
    if not (
        token
        and isinstance(sent, str)
        and hmac.compare_digest(signature, _sign(token))
        and hmac.compare_digest(sent, token)
    ):
        abort(403, "The form has expired or did not come from this site.")


# Runs before `@validate`, so a forged post never reaches the validators.
csrf_protect = before_validate(_check)
