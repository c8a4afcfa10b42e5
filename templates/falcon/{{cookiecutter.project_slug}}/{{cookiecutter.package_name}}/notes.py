"""The notes API: a collection resource and an item resource.

Falcon calls a resource's `on_<method>` responder for each HTTP method, and answers 405
with an `Allow` header for the methods it lacks
(https://falcon.readthedocs.io/en/stable/api/routing.html).
{%- if cookiecutter.interface == "asgi" %}
`sqlite3` blocks, so the responders run the store in a thread with `sync_to_async`:
the event loop keeps serving other requests meanwhile.
{%- endif %}
"""

from __future__ import annotations

import falcon
{%- if cookiecutter.interface == "asgi" %}
from falcon.asgi import Request, Response
from falcon.util import sync_to_async
{%- else %}
from falcon import Request, Response
{%- endif %}

from .body import read_json_object
from .hooks import require_json, require_token
from .store import NoteStore
from .validation import parse_new_note, parse_page


class _NoteResource:
    def __init__(self, store: NoteStore, api_token: str) -> None:
        self.store = store
        # Read by the require_token hook that guards the writes.
        self.api_token = api_token


class NoteCollection(_NoteResource):
    """`/api/notes`: list the notes a page at a time, or add one."""

    {{ cookiecutter.__def }} on_get(self, req: Request, resp: Response) -> None:
        page = parse_page(req.get_param("limit"), req.get_param("offset"))
        # One row more than the page tells whether another page follows.
{%- if cookiecutter.interface == "asgi" %}
        notes = await sync_to_async(self.store.list_notes, page.limit + 1, page.offset)
{%- else %}
        notes = self.store.list_notes(page.limit + 1, page.offset)
{%- endif %}
        if len(notes) > page.limit:
            # RFC 8288 web linking. resp.append_link() would write rel=next unquoted;
            # the API documents the quoted form, so the header is written whole.
            limit, offset = page.limit, page.offset + page.limit
            next_page = f"/api/notes?limit={limit}&offset={offset}"
            resp.set_header("Link", f'<{next_page}>; rel="next"')
        # The app's media handler serializes resp.media as JSON.
        resp.media = [note.to_dict() for note in notes[: page.limit]]

    on_head = on_get

    # Hooks run top to bottom: the token (401) before the content type (415).
    @falcon.before(require_token)
    @falcon.before(require_json)
    {{ cookiecutter.__def }} on_post(self, req: Request, resp: Response) -> None:
        data = {{ cookiecutter.__await }}read_json_object(req)
        new_note = parse_new_note(data)
{%- if cookiecutter.interface == "asgi" %}
        note = await sync_to_async(self.store.add, new_note.title, new_note.body)
{%- else %}
        note = self.store.add(new_note.title, new_note.body)
{%- endif %}
        resp.status = falcon.HTTP_201
        resp.location = f"/api/notes/{note.id}"
        resp.media = note.to_dict()


class NoteItem(_NoteResource):
    """`/api/notes/{note_id}`: read or delete one note."""

    {{ cookiecutter.__def }} on_get(self, req: Request, resp: Response, note_id: int) -> None:
{%- if cookiecutter.interface == "asgi" %}
        note = await sync_to_async(self.store.get, note_id)
{%- else %}
        note = self.store.get(note_id)
{%- endif %}
        resp.media = note.to_dict()

    on_head = on_get

    @falcon.before(require_token)
    {{ cookiecutter.__def }} on_delete(self, req: Request, resp: Response, note_id: int) -> None:
{%- if cookiecutter.interface == "asgi" %}
        await sync_to_async(self.store.delete, note_id)
{%- else %}
        self.store.delete(note_id)
{%- endif %}
        # 204 has no body, so Falcon sends no Content-Type either.
        resp.status = falcon.HTTP_204
