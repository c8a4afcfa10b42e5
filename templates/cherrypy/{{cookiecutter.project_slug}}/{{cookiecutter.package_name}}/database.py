"""An engine plugin that owns the SQLite database for as long as the engine runs.

Subscribed to the engine's bus, its `start` and `stop` run when the server starts and
stops. https://docs.cherrypy.dev/en/latest/extend.html#create-a-plugin
"""

from __future__ import annotations

import sqlite3
import threading
from contextlib import closing
from pathlib import Path

from cherrypy.process import plugins, wspbus

from .notes import SCHEMA


class DatabasePlugin(plugins.SimplePlugin):
    """Creates the schema on start; hands each worker thread its own connection.

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
        self.bus.log(f"Opening the SQLite database {self.path}")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with closing(sqlite3.connect(self.path)) as conn, conn:
            conn.execute(SCHEMA)

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
            # check_same_thread=False only so that stop() may close it from the main
            # thread; the worker thread that opened it is the only one that uses it.
            conn = sqlite3.connect(self.path, check_same_thread=False)
            conn.row_factory = sqlite3.Row
            self._local.conn = conn
            with self._lock:
                self._connections.append(conn)
        return conn
