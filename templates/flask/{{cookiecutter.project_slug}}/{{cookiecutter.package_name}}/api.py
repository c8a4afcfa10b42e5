"""The notes JSON API: a blueprint mounted at /api, one class-based view per resource.

https://flask.palletsprojects.com/en/stable/views/#method-dispatching-and-apis
"""

from __future__ import annotations

from flask import Blueprint, current_app, url_for
from flask.typing import ResponseReturnValue
from flask.views import MethodView
from werkzeug.routing import IntegerConverter

from .auth import token_required
from .db import db
from .models import MAX_ID, Note, as_json, newest_notes
from .validation import note_fields, page

bp = Blueprint("api", __name__, url_prefix="/api")
NO_SUCH_NOTE = "No note with this id."


class AsciiIntegerConverter(IntegerConverter):
    """Werkzeug's `int` converter, ASCII digits only: `\\d` also matches "١"."""

    regex = r"[0-9]+"


# One method per HTTP method: HEAD runs `get`, and any other method is a 405 whose
# `Allow` header lists these.
class NoteList(MethodView):
    """/api/notes: the notes, a page at a time, and new notes."""

    def get(self) -> ResponseReturnValue:
        limit, offset = page()
        # One row more than the page tells whether another page follows.
        notes = newest_notes(limit + 1, offset)
        headers = {}
        if len(notes) > limit:
            # RFC 8288 web linking: where the next page is.
            next_page = url_for("api.notes", limit=limit, offset=offset + limit)
            headers["Link"] = f'<{next_page}>; rel="next"'
        # Flask turns a returned list or dict into a JSON response.
        return [as_json(note) for note in notes[:limit]], headers

    @token_required
    def post(self) -> ResponseReturnValue:
        note = Note(**note_fields())
        db.session.add(note)
        db.session.commit()
        return as_json(note), 201, {"Location": url_for("api.note", note_id=note.id)}


class NoteItem(MethodView):
    """/api/notes/<id>: one note."""

    def get(self, note_id: int) -> ResponseReturnValue:
        return as_json(db.get_or_404(Note, note_id, description=NO_SUCH_NOTE))

    @token_required
    def delete(self, note_id: int) -> ResponseReturnValue:
        note = db.get_or_404(Note, note_id, description=NO_SUCH_NOTE)
        db.session.delete(note)
        db.session.commit()
        response = current_app.response_class(status=204)
        # No content, so no content type either (Flask would say text/html).
        del response.headers["Content-Type"]
        return response


def register_api(blueprint: Blueprint) -> None:
    """One URL rule per resource: GET and DELETE share a rule, so an id outside the
    converter's bounds is a 404 for both, before any view runs."""
    blueprint.add_url_rule("/notes", view_func=NoteList.as_view("notes"))
    blueprint.add_url_rule(
        f"/notes/<int(min=1, max={MAX_ID}):note_id>",
        view_func=NoteItem.as_view("note"),
    )


register_api(bp)
