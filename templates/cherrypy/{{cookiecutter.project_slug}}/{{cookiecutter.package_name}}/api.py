"""The notes REST API: resources whose GET, POST and DELETE methods answer those verbs.

Mounted with `MethodDispatcher` (see `config`): it calls the method named like the HTTP
verb, answers HEAD with GET, and answers 405 with an `Allow` header when there is none.
https://docs.cherrypy.dev/en/latest/tutorials.html#tutorial-7-give-us-a-rest
"""

from __future__ import annotations

import json
from typing import Any

import cherrypy

from . import auth, store, tools, validation  # noqa: F401 (importing registers tools)
from .database import DatabasePlugin


def config(api_token: str) -> dict[str, Any]:
    """The /api application's own config for "/", which covers every path under it."""
    return {
        "request.dispatch": cherrypy.dispatch.MethodDispatcher(),
        # An argument for the bearer_token tool, which the write methods switch on.
        "tools.bearer_token.token": api_token,
    }


class InvalidFields(cherrypy.HTTPError):
    """422, whose JSON body also names each invalid field and its problem."""

    def __init__(self, invalid: validation.Invalid) -> None:
        super().__init__(422, invalid.message)
        self.invalid = invalid

    def get_error_page(self, *args: Any, **kwargs: Any) -> bytes:
        cherrypy.response.headers["Content-Type"] = "application/json"
        body = {"message": self.invalid.message, "errors": self.invalid.errors}
        return json.dumps(body).encode()


class Api:
    """Mounted at /api; each attribute is a resource (`notes` answers /api/notes)."""

    def __init__(self, database: DatabasePlugin) -> None:
        self.notes = NoteList(database)


@cherrypy.expose
class NoteList:
    """/api/notes: GET lists one page of notes, POST adds one."""

    def __init__(self, database: DatabasePlugin) -> None:
        self.database = database

    # /api/notes/<id>: CherryPy asks this node for the object below it; the answer is a
    # resource for that one note.
    # https://docs.cherrypy.dev/en/latest/advanced.html#the-special-cp-dispatch-method
    def _cp_dispatch(self, vpath: list[str]) -> NoteItem:
        return NoteItem(self.database, vpath.pop(0))

    # Query parameters arrive as keyword arguments. Keyword-only ones keep a stray
    # path segment (`/api/notes/x`) out of `limit`: CherryPy answers that with a 404.
    @cherrypy.tools.json_out()
    def GET(
        self, *, limit: object = None, offset: object = None, **_ignored: object
    ) -> list[store.Note]:
        try:
            limit_value, offset_value = validation.page_params(limit, offset)
        except validation.Invalid as invalid:
            raise InvalidFields(invalid) from None
        page, more = store.list_notes(
            self.database.connection(), limit_value, offset_value
        )
        if more:
            # RFC 8288: where the next page is.
            query = {"limit": limit_value, "offset": offset_value + limit_value}
            next_page = cherrypy.url("/notes", qs=query, relative="server")
            cherrypy.response.headers["Link"] = f'<{next_page}>; rel="next"'
        return page

    # Tools run in the order of their hook point and priority, whatever the order of
    # the decorators: the token (401), then the body (415, 413, 400), then this method.
    @cherrypy.tools.bearer_token()
    @cherrypy.tools.json_body()
    @cherrypy.tools.json_out()
    def POST(self, **_ignored: object) -> store.Note:
        try:
            title, body = validation.validate_note(cherrypy.request.json)
        except validation.Invalid as invalid:
            raise InvalidFields(invalid) from None
        note = store.add_note(self.database.connection(), title, body)
        cherrypy.response.status = 201
        cherrypy.response.headers["Location"] = cherrypy.url(
            f"/notes/{note['id']}", relative="server"
        )
        return note


@cherrypy.expose
class NoteItem:
    """/api/notes/<id>: GET reads the note, DELETE removes it."""

    def __init__(self, database: DatabasePlugin, raw_id: str) -> None:
        self.database = database
        # None when the path segment names no note a database could hold (`abc`, `0`).
        self.note_id = validation.note_id(raw_id)

    @cherrypy.tools.json_out()
    def GET(self, **_ignored: object) -> store.Note:
        note = None
        if self.note_id is not None:
            note = store.get_note(self.database.connection(), self.note_id)
        if note is None:
            raise cherrypy.NotFound()
        return note

    @cherrypy.tools.bearer_token()
    def DELETE(self, **_ignored: object) -> None:
        if self.note_id is None or not store.delete_note(
            self.database.connection(), self.note_id
        ):
            raise cherrypy.NotFound()
        cherrypy.response.status = 204
        # 204 has no body, so nothing for a Content-Type to describe.
        cherrypy.response.headers.pop("Content-Type", None)
