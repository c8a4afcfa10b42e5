"""The engine plugin: the database outlives a restart, connections close on stop."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from cherrypy.process import wspbus

from {{ cookiecutter.package_name }} import notes
from {{ cookiecutter.package_name }}.database import DatabasePlugin


def test_notes_survive_a_restart(tmp_path: Path) -> None:
    path = tmp_path / "nested" / "notes.sqlite3"
    first = DatabasePlugin(wspbus.Bus(), path)
    first.start()
    note = notes.add_note(first.connection(), "Kept", "")
    first.stop()

    second = DatabasePlugin(wspbus.Bus(), path)
    second.start()
    assert notes.list_notes(second.connection()) == [note]
    second.stop()


def test_stop_closes_the_connections(tmp_path: Path) -> None:
    plugin = DatabasePlugin(wspbus.Bus(), tmp_path / "notes.sqlite3")
    plugin.start()
    conn = plugin.connection()
    assert plugin.connection() is conn
    plugin.stop()
    with pytest.raises(sqlite3.ProgrammingError):
        conn.execute("SELECT 1")
