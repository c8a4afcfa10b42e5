"""Notes kept in SQLite with the standard library's `sqlite3`; no HTTP in here.

Connections stay open and serve one request at a time, so the store is safe to share
between threads; every worker process has its own, and SQLite's file locking orders
their writes.

Run as a module (`{{ cookiecutter.__release_command }}`, the Procfile's `release:` step) it
creates the database and its tables; the web process only checks that the note table
exists.
"""

from __future__ import annotations

import sqlite3
import sys
import weakref
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .config import ConfigError, database_path

RELEASE_COMMAND = "{{ cookiecutter.__release_command }}"
# One statement per table, each ending with ";". IF NOT EXISTS makes the release step
# safe to run again: it adds the tables that are missing and leaves the others alone.
SCHEMA = """
CREATE TABLE IF NOT EXISTS note (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at TEXT NOT NULL
);
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
        # Spelled out: dataclasses.asdict() deep-copies, ten times slower for a page.
        return {
            "id": self.id,
            "title": self.title,
            "body": self.body,
            "created_at": self.created_at,
        }


class NoteStore:
    def __init__(self, path: Path) -> None:
        self.path = path
        # A file: URI, so that ?mode= applies; as_uri() escapes "?" and "#" in the path.
        self._uri = path.resolve().as_uri()
        self._connections: list[sqlite3.Connection] = []
        # Open connections no request is using. list.append and list.pop are atomic,
        # so threads can share this pool without a lock.
        self._idle: list[sqlite3.Connection] = []
        # Close them all when the store goes away, or at exit: Python 3.13 warns
        # about a connection left for the garbage collector.
        self._finalizer = weakref.finalize(self, _close_all, self._connections)

    def _open(self, mode: str = "rw") -> sqlite3.Connection:
        # mode=rw opens an existing file only: a missing database is an error here,
        # never a silently created empty one. Only create_schema passes "rwc".
        connection = sqlite3.connect(
            f"{self._uri}?mode={mode}",
            uri=True,
            timeout=BUSY_TIMEOUT_SECONDS,
            # Used by one request at a time, whichever thread runs it.
            check_same_thread=False,
        )
        # WAL lets readers go on while a worker writes; NORMAL sync keeps every
        # commit through a process crash (kill -9), at a fraction of FULL's cost.
        # https://www.sqlite.org/wal.html
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=NORMAL")
        return connection

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """An idle connection, or a new one. Reopening the database for every request
        would cost more than the query: SQLite checkpoints the WAL whenever its last
        connection closes."""
        try:
            connection = self._idle.pop()
        except IndexError:
            connection = self._open()
            self._connections.append(connection)
        try:
            # `with connection` commits, or rolls back on error.
            with connection:
                yield connection
        finally:
            self._idle.append(connection)

    def close(self) -> None:
        self._finalizer()

    def create_schema(self) -> None:
        """Create the database and the tables it lacks; safe to run again."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with closing(self._open(mode="rwc")) as connection, connection:
            connection.executescript(SCHEMA)

    def check_schema(self) -> None:
        """Fail at start-up, not at the first request, when no release step ran."""
        try:
            # A connection of its own, closed at once: gunicorn --preload runs this in
            # the server's main process, whose open connections its workers would share.
            with closing(self._open()) as connection:
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

    # The queries: one method each, run in a transaction of their own.
    def list_notes(self, limit: int, offset: int) -> list[Note]:
        """One page of notes, newest (highest id) first."""
        with self._transaction() as connection:
            rows = connection.execute(
                "SELECT id, title, body, created_at FROM note"
                " ORDER BY id DESC LIMIT ? OFFSET ?",
                (limit, offset),
            ).fetchall()
        return [Note(*row) for row in rows]

    def add(self, title: str, body: str) -> Note:
        # An explicit UTC offset, so clients never have to guess the time zone.
        created_at = datetime.now(UTC).isoformat()
        with self._transaction() as connection:
            cursor = connection.execute(
                "INSERT INTO note (title, body, created_at) VALUES (?, ?, ?)",
                (title, body, created_at),
            )
        return Note(cursor.lastrowid, title, body, created_at)

    def get(self, note_id: int) -> Note:
        with self._transaction() as connection:
            row = connection.execute(
                "SELECT id, title, body, created_at FROM note WHERE id = ?", (note_id,)
            ).fetchone()
        if row is None:
            raise NoteNotFoundError(note_id)
        return Note(*row)

    def delete(self, note_id: int) -> None:
        with self._transaction() as connection:
            cursor = connection.execute("DELETE FROM note WHERE id = ?", (note_id,))
        if cursor.rowcount == 0:
            raise NoteNotFoundError(note_id)


def _close_all(connections: list[sqlite3.Connection]) -> None:
    for connection in connections:
        connection.close()
    connections.clear()


def main() -> None:
    """The release step: create the database named by DATABASE_URL and its tables."""
    try:
        path = database_path()
    except ConfigError as error:
        sys.exit(f"Error: {error}")
    NoteStore(path).create_schema()
    print(f"Database ready: {path}")


if __name__ == "__main__":
    main()
