"""The notes table: pyDAL fields whose `requires=` validators state the API's rules.

https://py4web.com/_documentation/static/en/chapter-07.html (DAL) and
https://py4web.com/_documentation/static/en/chapter-09.html (validators)
"""

from __future__ import annotations

import unicodedata
from datetime import UTC, datetime
from typing import Any

import pydal
from py4web import Field
from pydal.validators import ValidationError, Validator

from . import settings
from .common import db

TITLE_MAX_LENGTH = 200
BODY_MAX_LENGTH = 10_000


class NoteText(Validator):
    """A string of bounded length without control characters but those `allowed`.

    `strip=True` also refuses blank text and stores it without surrounding whitespace.
    """

    def __init__(self, max_length: int, *, allowed: str = "", strip: bool = False):
        self.max_length = max_length
        self.allowed = allowed
        self.strip = strip

    def validate(self, value: Any, record_id: Any = None) -> str:
        if not isinstance(value, str):
            raise ValidationError("must be a string")
        if any("\ud800" <= char <= "\udfff" for char in value):
            raise ValidationError("must be valid Unicode text (no lone surrogate)")
        if len(value) > self.max_length:
            raise ValidationError(f"must be at most {self.max_length} characters")
        if any(
            unicodedata.category(char) == "Cc" and char not in self.allowed
            for char in value
        ):
            raise ValidationError("must not contain control characters")
        if self.strip:
            if not value.strip():
                raise ValidationError("must not be blank")
            return value.strip()
        return value


def utc_now() -> datetime:
    """pyDAL stores naive datetimes: these are always UTC."""
    return datetime.now(UTC).replace(tzinfo=None)


db.define_table(
    "note",
    Field(
        "title",
        "string",
        length=TITLE_MAX_LENGTH,
        requires=NoteText(TITLE_MAX_LENGTH, strip=True),
    ),
    Field(
        "body",
        "text",
        default="",
        requires=NoteText(BODY_MAX_LENGTH, allowed="\n\r\t"),
    ),
    Field("created_at", "datetime", default=utc_now, writable=False, readable=False),
)


def as_json(note: Any) -> dict[str, Any]:
    """A note as the API answers it: `created_at` in UTC with its offset."""
    return {
        "id": note.id,
        "title": note.title,
        "body": note.body,
        "created_at": note.created_at.replace(tzinfo=UTC).isoformat(),
    }


def check_tables() -> None:
    """Production does not migrate: stop at start when the release step never ran.

    A connection of its own, closed at once: none may cross gunicorn's fork (--preload).
    """
{%- if cookiecutter.database == "postgresql" %}
    probe = pydal.DAL(
        settings.DATABASE_URL, migrate=False, attempts=1, decode_credentials=True
    )
{%- else %}
    probe = pydal.DAL(settings.DATABASE_URL, folder=settings.DB_FOLDER, migrate=False)
{%- endif %}
    try:
        probe.executesql("SELECT 1 FROM note LIMIT 1")
    except Exception as error:  # any driver's "no such table" or "cannot open"
        # The driver's own message, first line only (PostgreSQL adds the query below).
        reason = str(error).strip().partition("\n")[0]
        raise RuntimeError(
            f"The database has no usable table note ({reason}): run "
            "`DB_MIGRATE=1 python -m {{ cookiecutter.package_name }}.wsgi` "
            "(the Procfile's release: step) first."
        ) from None
    finally:
        probe.close()

{%- if cookiecutter.database == "postgresql" %}


def close_loading_connection() -> None:
    """The connection the DAL opened while the app loaded, closed rather than pooled:
    gunicorn forks its workers after this (--preload), and each opens its own."""
    adapter = db._adapter  # noqa: SLF001
    adapter.close_connection()
    adapter.set_connection(None)
{%- endif %}


if settings.PRODUCTION and not settings.DB_MIGRATE:
    check_tables()
{%- if cookiecutter.database == "postgresql" %}
if settings.PRODUCTION:
    close_loading_connection()
{%- endif %}
