"""The notes table, its validators and the SQLite settings of every connection."""

from __future__ import annotations

from datetime import datetime
from types import ModuleType
from typing import Any

import pytest


def test_validators_return_what_is_stored(default_app: ModuleType) -> None:
    NoteText = default_app.models.NoteText
    assert NoteText(200, strip=True).validate("  a title ") == "a title"
    assert NoteText(10, allowed="\n").validate(" a\nb ") == " a\nb "


def test_created_at_is_utc(default_app: ModuleType, db: Any) -> None:
    note_id = db.note.insert(title="x")
    note = default_app.models.as_json(db.note(note_id))
    assert note["created_at"].endswith("+00:00")
    assert datetime.fromisoformat(note["created_at"]).utcoffset().total_seconds() == 0


@pytest.mark.parametrize(
    ("pragma", "expected"),
    [("journal_mode", "wal"), ("busy_timeout", 5000), ("synchronous", 1)],
)
def test_sqlite_connection_settings(db: Any, pragma: str, expected: object) -> None:
    assert db.executesql(f"PRAGMA {pragma}")[0][0] == expected
