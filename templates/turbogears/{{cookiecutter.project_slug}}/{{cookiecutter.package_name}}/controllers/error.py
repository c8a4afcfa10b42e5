"""The error controller: TurboGears renders error answers that lack a body here.

`errorpage.status_codes` (config/app_cfg.py) names the statuses; a raised exception is a
500. https://turbogears.readthedocs.io/en/latest/turbogears/errorpages.html
"""

from __future__ import annotations

import logging
from typing import Any

from tg import TGController, abort, expose, request, use_custom_format

from {{ cookiecutter.package_name }}.errors import wants_json

log = logging.getLogger(__name__)

MESSAGES = {
    400: "The request is not valid.",
    401: "Authentication is required.",
    403: "This is forbidden.",
    404: "There is nothing at this address.",
    405: "This method is not allowed here.",
    500: "The server failed to answer this request.",
}


class ErrorController(TGController):
    @expose("{{ cookiecutter.package_name }}.templates.error")
    @expose("json", custom_format="json")
    def document(self, *args: Any, **kwargs: Any) -> dict[str, Any]:
        """The failed request's page: JSON under /api and /health, else HTML."""
        original = request.state.get("original_request")
        if original is None:
            # Only the error pages come here, never a visitor.
            abort(404)
        status = request.state["original_response"].status_int
        if status == 500:
            # Never shown to the client; the server's log gets the whole traceback.
            log.error(
                "Unhandled error on %s %s",
                original.method,
                original.path_info,
                exc_info=request.environ.get("backlash.exc_info"),
            )
        message = MESSAGES.get(status, "The request failed.")
        if wants_json(original.path_info):
            use_custom_format(self.document, "json")
            return {"message": message}
        return {"status": status, "message": message}
