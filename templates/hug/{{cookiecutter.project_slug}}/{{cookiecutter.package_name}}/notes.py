"""The notes API: one function per operation, each exposed three ways.

- over HTTP: `@hug.get` / `@hug.http` / `@hug.post` / `@hug.delete` route it;
- on the command line: `@hug.cli` makes it a command of `notes` (`notes list --limit 5`,
  `notes add '{"title": "Milk"}'`, `notes show 1`, `notes delete 1`);
- in Python: `@hug.local()` makes the function itself validate its arguments and fill
  in its directives, so `list_notes(limit=5)` works as the HTTP call does.
The annotations (validation.py) validate every interface alike. What only HTTP needs,
the token, the body checks, headers and status codes, is in the HTTP decorator.

hug reads annotations at run time, as validators, directives or (on the return value)
an output transform: so no `from __future__ import annotations` here, and no
annotations on the functions hug exposes but the ones meant for hug.
"""

from typing import Any

import falcon
import hug

from .auth import token_required
from .body import json_body, json_object
from .directives import note_store
from .errors import invalid_fields, unprocessable
from .store import NoteNotFoundError
from .validation import (
    DEFAULT_LIMIT,
    UnknownNoteIdError,
    note_input,
    note_number,
    page_limit,
    page_offset,
)

api = hug.API(__name__)
# A request body is parsed by the input format of its Content-Type.
api.http.set_input_format("application/json", json_object)
# Each route answers unversioned (None) and as version 1: /api/notes and /v1/api/notes.
# A changed function would add `versions=2` (/v2/...) and keep this one for version 1.
VERSIONS = (None, 1)


@hug.exception((NoteNotFoundError, UnknownNoteIdError), status=falcon.HTTP_404)
def note_not_found(exception):
    """An absent note, or an id no note can have: 404"""
    return {"message": str(exception)}


def _page_answer(page: dict[str, Any], request: falcon.Request, response: Any) -> Any:
    """Over HTTP a page is its notes; the next page is a Link header (RFC 8288)."""
    if page["next_offset"] is not None:
        next_page = f"{request.path}?limit={page['limit']}&offset={page['next_offset']}"
        response.set_header("Link", f'<{next_page}>; rel="next"')
    return page["notes"]


def _created(note: dict[str, Any], request: falcon.Request, response: Any) -> Any:
    """Over HTTP a new note comes with its address."""
    response.location = f"{request.path}/{note['id']}"
    return note


@hug.local()
@hug.cli("list", output=hug.output_format.pretty_json)
@hug.http(
    "/api/notes",
    accept=("GET", "HEAD"),
    versions=VERSIONS,
    transform=_page_answer,
    on_invalid=invalid_fields,
    output_invalid=unprocessable,
)
def list_notes(
    limit: page_limit = DEFAULT_LIMIT,
    offset: page_offset = 0,
    store: note_store = None,
):
    """One page of notes, newest first"""
    # One row more than the page tells whether another page follows.
    notes = store.list_notes(limit + 1, offset)
    more = len(notes) > limit
    return {
        "notes": [note.to_dict() for note in notes[:limit]],
        "limit": limit,
        "next_offset": offset + limit if more else None,
    }


@hug.local()
@hug.cli("add", output=hug.output_format.pretty_json)
@hug.post(
    "/api/notes",
    versions=VERSIONS,
    status=falcon.HTTP_201,
    # Checked in this order, before the body is parsed: the token, then the body.
    requires=(token_required, json_body),
    transform=_created,
    on_invalid=invalid_fields,
    output_invalid=unprocessable,
)
def add_note(body: note_input, store: note_store = None):
    """Add a note given as JSON: {"title": "...", "body": "..."}"""
    # `body` is hug's name for the request body, here loaded by the schema.
    note = store.add(body["title"], body["body"])
    return note.to_dict()


@hug.local()
@hug.cli("show", output=hug.output_format.pretty_json)
# raise_on_invalid: a bad id raises UnknownNoteIdError, answered by `note_not_found`.
@hug.http(
    "/api/notes/{note_id}",
    accept=("GET", "HEAD"),
    versions=VERSIONS,
    raise_on_invalid=True,
)
def get_note(note_id: note_number, store: note_store = None):
    """One note"""
    return store.get(note_id).to_dict()


@hug.local()
@hug.cli("delete")
@hug.delete(
    "/api/notes/{note_id}",
    versions=VERSIONS,
    status=falcon.HTTP_204,
    requires=token_required,
    raise_on_invalid=True,
)
def delete_note(note_id: note_number, store: note_store = None):
    """Delete one note"""
    store.delete(note_id)
