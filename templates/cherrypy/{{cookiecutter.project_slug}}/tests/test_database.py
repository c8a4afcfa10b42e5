"""The database: the release step, the startup check, concurrency, the engine plugin."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest
from cherrypy.process import wspbus

from {{ cookiecutter.package_name }} import database, store
from {{ cookiecutter.package_name }}.database import DatabasePlugin


def test_release_step_creates_the_schema_and_may_run_again(tmp_path: Path) -> None:
    path = tmp_path / "nested" / "notes.sqlite3"
    database.create_schema(path)
    database.create_schema(path)
    database.check_schema(path)


def test_every_connection_uses_wal_and_waits_when_busy(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    database.create_schema(path)
    conn = database.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] == 5000
    # 1 is NORMAL: with WAL, a committed write survives a crash of the process.
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 1
    conn.close()


def test_a_second_writer_waits_instead_of_failing(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    database.create_schema(path)
    first, second = database.connect(path), database.connect(path)
    first.execute("BEGIN IMMEDIATE")
    # The first writer holds the lock for a moment; the second waits its turn.
    threading.Timer(0.2, first.commit).start()
    note = store.add_note(second, "Waited", "")
    assert store.get_note(first, note["id"]) == note
    first.close()
    second.close()


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (None, "cannot open"),
        (b"", "no table note"),
        (b"not a database, just text" * 100, "cannot open"),
    ],
    ids=["missing", "empty", "not-sqlite"],
)
def test_startup_check_names_the_release_step(
    tmp_path: Path, content: bytes | None, problem: str
) -> None:
    path = tmp_path / "notes.sqlite3"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(database.DatabaseNotReady, match=problem) as error:
        database.check_schema(path)
    assert database.RELEASE_COMMAND in str(error.value)


def test_release_step_reports_an_unwritable_place(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("")
    with pytest.raises(database.DatabaseNotReady, match="cannot create"):
        database.create_schema(tmp_path / "file" / "notes.sqlite3")


def test_notes_survive_a_restart(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    database.create_schema(path)
    first = DatabasePlugin(wspbus.Bus(), path)
    first.start()
    note = store.add_note(first.connection(), "Kept", "")
    first.stop()

    second = DatabasePlugin(wspbus.Bus(), path)
    second.start()
    assert store.list_notes(second.connection(), 10, 0) == ([note], False)
    second.stop()


def test_stop_closes_the_connections(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    database.create_schema(path)
    plugin = DatabasePlugin(wspbus.Bus(), path)
    plugin.start()
    conn = plugin.connection()
    assert plugin.connection() is conn
    plugin.stop()
    with pytest.raises(sqlite3.ProgrammingError):
        conn.execute("SELECT 1")
