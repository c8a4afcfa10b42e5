from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from {{ cookiecutter.package_name }}.store import NoteNotFoundError, NoteStore


@pytest.fixture
def store(tmp_path) -> NoteStore:
    store = NoteStore(tmp_path / "data" / "notes.sqlite3")
    store.create_schema()
    return store


def test_parallel_adds_get_distinct_ids(store):
    with ThreadPoolExecutor(max_workers=10) as pool:
        notes = list(pool.map(lambda n: store.add(f"Note {n}", ""), range(20)))
    assert len({note.id for note in notes}) == 20
    assert len(store.list_notes()) == 20


def test_ids_are_not_reused_after_a_delete(store):
    first = store.add("First", "")
    store.delete(first.id)
    assert store.add("Second", "").id > first.id


def test_missing_note_raises_a_domain_error(store):
    with pytest.raises(NoteNotFoundError, match="Note 7 does not exist"):
        store.get(7)
