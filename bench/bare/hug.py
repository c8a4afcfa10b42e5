"""Bare hug app: two `@hug.get` functions on this module's API, served through Falcon."""

import hug

from .notes import NOTES


@hug.get("/health")
def health():
    return {"status": "ok"}


@hug.get("/api/notes")
def notes():
    return NOTES


# What gunicorn serves: the WSGI app hug builds (it would build the same on the first
# request to this module's `__hug_wsgi__`).
app = hug.API(__name__).http.server()
