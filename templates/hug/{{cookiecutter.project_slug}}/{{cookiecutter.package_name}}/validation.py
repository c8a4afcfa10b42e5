"""Type annotations as validation: what a note and a page request must look like.

Hug validates every argument with the callable in its annotation before the function
runs; a failure becomes an answer (422, see errors.py) and the function never runs.
- Query and path arguments use hug types (`@hug.type`, extending `hug.types.text`).
- The JSON body is checked by a marshmallow 3 schema, through hug's
  `hug.types.MarshmallowInputSchema` (hug wraps any annotation with a `load` in it).
"""

from __future__ import annotations

import argparse
import json
import re
from typing import Any

import hug
from hug.exceptions import InvalidTypeData
from marshmallow import EXCLUDE, Schema, ValidationError, fields, post_load

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


def _check_text(text: str, max_length: int, forbidden: re.Pattern[str]) -> None:
    """Raise ValidationError saying what is wrong; lengths count code points."""
    if len(text) > max_length:
        raise ValidationError(
            f"must hold at most {max_length} characters, not {len(text)}."
        )
    if SURROGATE.search(text):
        raise ValidationError("must not contain unpaired surrogates.")
    if forbidden.search(text):
        raise ValidationError("must not contain control characters.")


def _check_title(title: str) -> None:
    if not title.strip():
        raise ValidationError("must not be blank.")
    _check_text(title, MAX_TITLE_LENGTH, TITLE_FORBIDDEN)


def _check_body(body: str) -> None:
    _check_text(body, MAX_BODY_LENGTH, BODY_FORBIDDEN)


class NoteSchema(Schema):
    """A new note: `{"title": "...", "body": "..."}`; other fields are ignored."""

    class Meta:
        unknown = EXCLUDE

    # fields.String refuses numbers, booleans, lists and null ("Not a valid string.").
    title = fields.String(required=True, validate=_check_title)
    body = fields.String(load_default="", validate=_check_body)

    @post_load
    def strip_title(self, data: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
        # Checked as sent, stored without surrounding whitespace.
        data["title"] = data["title"].strip()
        return data


# hug's marshmallow type, made usable by hug's CLI too: the CLI hands each type to
# argparse, which calls it with the value alone (a JSON string) and reports only
# ArgumentTypeError, TypeError and ValueError.
class SchemaInput(hug.types.MarshmallowInputSchema):
    __name__ = "JSON object"

    @property
    def __doc__(self) -> str:
        # The help of the argument in `notes add --help`, and in hug's documentation.
        return self.schema.__doc__ or self.__name__

    def __call__(self, value: Any, context: Any = None) -> Any:
        try:
            return super().__call__(value, context)
        except InvalidTypeData as error:
            if context is not None:
                raise  # HTTP and local calls: hug reports the errors of each field
            raise argparse.ArgumentTypeError(json.dumps(error.reasons)) from None


# The annotation of a new note: `add_note(body: note_input)`.
note_input = SchemaInput(NoteSchema())


def _whole_number(value: str) -> int:
    """ASCII digits only: int() alone would take "+5", " 5", "1_0" and other scripts."""
    if not (value.isascii() and value.isdigit()):
        raise ValueError(value)
    # Nothing lies beyond SQLite's largest integer, and int() refuses 4,300+ digits.
    if len(value.lstrip("0")) > len(str(MAX_SQLITE_INTEGER)):
        return MAX_SQLITE_INTEGER + 1
    return int(value)


@hug.type(
    extend=hug.types.text, error_text=f"must be a whole number from 1 to {MAX_LIMIT}."
)
def page_limit(value: str) -> int:
    """How many notes a page holds: 1 to 100"""
    limit = _whole_number(value)
    if not 1 <= limit <= MAX_LIMIT:
        raise ValueError(value)
    return limit


@hug.type(extend=hug.types.text, error_text="must be a whole number, 0 or more.")
def page_offset(value: str) -> int:
    """How many notes to skip: 0 or more"""
    return min(_whole_number(value), MAX_SQLITE_INTEGER)


class UnknownNoteIdError(ValueError):
    """Not an id a note can have; answered with 404 like an absent note."""


@hug.type(extend=hug.types.text)
def note_number(value: str) -> int:
    """A note's id: 1 to 9223372036854775807"""
    try:
        number = _whole_number(value)
    except ValueError:
        number = 0
    if not 1 <= number <= MAX_SQLITE_INTEGER:
        raise UnknownNoteIdError(f"No note has the id {value!r}.")
    return number
