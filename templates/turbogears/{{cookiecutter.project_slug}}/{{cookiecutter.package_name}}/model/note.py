"""The Note model, in SQLAlchemy 2's typed mapping.

https://docs.sqlalchemy.org/en/20/orm/quickstart.html
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import BigInteger, {% if cookiecutter.database == "postgresql" %}DateTime, {% endif %}Integer, String, Text, select
from sqlalchemy.orm import Mapped, mapped_column

from {{ cookiecutter.package_name }}.model import DBSession, DeclarativeBase

TITLE_MAX_LENGTH = 200
BODY_MAX_LENGTH = 10_000
# The largest id a signed 64-bit column holds; larger path ids are a 404.
MAX_ID = 2**63 - 1


def _now() -> datetime:
    return datetime.now(UTC)


class Note(DeclarativeBase):
    __tablename__ = "note"

    # BigInteger on PostgreSQL; SQLite's INTEGER PRIMARY KEY is 64-bit already.
    id: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer(), "sqlite"),
        primary_key=True,
    )
    title: Mapped[str] = mapped_column(String(TITLE_MAX_LENGTH))
    body: Mapped[str] = mapped_column(Text, default="")
{%- if cookiecutter.database == "postgresql" %}
    # timestamptz: PostgreSQL stores the instant, whatever the session's time zone.
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)
{%- else %}
    created_at: Mapped[datetime] = mapped_column(default=_now)
{%- endif %}

    def __json__(self) -> dict[str, object]:
        """What `@expose("json")` sends for a note (TurboGears' JSON protocol)."""
{%- if cookiecutter.database == "postgresql" %}
        # PostgreSQL returns the time in the session's time zone; the API shows UTC.
        created_at = self.created_at.astimezone(UTC)
{%- else %}
        # SQLite returns the stored UTC time without its offset: state it again.
        created_at = self.created_at.replace(tzinfo=UTC)
{%- endif %}
        return {
            "id": self.id,
            "title": self.title,
            "body": self.body,
            "created_at": created_at.isoformat(),
        }


def newest_notes(limit: int, offset: int) -> list[Note]:
    """One page of notes, newest (highest id) first."""
    query = select(Note).order_by(Note.id.desc()).limit(limit).offset(offset)
    return list(DBSession.scalars(query))
