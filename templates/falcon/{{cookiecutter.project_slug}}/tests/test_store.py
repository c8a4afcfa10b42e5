from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing

import pytest

from {{ cookiecutter.package_name }}.store import (
    MAX_SQLITE_INTEGER,
    DatabaseNotReadyError,
    NoteNotFoundError,
    NoteStore,
)


@pytest.fixture
def store(tmp_path) -> Iterator[NoteStore]:
    store = NoteStore(tmp_path / "data" / "notes.sqlite3")
    store.create_schema()
    yield store
    store.close()


def test_the_database_runs_in_wal_mode(store):
    store.add("First", "")
    with closing(sqlite3.connect(store.path)) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_connections_are_reused_and_closed_with_the_store(tmp_path):
    store = NoteStore(tmp_path / "notes.sqlite3")
    store.create_schema()
    for n in range(3):
        store.add(f"Note {n}", "")
    [connection] = store._connections
    store.close()
    with pytest.raises(sqlite3.ProgrammingError, match="closed"):
        connection.execute("SELECT 1")


def test_create_schema_is_safe_to_run_again(store):
    note = store.add("Kept", "")
    store.create_schema()
    assert store.get(note.id) == note


def test_parallel_adds_get_distinct_ids(store):
    with ThreadPoolExecutor(max_workers=10) as pool:
        notes = list(pool.map(lambda n: store.add(f"Note {n}", ""), range(20)))
    assert len({note.id for note in notes}) == 20
    assert len(store.list_notes(limit=100, offset=0)) == 20


def test_list_pages_newest_first(store):
    ids = [store.add(f"Note {n}", "").id for n in range(5)]
    assert [n.id for n in store.list_notes(limit=2, offset=1)] == ids[::-1][1:3]
    assert store.list_notes(limit=50, offset=MAX_SQLITE_INTEGER) == []


def test_ids_are_not_reused_after_a_delete(store):
    first = store.add("First", "")
    store.delete(first.id)
    assert store.add("Second", "").id > first.id


def test_missing_note_raises_a_domain_error(store):
    with pytest.raises(NoteNotFoundError, match="Note 7 does not exist"):
        store.get(7)
    with pytest.raises(NoteNotFoundError):
        store.delete(7)


def test_check_schema_passes_once_the_release_step_ran(store):
    store.check_schema()


def test_a_missing_database_is_not_created_by_the_app(tmp_path):
    store = NoteStore(tmp_path / "missing.sqlite3")
    with pytest.raises(DatabaseNotReadyError, match="python -m .*store"):
        store.check_schema()
    assert not store.path.exists()


def test_a_database_without_the_table_is_not_ready(tmp_path):
    path = tmp_path / "empty.sqlite3"
    sqlite3.connect(path).close()
    with pytest.raises(DatabaseNotReadyError, match="no note table"):
        NoteStore(path).check_schema()
