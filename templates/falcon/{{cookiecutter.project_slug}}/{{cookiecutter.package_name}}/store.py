"""Notes kept in SQLite with the standard library's `sqlite3`; no HTTP in here.

Each operation opens its own short connection, so the store is safe to share between
threads and between the server's worker processes: SQLite's file locking orders writes.

Run as a module (`{{ cookiecutter.__release_command }}`, the Procfile's `release:` step) it
creates the database and its table; the web process only checks that they exist.
"""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .config import ConfigError, database_path

RELEASE_COMMAND = "{{ cookiecutter.__release_command }}"
SCHEMA = """
CREATE TABLE IF NOT EXISTS note (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at TEXT NOT NULL
)
"""
# How long an operation waits for another worker's write to finish before failing.
BUSY_TIMEOUT_SECONDS = 10
# The largest INTEGER SQLite stores (2**63 - 1): no id or offset can be larger.
MAX_SQLITE_INTEGER = 9_223_372_036_854_775_807


class NoteNotFoundError(LookupError):
    """No note has this id; `errors.handle_note_not_found` answers it with 404."""

    def __init__(self, note_id: int) -> None:
        super().__init__(f"Note {note_id} does not exist.")
        self.note_id = note_id


class DatabaseNotReadyError(RuntimeError):
    """The database cannot be opened or lacks its table: no release step ran."""


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
        # A file: URI, so that ?mode= applies; as_uri() escapes "?" and "#" in the path.
        self._uri = path.resolve().as_uri()

    @contextmanager
    def _connect(self, mode: str = "rw") -> Iterator[sqlite3.Connection]:
        # mode=rw opens an existing file only: a missing database is an error here,
        # never a silently created empty one. Only create_schema passes "rwc".
        uri = f"{self._uri}?mode={mode}"
        connection = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_SECONDS)
        # `with connection` commits, or rolls back on error; closing() then closes it.
        with closing(connection), connection:
            # WAL lets readers go on while a worker writes; NORMAL sync keeps every
            # commit through a process crash (kill -9), at a fraction of FULL's cost.
            # https://www.sqlite.org/wal.html
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA synchronous=NORMAL")
            yield connection

    def create_schema(self) -> None:
        """Create the database and its table if needed; safe to run again."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect(mode="rwc") as connection:
            connection.execute(SCHEMA)

    def check_schema(self) -> None:
        """Fail at start-up, not at the first request, when no release step ran."""
        try:
            with self._connect() as connection:
                found = connection.execute(
                    "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'note'"
                ).fetchone()
        except sqlite3.Error as error:
            raise DatabaseNotReadyError(
                f"cannot open the database {self.path} ({error}): "
                f"run `{RELEASE_COMMAND}` first."
            ) from error
        if found is None:
            raise DatabaseNotReadyError(
                f"the database {self.path} has no note table: "
                f"run `{RELEASE_COMMAND}` first."
            )

    def list_notes(self, limit: int, offset: int) -> list[Note]:
        """One page of notes, newest (highest id) first."""
        with self._connect() as connection:
            rows = connection.execute(
                "SELECT id, title, body, created_at FROM note"
                " ORDER BY id DESC LIMIT ? OFFSET ?",
                (limit, offset),
            ).fetchall()
        return [Note(*row) for row in rows]

    def add(self, title: str, body: str) -> Note:
        # An explicit UTC offset, so clients never have to guess the time zone.
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


def main() -> None:
    """The release step: create the database named by DATABASE_URL and its table."""
    try:
        path = database_path()
    except ConfigError as error:
        sys.exit(f"Error: {error}")
    NoteStore(path).create_schema()
    print(f"Database ready: {path}")


if __name__ == "__main__":
    main()
