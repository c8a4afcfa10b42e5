"""Notes kept in SQLite with the standard library's `sqlite3`; no HTTP in here.

Each operation opens its own short connection, so the store is safe to share between
threads and between the server's worker processes: SQLite's file locking orders writes.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

SCHEMA = """
CREATE TABLE IF NOT EXISTS note (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at TEXT NOT NULL
)
"""
# How long an operation waits for another worker's write to finish before failing.
LOCK_TIMEOUT_SECONDS = 10


class NoteNotFoundError(LookupError):
    """No note has this id; `errors.handle_note_not_found` answers it with 404."""

    def __init__(self, note_id: int) -> None:
        super().__init__(f"Note {note_id} does not exist.")
        self.note_id = note_id


@dataclass(frozen=True)
class Note:
    id: int
    title: str
    body: str
    created_at: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


class NoteStore:
    def __init__(self, path: Path) -> None:
        self.path = path

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        connection = sqlite3.connect(self.path, timeout=LOCK_TIMEOUT_SECONDS)
        # `with connection` commits, or rolls back on error; closing() then closes it.
        with closing(connection), connection:
            yield connection

    def create_schema(self) -> None:
        """Create the table if needed; safe to run from every worker at start-up."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as connection:
            connection.execute(SCHEMA)

    def list_notes(self) -> list[Note]:
        """Every note, newest first (ties broken by the larger id)."""
        with self._connect() as connection:
            rows = connection.execute(
                "SELECT id, title, body, created_at FROM note"
                " ORDER BY created_at DESC, id DESC"
            ).fetchall()
        return [Note(*row) for row in rows]

    def add(self, title: str, body: str) -> Note:
        created_at = datetime.now(UTC).isoformat()
        with self._connect() as connection:
            cursor = connection.execute(
                "INSERT INTO note (title, body, created_at) VALUES (?, ?, ?)",
                (title, body, created_at),
            )
        return Note(cursor.lastrowid, title, body, created_at)

    def get(self, note_id: int) -> Note:
        with self._connect() as connection:
            row = connection.execute(
                "SELECT id, title, body, created_at FROM note WHERE id = ?", (note_id,)
            ).fetchone()
        if row is None:
            raise NoteNotFoundError(note_id)
        return Note(*row)

    def delete(self, note_id: int) -> None:
        with self._connect() as connection:
            cursor = connection.execute("DELETE FROM note WHERE id = ?", (note_id,))
        if cursor.rowcount == 0:
            raise NoteNotFoundError(note_id)
