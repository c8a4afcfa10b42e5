"""Bare Falcon apps: `app` for WSGI servers, `asgi_app` for ASGI servers (served.py picks)."""

from __future__ import annotations

import falcon
import falcon.asgi

from .notes import NOTES


class Health:
    def on_get(self, req: falcon.Request, resp: falcon.Response) -> None:
        resp.media = {"status": "ok"}


class Notes:
    def on_get(self, req: falcon.Request, resp: falcon.Response) -> None:
        resp.media = NOTES


class AsyncHealth:
    async def on_get(self, req: falcon.asgi.Request, resp: falcon.asgi.Response) -> None:
        resp.media = {"status": "ok"}


class AsyncNotes:
    async def on_get(self, req: falcon.asgi.Request, resp: falcon.asgi.Response) -> None:
        resp.media = NOTES


app = falcon.App()
app.add_route("/health", Health())
app.add_route("/api/notes", Notes())

asgi_app = falcon.asgi.App()
asgi_app.add_route("/health", AsyncHealth())
asgi_app.add_route("/api/notes", AsyncNotes())
