"""The SQLite database: connections, the release step, the engine plugin owning it.

The plugin is subscribed to the engine's bus: its `start` and `stop` run when the server
starts and stops. https://docs.cherrypy.dev/en/latest/extend.html#create-a-plugin
"""

from __future__ import annotations

import sqlite3
import threading
from contextlib import closing
from pathlib import Path

from cherrypy.process import plugins, wspbus

from .store import SCHEMA

# Seconds a writer waits for another one to finish before "database is locked".
BUSY_TIMEOUT = 5.0
RELEASE_COMMAND = f"python -m {__package__} --init-db"


class DatabaseNotReady(Exception):
    """The database cannot be opened or lacks its tables; the message says why."""


def connect(path: Path, *, create: bool = False) -> sqlite3.Connection:
    """Open the database file (it must exist unless `create`), set up for concurrency.

    Write-ahead logging lets readers go on while one connection writes, and the busy
    timeout makes a second writer wait its turn; synchronous=NORMAL still keeps every
    committed write through a crash of the process. https://sqlite.org/wal.html
    """
    mode = "rwc" if create else "rw"
    conn = sqlite3.connect(
        f"{path.resolve().as_uri()}?mode={mode}",
        uri=True,
        timeout=BUSY_TIMEOUT,
        # Only so that DatabasePlugin.stop may close it from the main thread.
        check_same_thread=False,
    )
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    return conn


def create_schema(path: Path) -> None:
    """The release step: create the file and tables when missing (safe to repeat)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with closing(connect(path, create=True)) as conn, conn:
            conn.executescript(SCHEMA)
    except (OSError, sqlite3.Error) as error:
        raise DatabaseNotReady(f"cannot create the database {path} ({error})") from None


def check_schema(path: Path) -> None:
    """Raise DatabaseNotReady unless the database opens and has every SCHEMA table."""
    try:
        with closing(connect(path)) as conn:
            found = _tables(conn)
    except sqlite3.Error as error:
        raise DatabaseNotReady(
            f"cannot open the database {path} ({error}); "
            f"run the release step first: {RELEASE_COMMAND}"
        ) from None
    missing = sorted(_schema_tables() - found)
    if missing:
        raise DatabaseNotReady(
            f"the database {path} has no table {', '.join(missing)}; "
            f"run the release step first: {RELEASE_COMMAND}"
        )


def _schema_tables() -> set[str]:
    """The tables SCHEMA creates, read from an empty database it ran on: a table added
    to SCHEMA is checked without being listed twice."""
    with closing(sqlite3.connect(":memory:")) as conn:
        conn.executescript(SCHEMA)
        return _tables(conn)


def _tables(conn: sqlite3.Connection) -> set[str]:
    rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    # sqlite_sequence and its kind are SQLite's own.
    return {name for (name,) in rows if not name.startswith("sqlite_")}


class DatabasePlugin(plugins.SimplePlugin):
    """Hands each worker thread its own connection; closes them when the engine stops.

    CherryPy serves requests on a pool of threads, and an sqlite3 connection must not be
    used by two threads at once, so each thread opens one on first use.
    """

    def __init__(self, bus: wspbus.Bus, path: Path) -> None:
        super().__init__(bus)
        self.path = path
        self._local = threading.local()
        self._lock = threading.Lock()
        self._connections: list[sqlite3.Connection] = []

    def start(self) -> None:
        # `python -m` checked the schema before starting the engine (see __main__.py).
        self.bus.log(f"Using the SQLite database {self.path}")

    def stop(self) -> None:
        with self._lock:
            for conn in self._connections:
                conn.close()
            self._connections.clear()
        self._local = threading.local()
        self.bus.log("Closed the SQLite database")

    def connection(self) -> sqlite3.Connection:
        """The calling thread's connection, opened on its first request."""
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            conn = connect(self.path)
            self._local.conn = conn
            with self._lock:
                self._connections.append(conn)
        return conn
