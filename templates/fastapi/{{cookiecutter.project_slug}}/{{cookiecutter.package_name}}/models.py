"""The database table, as a SQLAlchemy 2 typed declarative model; no HTTP in here.

The API's own shapes are the Pydantic models of schemas.py: the table can change without
changing the API, and the other way round.
https://docs.sqlalchemy.org/en/20/orm/quickstart.html
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import {% if cookiecutter.database == "postgresql" %}BigInteger, {% endif %}DateTime, Dialect, String, Text, TypeDecorator
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class UTCDateTime(TypeDecorator[datetime]):
    """Stores UTC and reads it back as an aware datetime (SQLite keeps no time zone)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(
        self, value: datetime | None, dialect: Dialect
    ) -> datetime | None:
        return value.astimezone(UTC).replace(tzinfo=None) if value else None

    def process_result_value(
        self, value: datetime | None, dialect: Dialect
    ) -> datetime | None:
        return value.replace(tzinfo=UTC) if value else None


class NoteRecord(Base):
    __tablename__ = "note"
{%- if cookiecutter.database == "postgresql" %}

    # bigint holds every id the API accepts (up to 2**63 - 1); integer stops at 2**31.
    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
{%- else %}
    # AUTOINCREMENT: SQLite never reuses the id of a deleted note.
    __table_args__ = {"sqlite_autoincrement": True}

    id: Mapped[int] = mapped_column(primary_key=True)
{%- endif %}
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(
        UTCDateTime, default=lambda: datetime.now(UTC)
    )
