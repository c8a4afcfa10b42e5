"""Validators for `@validate`, and the JSON body the API reads, each rule once.

A validator is any object with `to_python` that raises `TGValidationError`;
`@validate` collects one error per field.
https://turbogears.readthedocs.io/en/latest/turbogears/validation.html
"""

from __future__ import annotations

import json
import re
from typing import Any

from tg import request
from tg.validation import TGValidationError

from {{ cookiecutter.package_name }}.errors import api_error
from {{ cookiecutter.package_name }}.model.note import BODY_MAX_LENGTH, MAX_ID, TITLE_MAX_LENGTH

MAX_BODY_BYTES = 1024 * 1024
DEFAULT_LIMIT = 50
MAX_LIMIT = 100
# Control characters (Unicode category Cc: U+0000-U+001F and U+007F-U+009F) are not
# allowed in a title; a body may hold line breaks and tabs (\n, \r, \t) but no other.
_TITLE_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_BODY_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Unpaired surrogates (JSON "\ud800") are not characters: no database can store them.
_SURROGATE = re.compile(r"[\ud800-\udfff]")
# A field the JSON object does not have (null is a value, and not a string).
_MISSING = object()


def _text_problem(text: str, control: re.Pattern[str], must: str) -> str | None:
    if _SURROGATE.search(text):
        return f"{must}: it holds an unpaired surrogate, which is not a character."
    if control.search(text):
        return f"{must}, without control characters."
    return None


class Title:
    """A note's title: 1-200 characters as sent, not blank, one line; stripped."""

    def to_python(self, value: object, state: object = None) -> str:
        if value is _MISSING or value is None:
            raise TGValidationError("The title is required.", value)
        if not isinstance(value, str):
            raise TGValidationError("The title must be a string.", value)
        # Counted as sent, in characters (code points), before the title is stripped.
        if not 1 <= len(value) <= TITLE_MAX_LENGTH:
            raise TGValidationError(
                f"The title must be 1 to {TITLE_MAX_LENGTH} characters long.", value
            )
        if not value.strip():
            raise TGValidationError("The title must not be blank.", value)
        problem = _text_problem(value, _TITLE_CONTROL, "The title must be one line")
        if problem:
            raise TGValidationError(problem, value)
        return value.strip()


class Body:
    """A note's body: optional (default ""), at most 10,000 characters."""

    def to_python(self, value: object, state: object = None) -> str:
        if value is _MISSING:
            return ""
        if not isinstance(value, str):
            raise TGValidationError("The body must be a string.", value)
        if len(value) > BODY_MAX_LENGTH:
            raise TGValidationError(
                f"The body must be at most {BODY_MAX_LENGTH} characters long.", value
            )
        problem = _text_problem(value, _BODY_CONTROL, "The body must be text")
        if problem:
            raise TGValidationError(problem, value)
        return value


class PageNumber:
    """A query parameter of ASCII digits, `low` to `high`; absent is `default`."""

    def __init__(self, default: int, low: int, high: int, message: str) -> None:
        self.default, self.low, self.high, self.message = default, low, high, message

    def to_python(self, value: object, state: object = None) -> int:
        if value is None:
            return self.default
        # int() would also accept "+5", " 5", "5_0" and other scripts' digits.
        if not (isinstance(value, str) and value.isascii() and value.isdigit()):
            raise TGValidationError(self.message, value)
        # Past 19 digits only the size matters (int() refuses over 4,300 digits).
        number = int(value.lstrip("0")[:20] or "0")
        if not self.low <= number <= self.high:
            raise TGValidationError(self.message, value)
        # No page starts past the largest id, and the database cannot count further.
        return min(number, MAX_ID)


# The rules of `POST /api/notes` and of the HTML form, for `@validate`.
NOTE_FIELDS = {"title": Title(), "body": Body()}
PAGE = {
    "limit": PageNumber(
        DEFAULT_LIMIT,
        1,
        MAX_LIMIT,
        f"The limit must be a number from 1 to {MAX_LIMIT}.",
    ),
    "offset": PageNumber(0, 0, 10**20, "The offset must be a whole number, 0 or more."),
}


def note_fields(payload: dict[str, Any]) -> dict[str, str]:
    """The validated title and body of a JSON payload; 422 names each invalid field."""
    values, errors = {}, {}
    for name, validator in NOTE_FIELDS.items():
        try:
            values[name] = validator.to_python(payload.get(name, _MISSING))
        except TGValidationError as error:
            errors[name] = str(error)
    if errors:
        raise api_error(422, "Some fields are invalid; see errors.", errors)
    return values


def json_object() -> dict[str, Any]:
    """The request's JSON object: 415, 413 or 400 otherwise, in that order."""
    # Exactly application/json, parameters (charset) allowed.
    if request.content_type.lower() != "application/json":
        raise api_error(
            415, "The request body must be JSON (Content-Type: application/json)."
        )
    data = _body()
    try:
        payload = json.loads(data.decode("utf-8"))
    # RecursionError: deeply nested arrays are not JSON this API can use either.
    except (ValueError, RecursionError):
        raise api_error(400, "The request body is not valid JSON in UTF-8.") from None
    if not isinstance(payload, dict):
        raise api_error(400, "The request body must be a JSON object.")
    return payload


def _body() -> bytes:
    """At most 1 MiB of request body; 413 beyond, announced or chunked."""
    too_large = api_error(413, "The request body is larger than 1 MiB.")
    length = request.content_length
    if length is not None and length > MAX_BODY_BYTES:
        raise too_large
    # A chunked body has no Content-Length: read one byte past the limit to know.
    data = b""
    if request.is_body_readable:
        data = request.body_file.read(MAX_BODY_BYTES + 1)
    if len(data) > MAX_BODY_BYTES:
        raise too_large
    return data
