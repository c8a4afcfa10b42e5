"""Application wrappers: code around every request, inside TurboGears.

https://turbogears.readthedocs.io/en/latest/cookbook/application-wrappers.html
"""

from __future__ import annotations

from typing import Any

from tg.appwrappers.base import ApplicationWrapper
from webob.multidict import MultiDict


class BrokenFormWrapper(ApplicationWrapper):
    """Read a form body WebOb cannot parse (multipart without a boundary) as empty.

    TurboGears reads the form into the controller's parameters before any controller
    runs; the parse error would be a 500 on every path. As an empty form, the request
    gets the answer its path gives it (405, 401, 415, 403 for a form without its token).
    """

    def __call__(self, controller: Any, environ: dict[str, Any], context: Any) -> Any:
        request = context.request
        try:
            request.POST  # noqa: B018 - parsed once here, WebOb keeps the result
        except ValueError:
            # WebOb's cache of the parsed form, filled with the empty form.
            environ["webob._parsed_post_vars"] = (MultiDict(), request.body_file_raw)
        return self.next_handler(controller, environ, context)
