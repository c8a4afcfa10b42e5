"""Middleware: components whose methods run around every request, in the app's order.

See https://falcon.readthedocs.io/en/stable/api/middleware.html
"""

from __future__ import annotations

import time
from typing import Any

import falcon
{%- if cookiecutter.interface == "asgi" %}
from falcon.asgi import Request, Response
{%- else %}
from falcon import Request, Response
{%- endif %}


class RequestTimer:
    """Report the time spent in the app in a `Server-Timing` response header."""

    {{ cookiecutter.__def }} process_request(self, req: Request, resp: Response) -> None:
        # req.context carries per-request state from one method to the next.
        req.context.started = time.perf_counter()

    {{ cookiecutter.__def }} process_response(
        self, req: Request, resp: Response, resource: Any, req_succeeded: bool
    ) -> None:
        elapsed_ms = (time.perf_counter() - req.context.started) * 1000
        resp.set_header("Server-Timing", f"app;dur={elapsed_ms:.1f}")


class BodySizeLimit:
    """Refuse request bodies over `max_bytes` before anything reads them."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes

    {{ cookiecutter.__def }} process_request(self, req: Request, resp: Response) -> None:
        if req.content_length is None and req.get_header("Transfer-Encoding"):
            # A chunked body announces no size, so the limit could not be enforced.
            raise falcon.HTTPLengthRequired(
                description="Send the body with a Content-Length header."
            )
        if req.content_length is not None and req.content_length > self.max_bytes:
            raise falcon.HTTPContentTooLarge(
                description=f"The body must not exceed {self.max_bytes} bytes."
            )
