"""The notes API: a collection resource and an item resource.

Falcon calls a resource's `on_<method>` responder for each HTTP method, and answers 405
for the methods it lacks (https://falcon.readthedocs.io/en/stable/api/routing.html).
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

from .hooks import require_token
from .store import NoteStore
from .validation import parse_new_note


class _NoteResource:
    def __init__(self, store: NoteStore, api_token: str) -> None:
        self.store = store
        # Read by the require_token hook that guards the writes.
        self.api_token = api_token


class NoteCollection(_NoteResource):
    """`/api/notes`: list the notes, or add one."""

    {{ cookiecutter.__def }} on_get(self, req: Request, resp: Response) -> None:
{%- if cookiecutter.interface == "asgi" %}
        notes = await sync_to_async(self.store.list_notes)
{%- else %}
        notes = self.store.list_notes()
{%- endif %}
        # The app's media handler serializes resp.media as JSON.
        resp.media = [note.to_dict() for note in notes]

    @falcon.before(require_token)
    {{ cookiecutter.__def }} on_post(self, req: Request, resp: Response) -> None:
        # Parses the JSON body; malformed JSON raises a 400 for us.
        data = {{ cookiecutter.__await }}req.get_media()
        if not isinstance(data, dict):
            raise falcon.HTTPBadRequest(description="The body must be a JSON object.")
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

    @falcon.before(require_token)
    {{ cookiecutter.__def }} on_delete(self, req: Request, resp: Response, note_id: int) -> None:
{%- if cookiecutter.interface == "asgi" %}
        await sync_to_async(self.store.delete, note_id)
{%- else %}
        self.store.delete(note_id)
{%- endif %}
        resp.status = falcon.HTTP_204
