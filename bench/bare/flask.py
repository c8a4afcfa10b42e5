"""Bare Flask app: a view returning a dict or list is serialized by Flask's JSON provider."""

from __future__ import annotations

from flask import Flask

from .notes import NOTES

app = Flask(__name__)


@app.get("/health")
def health() -> dict[str, str]:
    return {"status": "ok"}


@app.get("/api/notes")
def notes() -> list[dict[str, object]]:
    return NOTES
