"""The models: each class maps to a table.

https://flask-sqlalchemy.readthedocs.io/en/stable/models/
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import {% if cookiecutter.database == "postgresql" %}BigInteger, {% endif %}DateTime, Row, String, Text, select
from sqlalchemy.orm import Mapped, mapped_column

from .db import db

TITLE_MAX_LENGTH = 200
BODY_MAX_LENGTH = 10_000
# The largest integer SQLite (and PostgreSQL's bigint) can hold: 2**63 - 1.
MAX_ID = 9_223_372_036_854_775_807


def _now() -> datetime:
    return datetime.now(UTC)


class Note(db.Model):
{%- if cookiecutter.database == "postgresql" %}
    # bigint holds every id the API accepts (up to 2**63 - 1); integer stops at 2**31.
    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
{%- else %}
    id: Mapped[int] = mapped_column(primary_key=True)
{%- endif %}
    title: Mapped[str] = mapped_column(String(TITLE_MAX_LENGTH))
    body: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)


def as_json(note: Note | Row[Any]) -> dict[str, Any]:
    """A note as the JSON API shows it, from a Note or from a row of its columns."""
{%- if cookiecutter.database == "postgresql" %}
    # PostgreSQL returns the time in the session's time zone; the API shows UTC, with
    # its offset ("+00:00").
    created_at = note.created_at.astimezone(UTC)
{%- else %}
    # SQLite returns naive datetimes; every stored value is UTC, and the API says so
    # with an explicit offset ("+00:00").
    created_at = note.created_at
    created_at = created_at.replace(tzinfo=created_at.tzinfo or UTC)
{%- endif %}
    return {
        "id": note.id,
        "title": note.title,
        "body": note.body,
        "created_at": created_at.isoformat(),
    }


def newest_notes(limit: int | None = None, offset: int = 0) -> Sequence[Row[Any]]:
    """Notes newest first (ids grow with each insert), `limit` of them from `offset`.

    Rows of the columns rather than Note instances: a list only reads them, and
    skipping the ORM's identity map makes a page of 50 about a third cheaper.
    """
    columns = (Note.id, Note.title, Note.body, Note.created_at)
    query = select(*columns).order_by(Note.id.desc()).limit(limit).offset(offset)
    return db.session.execute(query).all()
