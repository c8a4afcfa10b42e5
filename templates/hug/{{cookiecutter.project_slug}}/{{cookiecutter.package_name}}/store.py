"""Notes kept in SQLite with the standard library's `sqlite3`; no HTTP in here.

Connections stay open and serve one call at a time, so a store is safe to share
between threads; every gunicorn worker has its own, and SQLite's file locking orders
their writes.

Run as a module it is the release step and the start-up check of the Procfile:
`{{ cookiecutter.__release_command }}` creates the database and its tables;
`python -m {{ cookiecutter.package_name }}.store check` refuses (one line, exit 1) when
API_TOKEN or the table is missing, before gunicorn starts.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import weakref
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .config import ConfigError, Settings, database_path

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
    """No note has this id; `notes.note_not_found` answers it with 404."""

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
        # Open connections no call is using. list.append and list.pop are atomic,
        # so threads can share this pool without a lock.
        self._idle: list[sqlite3.Connection] = []
        # Close them all when the store goes away, or at exit.
        self._finalizer = weakref.finalize(self, _close_all, self._connections)

    def _open(self, mode: str = "rw") -> sqlite3.Connection:
        # mode=rw opens an existing file only: a missing database is an error here,
        # never a silently created empty one. Only create_schema passes "rwc".
        connection = sqlite3.connect(
            f"{self._uri}?mode={mode}",
            uri=True,
            timeout=BUSY_TIMEOUT_SECONDS,
            check_same_thread=False,
        )
        # WAL lets readers go on while a worker writes; NORMAL sync keeps every
        # commit through a process crash (kill -9). https://www.sqlite.org/wal.html
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=NORMAL")
        return connection

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """An idle connection, or a new one: reopening SQLite for every request would
        cost more than the query (it checkpoints the WAL as its last connection closes).
        """
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


# One store per database file and process, opened on first use.
_STORES: dict[Path, NoteStore] = {}


def store_for(path: Path) -> NoteStore:
    try:
        return _STORES[path]
    except KeyError:
        store = NoteStore(path)
        # Once per process: a missing release step is named, not a bare sqlite3 error.
        store.check_schema()
        return _STORES.setdefault(path, store)


def close_stores() -> None:
    """Close every store this process opened (tests switch databases)."""
    for store in _STORES.values():
        store.close()
    _STORES.clear()


def main(argv: list[str] | None = None) -> None:
    """`create`: the release step. `check`: what the web process needs, first."""
    parser = argparse.ArgumentParser(prog="python -m {{ cookiecutter.package_name }}.store")
    parser.add_argument("action", choices=["create", "check"])
    action = parser.parse_args(argv).action
    try:
        if action == "create":
            path = database_path()
            NoteStore(path).create_schema()
            print(f"Database ready: {path}")
        else:
            NoteStore(Settings.from_env().database_path).check_schema()
    except (ConfigError, DatabaseNotReadyError) as error:
        sys.exit(f"Error: {error}")


if __name__ == "__main__":
    main()
