"""The notes JSON API, mounted at `/api` as `RootController.api`.

`@expose("json")` turns returned dicts, lists and notes (`__json__`) into JSON.
https://turbogears.readthedocs.io/en/latest/turbogears/jsonrendering.html
"""

from __future__ import annotations

import json
from typing import Any

from tg import TGController, expose, request, response, validate
from webob import Response

from {{ cookiecutter.package_name }}.auth import require_token
from {{ cookiecutter.package_name }}.errors import allow_methods, api_error, exact_path, not_found
from {{ cookiecutter.package_name }}.model import DBSession, Note
from {{ cookiecutter.package_name }}.model.note import MAX_ID, newest_notes
from {{ cookiecutter.package_name }}.validation import PAGE, json_object, note_fields


class CreatedResponse(Response):
    """201 with the new note and its `Location`, kept relative as RFC 9110 allows
    (WebOb would rewrite it into an absolute URL)."""

    def __init__(self, note: dict[str, object], location: str) -> None:
        super().__init__(json_body=note, status=201, charset="utf-8")
        self.content_type = "application/json"
        self.headers["Location"] = location

    def _abs_headerlist(self, environ: dict[str, Any]) -> list[tuple[str, str]]:
        return list(self.headerlist)


def invalid_page(*remainder: str, **params: Any) -> None:
    """`@validate`'s error handler: 422 naming each invalid query parameter."""
    errors = {name: str(error) for name, error in request.validation.errors.items()}
    raise api_error(422, "Some query parameters are invalid; see errors.", errors)


class NotesApiController(TGController):
    """`/api/notes` (the `index`) and `/api/notes/<id>` (`_default` takes the id)."""

    @expose("json")
    @validate(PAGE, error_handler=invalid_page)
    def index(self, *remainder: str, **params: Any) -> Any:
        exact_path("/api/notes", remainder)
        allow_methods("GET", "HEAD", "POST")
        if request.method == "POST":
            return self._create()
        limit, offset = params["limit"], params["offset"]
        # One row more than the page tells whether another page follows.
        notes = newest_notes(limit + 1, offset)
        if len(notes) > limit:
            # RFC 8288 web linking: where the next page is.
            next_page = f"/api/notes?limit={limit}&offset={offset + limit}"
            response.headers["Link"] = f'<{next_page}>; rel="next"'
        # TurboGears renders returned dicts; a list is sent as the JSON text it is.
        return json.dumps([note.__json__() for note in notes[:limit]])

    def _create(self) -> Response:
        require_token()
        note = Note(**note_fields(json_object()))
        DBSession.add(note)
        # flush: the database assigns the id now; the transaction manager commits
        # when this controller returns, before the answer leaves.
        DBSession.flush()
        # A returned Response is sent as it is (TurboGears renders nothing).
        return CreatedResponse(note.__json__(), f"/api/notes/{note.id}")

    @expose("json")
    def _default(self, note_id: str, *remainder: str, **params: Any) -> Any:
        exact_path(f"/api/notes/{note_id}", remainder)
        allow_methods("GET", "HEAD", "DELETE")
        if request.method == "DELETE":
            # The token comes before the lookup: without it, nothing is revealed.
            require_token()
        note = _find(note_id)
        if request.method != "DELETE":
            return note.__json__()
        DBSession.delete(note)
        # Returning None is TurboGears' 204 No Content, without a Content-Type.
        return None


def _find(note_id: str) -> Note:
    """The note with this path id; 404 for absent notes and ids no column holds."""
    if not (note_id.isascii() and note_id.isdigit()):
        raise not_found()
    number = int(note_id.lstrip("0")[:20] or "0")
    note = DBSession.get(Note, number) if 1 <= number <= MAX_ID else None
    if note is None:
        raise api_error(404, "No note with this id.")
    return note


class ApiController(TGController):
    """`/api`: `notes` is the only resource; every other path is a JSON 404."""

    notes = NotesApiController()

    @expose("json")
    def _default(self, *remainder: str, **params: Any) -> None:
        raise not_found()
