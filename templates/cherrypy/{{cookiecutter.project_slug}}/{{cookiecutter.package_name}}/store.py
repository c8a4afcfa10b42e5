"""The notes in SQL, with the standard library's sqlite3 (no CherryPy here)."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from typing import Any

# The largest id SQLite's INTEGER PRIMARY KEY can hold.
MAX_ID = 2**63 - 1

# The release step runs this script: IF NOT EXISTS makes it safe to repeat, and it adds
# the tables that are missing (it changes none that exists). The server refuses to start
# while a table it creates is missing (database.py).
# AUTOINCREMENT: the id of a deleted note is never handed out again.
SCHEMA = """
CREATE TABLE IF NOT EXISTS note (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at TEXT NOT NULL
);
"""

Note = dict[str, Any]


def list_notes(
    conn: sqlite3.Connection, limit: int, offset: int
) -> tuple[list[Note], bool]:
    """One page of notes, newest (highest id) first, and whether more notes follow."""
    rows = conn.execute(
        "SELECT id, title, body, created_at FROM note"
        " ORDER BY id DESC LIMIT ? OFFSET ?",
        # One row more than asked for tells whether there is a next page.
        (limit + 1, min(offset, MAX_ID)),
    ).fetchall()
    return [dict(row) for row in rows[:limit]], len(rows) > limit


def get_note(conn: sqlite3.Connection, note_id: int) -> Note | None:
    row = conn.execute(
        "SELECT id, title, body, created_at FROM note WHERE id = ?", (note_id,)
    ).fetchone()
    return dict(row) if row else None


def add_note(conn: sqlite3.Connection, title: str, body: str) -> Note:
    # The connection as a context manager commits, or rolls back on an error.
    with conn:
        # An RFC 3339 time in UTC with its offset: 2025-01-31T12:00:00.000000+00:00.
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
