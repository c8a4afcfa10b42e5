"""Bare FastAPI app: path operations returning plain data, no response models."""

from __future__ import annotations

from fastapi import FastAPI

from .notes import NOTES

app = FastAPI()


@app.get("/health")
def health() -> dict[str, str]:
    return {"status": "ok"}


@app.get("/api/notes")
def notes() -> list[dict[str, object]]:
    return NOTES
