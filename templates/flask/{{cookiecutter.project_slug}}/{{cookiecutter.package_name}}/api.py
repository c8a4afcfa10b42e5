"""The notes JSON API: a blueprint mounted at /api, with JSON error answers.

https://flask.palletsprojects.com/en/stable/blueprints/
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, json, request, url_for
from flask.typing import ResponseReturnValue
from werkzeug.exceptions import HTTPException

from .auth import token_required
from .db import db
from .models import BODY_MAX_LENGTH, TITLE_MAX_LENGTH, Note, newest_notes

bp = Blueprint("api", __name__, url_prefix="/api")


# An app-wide handler, because 404 and 405 are raised while matching the URL, before
# any blueprint is chosen. https://flask.palletsprojects.com/en/stable/errorhandling/
@bp.app_errorhandler(HTTPException)
def json_error(error: HTTPException) -> ResponseReturnValue:
    """Answer errors under /api as JSON `{"message": ...}`; leave the others as HTML."""
    if not request.path.startswith(f"{bp.url_prefix}/"):
        return error
    # get_response keeps the headers of the error, e.g. Allow and WWW-Authenticate.
    response = error.get_response()
    response.data = json.dumps({"message": error.description})
    response.content_type = "application/json"
    return response


def _note_fields(payload: Any) -> dict[str, str]:
    """The validated title and body of a new note; abort with 400 or 422 otherwise."""
    if not isinstance(payload, dict):
        abort(400, "The request body must be a JSON object.")
    title = payload.get("title")
    body = payload.get("body", "")
    if not isinstance(title, str) or not 1 <= len(title.strip()) <= TITLE_MAX_LENGTH:
        abort(422, f"title must be a string of 1 to {TITLE_MAX_LENGTH} characters.")
    if not isinstance(body, str) or len(body) > BODY_MAX_LENGTH:
        abort(422, f"body must be a string of at most {BODY_MAX_LENGTH} characters.")
    return {"title": title.strip(), "body": body}


@bp.get("/notes")
def list_notes() -> list[dict[str, Any]]:
    # Flask turns a returned list or dict into a JSON response.
    return [note.to_dict() for note in newest_notes()]


@bp.post("/notes")
@token_required
def create_note() -> tuple[dict[str, Any], int, dict[str, str]]:
    # get_json answers 400 to malformed JSON and 415 to another content type.
    note = Note(**_note_fields(request.get_json()))
    db.session.add(note)
    db.session.commit()
    location = url_for("api.get_note", note_id=note.id)
    return note.to_dict(), 201, {"Location": location}


@bp.get("/notes/<int:note_id>")
def get_note(note_id: int) -> dict[str, Any]:
    return db.get_or_404(Note, note_id, description="No note with this id.").to_dict()


@bp.delete("/notes/<int:note_id>")
@token_required
def delete_note(note_id: int) -> tuple[str, int]:
    note = db.get_or_404(Note, note_id, description="No note with this id.")
    db.session.delete(note)
    db.session.commit()
    return "", 204
