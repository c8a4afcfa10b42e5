"""Custom tools: functions that CherryPy runs at a hook point of a request.

`register` adds them to `cherrypy.tools` under the function's name when this module is
imported; config switches one on for a whole application (`tools.exact_path.on`), a
decorator for one handler (`@cherrypy.tools.json_body()`). The bearer-token tool is in
`auth.py`.
https://docs.cherrypy.dev/en/latest/extend.html#tools
"""

from __future__ import annotations
{%- if cookiecutter.include_example == "yes" %}

import contextlib
import json
from typing import Any
{%- endif %}

import cherrypy
from cherrypy.lib import httputil
{%- if cookiecutter.include_example == "yes" %}

MAX_BODY_BYTES = 1024 * 1024
DISCARD_CHUNK_BYTES = 64 * 1024
{%- endif %}


@cherrypy.tools.register("on_start_resource")
def exact_path() -> None:
    """Answer 404 for `/health/` or `/api/notes/`: one URL per resource, no twins.

    CherryPy's dispatcher ignores a trailing slash, so without this `/health/` would
    answer like `/health`. (Its built-in trailing_slash tool redirects instead; the apps
    switch it off.)
    """
    path = cherrypy.request.path_info
    if path.endswith("/") and path != "/":
        raise cherrypy.NotFound()


@cherrypy.tools.register("before_finalize")
def unpadded_errors() -> None:
    """Remove the spaces CherryPy adds to short error bodies.

    CherryPy pads 400, 404, 405 and 500 pages to 512 bytes so that Internet Explorer 5
    shows them instead of its own page; a JSON client wants the body as it was written.
    https://github.com/cherrypy/cherrypy/issues/1133
    """
    response = cherrypy.response
    code, _, _ = httputil.valid_status(response.status)
    if code >= 400:
        response.body = response.collapse_body().rstrip(b" ")
        # finalize() counts the body again.
        response.headers.pop("Content-Length", None)
{%- if cookiecutter.include_example == "yes" %}


@cherrypy.tools.register("before_request_body", priority=20)
def json_body(max_bytes: int = MAX_BODY_BYTES) -> None:
    """Put the JSON object sent as the body in `cherrypy.request.json`.

    415 for another media type (or none), 413 for more than `max_bytes` (announced by
    Content-Length or sent chunked), 400 for bytes that are not UTF-8 JSON holding an
    object. Unlike the built-in json_in tool, it matches the media type without regard
    to case and reads chunked bodies.
    """
    request = cherrypy.request
    # The apps read no body unless a tool asks (request.process_request_body in app.py).
    request.process_request_body = True
    media_type = request.body.content_type.value
    if media_type.lower() != "application/json":
        raise cherrypy.HTTPError(415, "The body must be sent as application/json.")
    too_large = cherrypy.HTTPError(413, f"The body exceeds {max_bytes} bytes.")
    if request.body.length is not None and request.body.length > max_bytes:
        _discard(request.rfile)
        raise too_large

    def parse(entity: Any) -> None:
        try:
            data = entity.fp.read(max_bytes + 1)
        except ValueError:
            # cheroot found no valid chunk size or chunk end.
            raise cherrypy.HTTPError(400, "The chunked body is malformed.") from None
        if len(data) > max_bytes:
            _discard(entity.fp)
            raise too_large
        request.json = _json_object(data)

    # CherryPy reads the body after this hook, with the processor of its media type.
    # https://docs.cherrypy.dev/en/latest/pkg/cherrypy.html#module-cherrypy._cpreqbody
    request.body.processors = {media_type: parse}


def _json_object(data: bytes) -> dict[str, Any]:
    try:
        payload = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise cherrypy.HTTPError(400, "The body is not valid UTF-8.") from None
    # RecursionError: thousands of nested brackets.
    except (ValueError, RecursionError):
        raise cherrypy.HTTPError(400, "The body is not valid JSON.") from None
    if not isinstance(payload, dict):
        raise cherrypy.HTTPError(400, "The body must be a JSON object.")
    return payload


def _discard(stream: Any) -> None:
    """Read the rest of the body unparsed: cheroot closes the connection after a 413,
    and a client still sending would get a reset connection instead of the answer."""
    # A chunked body past server.max_request_body_size, or malformed: give up there.
    with contextlib.suppress(OSError, ValueError):
        while stream.read(DISCARD_CHUNK_BYTES):
            pass
{%- endif %}
