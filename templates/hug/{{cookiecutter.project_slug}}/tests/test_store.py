"""The SQLite store, the release step, the start-up check and the settings."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from {{ cookiecutter.package_name }}.config import (
    DEVELOPMENT_API_TOKEN,
    ConfigError,
    Settings,
    database_path,
)
from {{ cookiecutter.package_name }}.store import (
    RELEASE_COMMAND,
    DatabaseNotReadyError,
    NoteNotFoundError,
    NoteStore,
    main,
)


def test_release_step_creates_the_database_once(tmp_path, monkeypatch, capsys):
    path = tmp_path / "sub" / "notes.sqlite3"
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{path}")
    main(["create"])
    main(["create"])
    assert "Database ready" in capsys.readouterr().out
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_the_start_up_check_passes_when_ready(notes_db):
    main(["check"])


def test_the_start_up_check_names_the_release_step(tmp_path, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'missing.sqlite3'}")
    monkeypatch.setenv("API_TOKEN", "x")
    with pytest.raises(SystemExit) as exit_info:
        main(["check"])
    assert RELEASE_COMMAND in str(exit_info.value)
    assert str(exit_info.value).startswith("Error: ")


def test_the_start_up_check_refuses_without_api_token(notes_db, monkeypatch):
    monkeypatch.setenv("API_TOKEN", " ")
    with pytest.raises(SystemExit) as exit_info:
        main(["check"])
    assert "API_TOKEN" in str(exit_info.value)


def test_a_database_without_the_table_is_not_ready(tmp_path):
    path = tmp_path / "empty.sqlite3"
    sqlite3.connect(path).close()
    with pytest.raises(DatabaseNotReadyError, match="no note table"):
        NoteStore(path).check_schema()


def test_store_round_trip(notes_db: Path):
    store = NoteStore(notes_db)
    note = store.add("t", "b")
    assert store.get(note.id) == note
    assert store.list_notes(10, 0) == [note]
    store.delete(note.id)
    with pytest.raises(NoteNotFoundError):
        store.get(note.id)
    with pytest.raises(NoteNotFoundError):
        store.delete(note.id)
    store.close()


def test_settings_from_the_environment(tmp_path):
    url = f"sqlite:///{tmp_path}/db.sqlite3"
    settings = Settings.from_env({"API_TOKEN": " secret ", "DATABASE_URL": url})
    assert settings.api_token == "secret"
    assert settings.database_path == tmp_path / "db.sqlite3"
    assert Settings.from_env({"DEBUG": "1"}).api_token == DEVELOPMENT_API_TOKEN
    with pytest.raises(ConfigError, match="API_TOKEN"):
        Settings.from_env({"API_TOKEN": ""})


@pytest.mark.parametrize("url", ["postgresql://x/y", "sqlite:///"])
def test_only_sqlite_urls(url):
    with pytest.raises(ConfigError, match="DATABASE_URL"):
        database_path({"DATABASE_URL": url})


def test_a_bad_database_url_stops_the_release_step(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "mysql://x")
    with pytest.raises(SystemExit, match="DATABASE_URL"):
        main(["create"])
