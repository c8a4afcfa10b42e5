"""Bare FastAPI app: path operations returning plain data, as FastAPI's first steps do.

`async def`: with nothing to wait for, FastAPI runs them on the event loop, where a plain
`def` would go to a worker thread on every request. No return annotations: FastAPI would
turn them into response models and validate every answer.
"""

from fastapi import FastAPI

from .notes import NOTES

app = FastAPI()


@app.get("/health")
async def health():
    return {"status": "ok"}


@app.get("/api/notes")
async def notes():
    return NOTES
