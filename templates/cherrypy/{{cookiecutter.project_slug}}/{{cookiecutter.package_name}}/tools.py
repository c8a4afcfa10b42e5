"""Custom tools: functions that CherryPy runs at a hook point of a request.

`register` adds them to `cherrypy.tools` under the function's name when this module is
imported; a handler switches one on with a decorator (`@cherrypy.tools.bearer_token()`)
or config (`tools.bearer_token.on`). https://docs.cherrypy.dev/en/latest/extend.html#tools
"""

from __future__ import annotations

import hmac

import cherrypy

MAX_BODY_BYTES = 1024 * 1024
DISCARD_CHUNK_BYTES = 64 * 1024


# "before_request_body" runs before CherryPy reads the body, and lower priorities run
# first: a request without a valid token is refused before anything else is looked at.
@cherrypy.tools.register("before_request_body", priority=10)
def bearer_token(token: str) -> None:
    """Answer 401 unless the request says `Authorization: Bearer <token>`."""
    scheme, _, given = cherrypy.request.headers.get("Authorization", "").partition(" ")
    # compare_digest takes as long for a near miss as for a wild guess.
    if scheme.lower() != "bearer" or not hmac.compare_digest(
        given.strip().encode(), token.encode()
    ):
        cherrypy.response.headers["WWW-Authenticate"] = "Bearer"
        raise cherrypy.HTTPError(401, "A valid bearer token is required.")


@cherrypy.tools.register("before_request_body", priority=20)
def body_limit(max_bytes: int = MAX_BODY_BYTES) -> None:
    """Answer 413 when Content-Length announces more than `max_bytes`."""
    length = cherrypy.request.body.length
    if length is not None and length > max_bytes:
        # Discard the body unparsed: cheroot closes the connection after a 413, and a
        # client still sending would get a reset connection instead of this answer.
        while cherrypy.request.rfile.read(DISCARD_CHUNK_BYTES):
            pass
        raise cherrypy.HTTPError(413, f"The request body exceeds {max_bytes} bytes.")
