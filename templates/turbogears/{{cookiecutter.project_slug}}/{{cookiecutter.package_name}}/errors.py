"""JSON error answers for /api and /health: `{"message": ...}` plus `errors` on 422.

https://docs.pylonsproject.org/projects/webob/en/stable/api/exceptions.html
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence

from tg import request
from webob.exc import WSGIHTTPException, status_map

# Machines read these paths, people read the others.
JSON_PATHS = ("/api", "/health")


def wants_json(path: str) -> bool:
    return any(path == root or path.startswith(f"{root}/") for root in JSON_PATHS)


def api_error(
    status: int,
    message: str,
    errors: Mapping[str, str] | None = None,
    headers: Mapping[str, str] | None = None,
) -> WSGIHTTPException:
    """A WebOb HTTP exception with a JSON body; raise it from a controller.

    TurboGears answers a raised HTTP exception as it is; its JSON content type keeps
    it away from the HTML error pages.
    """
    error = status_map[status]()
    body: dict[str, object] = {"message": message}
    if errors:
        body["errors"] = dict(errors)
    error.content_type = "application/json"
    error.charset = "utf-8"
    error.text = json.dumps(body)
    error.headers.update(headers or {})
    return error


def allow_methods(*methods: str) -> None:
    """405 with an `Allow` header unless the request's method is one of `methods`."""
    if request.method not in methods:
        raise api_error(
            405,
            f"The {request.method} method is not allowed here.",
            headers={"Allow": ", ".join(methods)},
        )


def exact_path(path: str, remainder: Sequence[str]) -> None:
    """404 for `path/` and `path/more`: object dispatch hands both to `path`."""
    if remainder or request.path_info != path:
        raise not_found()


def not_found() -> WSGIHTTPException:
    return api_error(404, "There is nothing at this address.")
