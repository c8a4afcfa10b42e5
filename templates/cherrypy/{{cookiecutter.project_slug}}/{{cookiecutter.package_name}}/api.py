"""The notes REST API: resources whose GET, POST and DELETE methods answer those verbs.

Mounted with `MethodDispatcher` (see `config`): it calls the method named like the HTTP
verb and answers 405 when there is none.
https://docs.cherrypy.dev/en/latest/tutorials.html#tutorial-7-give-us-a-rest
"""

from __future__ import annotations

import json
from typing import Any

import cherrypy

from . import notes, tools  # noqa: F401 (importing tools registers the custom tools)
from .database import DatabasePlugin


def config(api_token: str) -> dict[str, dict[str, Any]]:
    """The /api application's own config; "/" covers every path under it."""
    return {
        "/": {
            "request.dispatch": cherrypy.dispatch.MethodDispatcher(),
            "error_page.default": json_error_page,
            # An argument for the bearer_token tool, which the write methods switch on.
            "tools.bearer_token.token": api_token,
        }
    }


def json_error_page(status: str, message: str, traceback: str, version: str) -> str:
    """Answer every error under /api (400, 401, 404, 405, 413, 422...) in JSON."""
    cherrypy.response.headers["Content-Type"] = "application/json"
    return json.dumps({"status": int(status.split()[0]), "message": message})


class Api:
    """Mounted at /api; each attribute is a resource (`notes` answers /api/notes)."""

    def __init__(self, database: DatabasePlugin) -> None:
        self.notes = NoteList(database)


@cherrypy.expose
class NoteList:
    """/api/notes: GET lists the notes, POST adds one."""

    def __init__(self, database: DatabasePlugin) -> None:
        self.database = database
        self.item = NoteItem(database)

    # /api/notes/<id>: CherryPy asks for the node below; pass the id on as a parameter.
    # https://docs.cherrypy.dev/en/latest/advanced.html#the-special-cp-dispatch-method
    def _cp_dispatch(self, vpath: list[str]) -> NoteItem:
        cherrypy.request.params["note_id"] = vpath.pop(0)
        return self.item

    @cherrypy.tools.json_out()
    def GET(self) -> list[notes.Note]:
        return notes.list_notes(self.database.connection())

    @cherrypy.tools.bearer_token()
    @cherrypy.tools.body_limit()
    # json_in parses the body into cherrypy.request.json; bad JSON answers 400.
    @cherrypy.tools.json_in()
    @cherrypy.tools.json_out()
    def POST(self) -> notes.Note:
        payload = cherrypy.request.json
        if not isinstance(payload, dict):
            raise cherrypy.HTTPError(400, "The body must be a JSON object.")
        try:
            title, body = notes.validate(payload)
        except notes.InvalidNote as error:
            raise cherrypy.HTTPError(422, str(error)) from None
        note = notes.add_note(self.database.connection(), title, body)
        cherrypy.response.status = 201
        cherrypy.response.headers["Location"] = cherrypy.url(f"/notes/{note['id']}")
        return note


@cherrypy.expose
class NoteItem:
    """/api/notes/<id>: GET reads one note, DELETE removes it."""

    def __init__(self, database: DatabasePlugin) -> None:
        self.database = database

    @cherrypy.tools.json_out()
    def GET(self, note_id: str) -> notes.Note:
        note = notes.get_note(self.database.connection(), _note_id(note_id))
        if note is None:
            raise cherrypy.NotFound()
        return note

    @cherrypy.tools.bearer_token()
    def DELETE(self, note_id: str) -> None:
        if not notes.delete_note(self.database.connection(), _note_id(note_id)):
            raise cherrypy.NotFound()
        cherrypy.response.status = 204


def _note_id(raw: str) -> int:
    """Ids are integers that fit SQLite; anything else names no note."""
    if not (raw.isascii() and raw.isdigit() and len(raw) <= 18):
        raise cherrypy.NotFound()
    return int(raw)
