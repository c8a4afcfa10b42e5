"""Middleware: components whose methods run around every request, in the app's order.

See https://falcon.readthedocs.io/en/stable/api/middleware.html
"""

from __future__ import annotations

import time
from typing import Any

{% if cookiecutter.interface == "asgi" -%}
from falcon.asgi import Request, Response
{%- else -%}
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
