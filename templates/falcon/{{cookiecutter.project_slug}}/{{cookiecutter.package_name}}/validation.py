"""The rules a new note and a page request follow; breaking one is answered with 422.

Each rule names its field, so a client learns every problem from one answer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .store import MAX_SQLITE_INTEGER

MAX_TITLE_LENGTH = 200
MAX_BODY_LENGTH = 10_000
DEFAULT_LIMIT = 50
MAX_LIMIT = 100
# Control characters are Unicode category Cc: U+0000-U+001F and U+007F-U+009F.
TITLE_FORBIDDEN = re.compile(r"[\x00-\x1f\x7f-\x9f]")
# A body may hold line breaks and tabs, and no other control character.
BODY_FORBIDDEN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# A lone surrogate (JSON "\ud800") cannot be encoded as UTF-8, so it cannot be stored.
SURROGATE = re.compile(r"[\ud800-\udfff]")


class ValidationError(ValueError):
    """Fields are wrong; `errors.handle_validation_error` answers it with 422."""

    def __init__(self, message: str, errors: dict[str, str]) -> None:
        super().__init__(message)
        self.errors = errors


@dataclass(frozen=True)
class NewNote:
    title: str
    body: str


@dataclass(frozen=True)
class Page:
    limit: int
    offset: int


def parse_new_note(data: dict[str, Any]) -> NewNote:
    """Check the JSON object of a new note; the title is stored trimmed."""
    errors: dict[str, str] = {}
    title = data.get("title")
    if "title" not in data:
        errors["title"] = "is required."
    elif not isinstance(title, str):
        errors["title"] = "must be a string."
    elif problem := _text_problem(title, 1, MAX_TITLE_LENGTH, TITLE_FORBIDDEN):
        errors["title"] = problem
    elif not title.strip():
        errors["title"] = "must not be blank."
    body = data.get("body", "")
    if not isinstance(body, str):
        errors["body"] = "must be a string."
    elif problem := _text_problem(body, 0, MAX_BODY_LENGTH, BODY_FORBIDDEN):
        errors["body"] = problem
    if errors:
        raise ValidationError(f"Invalid note: {', '.join(errors)}.", errors)
    return NewNote(title=title.strip(), body=body)


def _text_problem(
    text: str, min_length: int, max_length: int, forbidden: re.Pattern[str]
) -> str:
    """What is wrong with `text`, or "" when nothing is. Lengths count code points."""
    if not min_length <= len(text) <= max_length:
        return f"must hold {min_length} to {max_length} characters, not {len(text)}."
    if SURROGATE.search(text):
        return "must not contain unpaired surrogates."
    if forbidden.search(text):
        return "must not contain control characters."
    return ""


def parse_page(limit: str | None, offset: str | None) -> Page:
    """`limit` 1-100 (default 50) and `offset` >= 0 (default 0), ASCII digits only."""
    errors: dict[str, str] = {}
    page_limit = _whole_number(limit, DEFAULT_LIMIT)
    if not 1 <= page_limit <= MAX_LIMIT:
        errors["limit"] = f"must be a whole number from 1 to {MAX_LIMIT}."
    page_offset = _whole_number(offset, 0)
    if page_offset < 0:
        errors["offset"] = "must be a whole number, 0 or more."
    if errors:
        raise ValidationError(f"Invalid query parameters: {', '.join(errors)}.", errors)
    return Page(limit=page_limit, offset=page_offset)


def _whole_number(value: str | None, default: int) -> int:
    """The value as an int, `default` when absent, -1 when not ASCII digits."""
    if value is None:
        return default
    # str.isdigit() alone accepts other scripts' digits; int() accepts "+5" and "1_0".
    if not (value.isascii() and value.isdigit()):
        return -1
    # Nothing lies beyond SQLite's largest integer, and int() refuses 4,300+ digits.
    if len(value.lstrip("0")) > len(str(MAX_SQLITE_INTEGER)):
        return MAX_SQLITE_INTEGER
    return min(int(value), MAX_SQLITE_INTEGER)
