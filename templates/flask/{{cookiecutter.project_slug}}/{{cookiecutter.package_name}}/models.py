"""The models: each class maps to a table.

https://flask-sqlalchemy.readthedocs.io/en/stable/models/
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import DateTime, ScalarResult, String, Text, select
from sqlalchemy.orm import Mapped, mapped_column

from .db import db

TITLE_MAX_LENGTH = 200
BODY_MAX_LENGTH = 10_000


def _now() -> datetime:
    return datetime.now(UTC)


class Note(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(TITLE_MAX_LENGTH))
    body: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=_now, index=True
    )

    def to_dict(self) -> dict[str, Any]:
        """The note as the JSON API shows it."""
        # SQLite returns naive datetimes; every stored value is UTC.
        created_at = self.created_at.replace(tzinfo=self.created_at.tzinfo or UTC)
        return {
            "id": self.id,
            "title": self.title,
            "body": self.body,
            "created_at": created_at.isoformat(),
        }


def newest_notes() -> ScalarResult[Note]:
    """Every note, newest first; ids grow with each insert, so they break ties."""
    return db.session.scalars(
        select(Note).order_by(Note.created_at.desc(), Note.id.desc())
    )
