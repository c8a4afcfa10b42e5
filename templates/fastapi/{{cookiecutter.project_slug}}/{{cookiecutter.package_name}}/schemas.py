"""The API's shapes as Pydantic v2 models: they validate input, serialize output, and
are what FastAPI writes into the OpenAPI document (/openapi.json).

https://fastapi.tiangolo.com/tutorial/body/ and https://docs.pydantic.dev/latest/concepts/fields/
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

MAX_TITLE_LENGTH = 200
MAX_BODY_LENGTH = 10_000
# The largest id SQLite (and PostgreSQL's bigint) can store.
MAX_ID = 2**63 - 1
# One line with at least one character that is not whitespace (as Python's str.strip
# sees it), and no control character (category Cc: U+0000-U+001F, U+007F-U+009F).
TITLE_PATTERN = (
    r"^[^\u0000-\u001f\u007f-\u009f]*"
    r"[^\u0000-\u0020\u007f-\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"
    r"[^\u0000-\u001f\u007f-\u009f]*$"
)
# Any text but control characters; tab, line feed and carriage return are allowed.
BODY_PATTERN = r"^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]*$"
# What the 422 answer says when a field does not match its pattern.
PATTERN_PROBLEMS = {
    "title": "must be one line, not only whitespace, without control characters.",
    "body": "must not hold control characters other than tab and line breaks.",
}


class NoteIn(BaseModel):
    """A new note, as a client sends it; unknown fields are ignored."""

    # The limits apply to the title as sent; AfterValidator then trims it for storage.
    title: Annotated[
        str,
        Field(min_length=1, max_length=MAX_TITLE_LENGTH, pattern=TITLE_PATTERN),
        AfterValidator(str.strip),
    ]
    body: Annotated[str, Field(max_length=MAX_BODY_LENGTH, pattern=BODY_PATTERN)] = ""


class Note(BaseModel):
    """A stored note, as the API answers it."""

    # from_attributes: built straight from the SQLAlchemy record's attributes;
    # extra="forbid": the OpenAPI document promises exactly these keys.
    model_config = ConfigDict(from_attributes=True, extra="forbid")

    id: int = Field(ge=1, le=MAX_ID)
    title: str = Field(min_length=1, max_length=MAX_TITLE_LENGTH)
    body: str = Field(max_length=MAX_BODY_LENGTH)
    # Serialized as RFC 3339 in UTC, e.g. "2025-01-31T12:00:00.123456Z".
    created_at: datetime = Field(json_schema_extra={"pattern": r"([Zz]|\+00:00)$"})


class Error(BaseModel):
    """Every error answer: one sentence for a human."""

    model_config = ConfigDict(extra="forbid")

    message: str = Field(min_length=1)


class InvalidFields(Error):
    """A 422 answer also names each invalid field and its problem."""

    errors: dict[str, str] = Field(min_length=1)
