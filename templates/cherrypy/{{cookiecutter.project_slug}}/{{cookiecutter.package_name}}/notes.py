"""The notes: validation and SQL with the standard library's sqlite3, no CherryPy."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from typing import Any

TITLE_MAX_LENGTH = 200
BODY_MAX_LENGTH = 10_000

# AUTOINCREMENT: the id of a deleted note is never handed out again.
SCHEMA = """
CREATE TABLE IF NOT EXISTS note (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at TEXT NOT NULL
)
"""

Note = dict[str, Any]


class InvalidNote(ValueError):
    """The JSON object is not a valid note; the message says which field and why."""


def validate(payload: dict[str, Any]) -> tuple[str, str]:
    """Return the (title, body) to store: the title trimmed, the body "" when absent."""
    title = payload.get("title")
    body = payload.get("body", "")
    if not isinstance(title, str):
        raise InvalidNote("'title' is required and must be a string.")
    title = title.strip()
    if not 1 <= len(title) <= TITLE_MAX_LENGTH:
        raise InvalidNote(f"'title' must hold 1 to {TITLE_MAX_LENGTH} characters.")
    if not isinstance(body, str):
        raise InvalidNote("'body' must be a string.")
    if len(body) > BODY_MAX_LENGTH:
        raise InvalidNote(f"'body' must hold at most {BODY_MAX_LENGTH} characters.")
    return title, body


def list_notes(conn: sqlite3.Connection) -> list[Note]:
    """Every note, newest first."""
    rows = conn.execute(
        "SELECT id, title, body, created_at FROM note ORDER BY created_at DESC, id DESC"
    )
    return [dict(row) for row in rows]


def get_note(conn: sqlite3.Connection, note_id: int) -> Note | None:
    row = conn.execute(
        "SELECT id, title, body, created_at FROM note WHERE id = ?", (note_id,)
    ).fetchone()
    return dict(row) if row else None


def add_note(conn: sqlite3.Connection, title: str, body: str) -> Note:
    # The connection as a context manager commits, or rolls back on an error.
    with conn:
        # Take the write lock before reading the clock, so that under concurrent
        # writes the creation times keep the order of the ids.
        conn.execute("BEGIN IMMEDIATE")
        created_at = datetime.now(UTC).isoformat(timespec="microseconds")
        cursor = conn.execute(
            "INSERT INTO note (title, body, created_at) VALUES (?, ?, ?)",
            (title, body, created_at),
        )
    return {
        "id": cursor.lastrowid,
        "title": title,
        "body": body,
        "created_at": created_at,
    }


def delete_note(conn: sqlite3.Connection, note_id: int) -> bool:
    """Delete the note; False when there was none."""
    with conn:
        cursor = conn.execute("DELETE FROM note WHERE id = ?", (note_id,))
    return cursor.rowcount > 0
