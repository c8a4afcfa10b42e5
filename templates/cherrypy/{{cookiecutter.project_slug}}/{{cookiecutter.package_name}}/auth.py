"""The bearer-token check, a custom tool that the write methods switch on.

`register` adds it to `cherrypy.tools` when this module is imported; a handler switches
it on with `@cherrypy.tools.bearer_token()`, and the token comes from the application's
config (`tools.bearer_token.token`, see api.py).
https://docs.cherrypy.dev/en/latest/extend.html#tools
"""

from __future__ import annotations

import hmac

import cherrypy


# "before_request_body" runs before CherryPy reads the body, and lower priorities run
# first: a request without a valid token is refused before anything else is looked at.
@cherrypy.tools.register("before_request_body", priority=10)
def bearer_token(token: str) -> None:
    """Answer 401 unless the request says `Authorization: Bearer <token>`."""
    scheme, _, given = cherrypy.request.headers.get("Authorization", "").partition(" ")
    given = given.strip()
    # compare_digest takes as long for a near miss as for a wild guess.
    if (
        scheme.lower() != "bearer"
        or not given
        or not hmac.compare_digest(given.encode(), token.encode())
    ):
        cherrypy.response.headers["WWW-Authenticate"] = "Bearer"
        raise cherrypy.HTTPError(401, "A valid bearer token is required.")
