"""Middleware: functions hug runs around every request, whatever the route.

`@hug.request_middleware()` runs before routing, `@hug.response_middleware()` after the
answer is made (errors included); a Falcon middleware object can also be added with
`api.http.add_middleware`. They register on this module's API; app.py adds them to the
served API with `@hug.extend_api()`.
"""

from __future__ import annotations

import re
from typing import Any

import falcon
import hug
from falcon.constants import COMBINED_METHODS
from falcon.routing import map_http_methods

# The versions routes declare (`versions=`{% if cookiecutter.include_example == "yes" %} in notes.py{% endif %}) beside the unversioned paths.
API_VERSIONS = frozenset({% if cookiecutter.include_example == "yes" %}{"1"}{% endif %})
# hug serves every route under /v<version>/ too, whatever <version> is: a path whose
# first segment starts with "v" is a version here (/videos/1 would need one).
VERSION_PREFIX = re.compile(r"/v([^/]+)/")


@hug.request_middleware()
def refuse_trailing_slash(request: falcon.Request, response: falcon.Response) -> None:
    """One path per resource: /health/ is not /health, and answers 404.

    Falcon 2's router would match /api/notes/ to /api/notes/{note_id} with an empty id.
    """
    if request.path != "/" and request.path.endswith("/"):
        raise falcon.HTTPNotFound(description=f"There is nothing at {request.path}.")


@hug.request_middleware()
def check_api_version(request: falcon.Request, response: falcon.Response) -> None:
    """Only versions the API has: 404 for the others.

    hug takes a version from the path (/v2/...), the X-API-VERSION header and the
    api_version query parameter, and would answer a version it does not know with
    the unversioned route, or with a 500 when it is not a number.
    """
    prefix = VERSION_PREFIX.match(request.path)
    asked = [
        prefix and prefix.group(1),
        request.get_header("X-API-VERSION"),
        request.get_param("api_version"),
    ]
    unknown = [
        version
        for version in asked
        if version is not None and version not in API_VERSIONS
    ]
    if unknown:
        raise falcon.HTTPNotFound(
            description=f"This API has no version {unknown[0]!r}."
        )


@hug.response_middleware()
def bodiless_answers(
    request: falcon.Request, response: falcon.Response, resource: Any
) -> None:
    """Headers Falcon 2 gets wrong when an answer has no body."""
    if response.status == falcon.HTTP_204:
        # hug set a JSON Content-Type before the function ran; 204 has no body.
        response.delete_header("Content-Type")
    elif request.method == "HEAD" and response.data is not None:
        # Falcon drops a HEAD answer's body and, with it, the Content-Length GET sends.
        response.content_length = len(response.data)


class UnknownMethods:
    """405 with Allow for a method Falcon 2 does not know (QUERY, ...), not its 400.

    A Falcon middleware object: `process_resource` runs once the path has found its
    route (hug's resource for the path), before the responder.
    """

    def process_resource(
        self, req: falcon.Request, resp: falcon.Response, resource: Any, params: Any
    ) -> None:
        if resource is not None and req.method not in COMBINED_METHODS:
            raise falcon.HTTPMethodNotAllowed(sorted(map_http_methods(resource)))


hug.API(__name__).http.add_middleware(UnknownMethods())
