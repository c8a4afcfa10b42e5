"""The rules a new note follows; breaking one is a domain error answered with 422."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

MAX_TITLE_LENGTH = 200
MAX_BODY_LENGTH = 10_000


class InvalidNoteError(ValueError):
    """A field is missing or wrong; `errors.handle_invalid_note` answers it with 422."""


@dataclass(frozen=True)
class NewNote:
    title: str
    body: str


def parse_new_note(data: dict[str, Any]) -> NewNote:
    """Check the JSON object of a new note; the title is stored trimmed."""
    title = data.get("title")
    if not isinstance(title, str):
        raise InvalidNoteError("title is required and must be a string.")
    title = title.strip()
    if not 1 <= len(title) <= MAX_TITLE_LENGTH:
        raise InvalidNoteError(
            f"title must hold 1 to {MAX_TITLE_LENGTH} characters after trimming."
        )
    body = data.get("body", "")
    if not isinstance(body, str):
        raise InvalidNoteError("body must be a string.")
    if len(body) > MAX_BODY_LENGTH:
        raise InvalidNoteError(f"body must hold at most {MAX_BODY_LENGTH} characters.")
    return NewNote(title=title, body=body)
