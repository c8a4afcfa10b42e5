"""What the API accepts: the fields of a note, the page parameters (no CherryPy here).

Each function returns clean values or raises `Invalid` naming every bad field, which
`api.py` answers with a 422.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from .store import MAX_ID

TITLE_MAX_LENGTH = 200
BODY_MAX_LENGTH = 10_000
BODY_CONTROLS_ALLOWED = frozenset("\n\r\t")
DEFAULT_LIMIT = 50
MAX_LIMIT = 100


class Invalid(ValueError):
    """Invalid input; `errors` maps each invalid field to its problem."""

    def __init__(self, message: str, errors: dict[str, str]) -> None:
        super().__init__(message)
        self.message = message
        self.errors = errors


def validate_note(payload: dict[str, Any]) -> tuple[str, str]:
    """Return the (title, body) to store: the title trimmed, the body "" when absent."""
    title = payload.get("title")
    body = payload.get("body", "")
    errors = {}
    if "title" not in payload:
        errors["title"] = "is required."
    elif problem := _title_problem(title):
        errors["title"] = problem
    if problem := _body_problem(body):
        errors["body"] = problem
    if errors:
        raise Invalid("The note is not valid.", errors)
    return title.strip(), body


def _title_problem(title: object) -> str | None:
    if not isinstance(title, str):
        return "must be a string."
    # Counted as sent, before trimming, in characters (code points), not bytes.
    if not 1 <= len(title) <= TITLE_MAX_LENGTH:
        return f"must hold 1 to {TITLE_MAX_LENGTH} characters."
    if not title.strip():
        return "must not be blank."
    return _text_problem(title, allowed=frozenset())


def _body_problem(body: object) -> str | None:
    if not isinstance(body, str):
        return "must be a string."
    if len(body) > BODY_MAX_LENGTH:
        return f"must hold at most {BODY_MAX_LENGTH} characters."
    return _text_problem(body, allowed=BODY_CONTROLS_ALLOWED)


def _text_problem(text: str, *, allowed: frozenset[str]) -> str | None:
    for char in text:
        if "\ud800" <= char <= "\udfff":
            # JSON can send half of a UTF-16 pair ("\ud800"); no database can store it.
            return "must not contain unpaired surrogates."
        if unicodedata.category(char) == "Cc" and char not in allowed:
            return "must not contain control characters."
    return None


def page_params(limit: object, offset: object) -> tuple[int, int]:
    """The `limit` and `offset` query parameters (strings, or absent: None)."""
    limit_value = _whole_number(limit, default=DEFAULT_LIMIT)
    offset_value = _whole_number(offset, default=0)
    errors = {}
    if limit_value is None or not 1 <= limit_value <= MAX_LIMIT:
        errors["limit"] = f"must be a whole number from 1 to {MAX_LIMIT}."
    if offset_value is None:
        errors["offset"] = "must be a whole number, 0 or more."
    if limit_value is None or offset_value is None or errors:
        raise Invalid("The query parameters are not valid.", errors)
    return limit_value, offset_value


def _whole_number(raw: object, *, default: int) -> int | None:
    """ASCII digits only; a repeated parameter arrives as a list, which is no number."""
    if raw is None:
        return default
    if not (isinstance(raw, str) and raw.isascii() and raw.isdigit()):
        return None
    digits = raw.lstrip("0") or "0"
    # int() refuses 4,300 digits and more; past the largest id there are no notes.
    return int(digits) if len(digits) <= 19 else MAX_ID


def note_id(raw: str) -> int | None:
    """The id in `/api/notes/<id>`: ASCII digits for an id SQLite can hold, or None."""
    if not (raw.isascii() and raw.isdigit() and len(raw) <= 20):
        return None
    value = int(raw)
    return value if 1 <= value <= MAX_ID else None
