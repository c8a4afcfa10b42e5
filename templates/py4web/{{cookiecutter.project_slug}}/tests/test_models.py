"""The notes table, its validators and {% if cookiecutter.database == "postgresql" %}its PostgreSQL database{% else %}the SQLite settings of every connection{% endif %}."""

from __future__ import annotations

from datetime import datetime
{%- if cookiecutter.database == "postgresql" %}
from getpass import getuser
{%- endif %}
from types import ModuleType
from typing import Any

import pytest
{%- if cookiecutter.database == "postgresql" %}
import webtest
{%- endif %}


def test_validators_return_what_is_stored(default_app: ModuleType) -> None:
    NoteText = default_app.models.NoteText
    assert NoteText(200, strip=True).validate("  a title ") == "a title"
    assert NoteText(10, allowed="\n").validate(" a\nb ") == " a\nb "


def test_created_at_is_utc(default_app: ModuleType, db: Any) -> None:
    note_id = db.note.insert(title="x")
    note = default_app.models.as_json(db.note(note_id))
    assert note["created_at"].endswith("+00:00")
    assert datetime.fromisoformat(note["created_at"]).utcoffset().total_seconds() == 0


{%- if cookiecutter.database == "postgresql" %}


def test_ids_are_bigint_up_to_the_largest_the_api_accepts(
    db: Any, app: webtest.TestApp
) -> None:
    largest = 2**63 - 1
    db.note.insert(id=largest, title="last")
    db.commit()
    assert app.get(f"/api/notes/{largest}").json["title"] == "last"


def test_migration_files_live_in_the_database(db: Any) -> None:
    """pyDAL's record of the table: any release step, from any folder, finds it."""
    rows = db.executesql("SELECT path FROM web2py_filesystem")
    assert ("{{ cookiecutter.package_name }}_note.table",) in rows


@pytest.mark.parametrize(
    ("url", "uri"),
    [
        ("postgresql://u:p%40ss@db:5433/n", "postgres://u:p%40ss@db:5433/n"),
        ("postgres://u@db/n?sslmode=require", "postgres://u:@db/n?sslmode=require"),
        ("postgresql://u@/n", "postgres://u:@/n?{socket}.5432"),
        (
            "postgresql://:6543/n?sslmode=off",
            "postgres://{user}:@/n?sslmode=off&{socket}.6543",
        ),
        ("postgresql:///n", "postgres://{user}:@/n?{socket}.5432"),
    ],
)
def test_postgresql_urls_become_pydal_uris(
    default_app: ModuleType, url: str, uri: str
) -> None:
    settings = default_app.settings
    socket = f"unix_socket={settings.SOCKET_FOLDER}/.s.PGSQL"
    expected = uri.format(user=getuser(), socket=socket)
    assert settings.pydal_uri(url) == expected


def test_other_urls_are_refused(default_app: ModuleType) -> None:
    with pytest.raises(RuntimeError, match="postgresql://"):
        default_app.settings.pydal_uri("sqlite://storage.db")
{%- else %}


@pytest.mark.parametrize(
    ("pragma", "expected"),
    [("journal_mode", "wal"), ("busy_timeout", 5000), ("synchronous", 1)],
)
def test_sqlite_connection_settings(db: Any, pragma: str, expected: object) -> None:
    assert db.executesql(f"PRAGMA {pragma}")[0][0] == expected
{%- endif %}
