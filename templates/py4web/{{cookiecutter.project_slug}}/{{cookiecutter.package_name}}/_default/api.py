"""The notes JSON API, written as actions: one function per path and method.

Each action declares its fixtures: `json_errors` (JSON 500s), `db` (commit or rollback)
and, for writes, `bearer_token`. py4web's router answers 405 with an `Allow` header.
"""

from __future__ import annotations

from typing import Any

from py4web import action, response

from .auth import bearer_token
from .common import db
from .errors import json_error, json_errors
from .models import as_json
from .validation import read_json_object, read_page

MAX_ID = 2**63 - 1


@action("api/notes", method=["GET", "HEAD"])
@action.uses(json_errors, db)
def notes() -> list[dict[str, Any]]:
    """One page, newest first; a `Link` header points to the next page, if any."""
    limit, offset = read_page()
    rows = db(db.note).select(orderby=~db.note.id, limitby=(offset, offset + limit + 1))
    if len(rows) > limit:
        next_page = f"/api/notes?limit={limit}&offset={offset + limit}"
        response.headers["Link"] = f'<{next_page}>; rel="next"'
    return [as_json(row) for row in list(rows)[:limit]]


@action("api/notes", method=["POST"])
@action.uses(json_errors, db, bearer_token)
def create_note() -> dict[str, Any]:
    data = read_json_object()
    # validate_and_insert runs the fields' `requires=` validators, then inserts.
    result = db.note.validate_and_insert(
        title=data.get("title"), body=data.get("body", "")
    )
    if result.get("errors"):
        errors = {name: str(problem) for name, problem in result["errors"].items()}
        raise json_error(422, "The note is not valid.", errors=errors)
    response.status = 201
    response.headers["Location"] = f"/api/notes/{result['id']}"
    return as_json(db.note(result["id"]))


def note_id_or_404(note_id: str) -> int:
    """Ids are ASCII digits from 1 to 2^63 - 1: anything else names no note."""
    if note_id.isascii() and note_id.isdigit() and 1 <= int(note_id) <= MAX_ID:
        return int(note_id)
    raise json_error(404, "No such note.")


@action("api/notes/<note_id>", method=["GET", "HEAD"])
@action.uses(json_errors, db)
def note(note_id: str) -> dict[str, Any]:
    row = db.note(note_id_or_404(note_id))
    if row is None:
        raise json_error(404, "No such note.")
    return as_json(row)


@action("api/notes/<note_id>", method=["DELETE"])
@action.uses(json_errors, db, bearer_token)
def delete_note(note_id: str) -> str:
    if not db(db.note.id == note_id_or_404(note_id)).delete():
        raise json_error(404, "No such note.")
    response.status = 204
    return ""
