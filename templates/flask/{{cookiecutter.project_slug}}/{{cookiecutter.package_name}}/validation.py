"""Reading requests: the JSON body, the note's fields and the page, each rule once.

The HTML form (forms.py) checks the same title and body rules.
https://flask.palletsprojects.com/en/stable/api/#incoming-request-data
"""

from __future__ import annotations

import json
import re
from typing import Any

from flask import abort, request
from werkzeug.exceptions import RequestEntityTooLarge, UnprocessableEntity

from .models import BODY_MAX_LENGTH, MAX_ID, TITLE_MAX_LENGTH

DEFAULT_LIMIT = 50
MAX_LIMIT = 100
# Control characters (Unicode category Cc: U+0000-U+001F and U+007F-U+009F) are not
# allowed in a title; a body may hold line breaks and tabs (\n, \r, \t) but no other.
_TITLE_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_BODY_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Unpaired surrogates (JSON "\ud800") are not characters: no database can store them.
_SURROGATE = re.compile(r"[\ud800-\udfff]")


class InvalidFields(UnprocessableEntity):
    """A 422 that names each invalid field; the JSON error handler adds `errors`."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("Some fields are invalid; see errors.")
        self.errors = errors


def title_problem(title: object) -> str | None:
    """What is wrong with `title` as a note's title, or None when it is fine."""
    if not isinstance(title, str):
        return "The title must be a string."
    # Counted as sent, in characters (code points), before the title is stripped.
    if not 1 <= len(title) <= TITLE_MAX_LENGTH:
        return f"The title must be 1 to {TITLE_MAX_LENGTH} characters long."
    if not title.strip():
        return "The title must not be blank."
    return _text_problem(title, _TITLE_CONTROL, "The title must be one line of text")


def body_problem(body: object) -> str | None:
    """What is wrong with `body` as a note's body, or None when it is fine."""
    if not isinstance(body, str):
        return "The body must be a string."
    if len(body) > BODY_MAX_LENGTH:
        return f"The body must be at most {BODY_MAX_LENGTH} characters long."
    return _text_problem(body, _BODY_CONTROL, "The body must be text")


def _text_problem(text: str, control: re.Pattern[str], must: str) -> str | None:
    if _SURROGATE.search(text):
        return f"{must}: it holds an unpaired surrogate, which is not a character."
    if control.search(text):
        return f"{must}, without control characters."
    return None


def note_fields() -> dict[str, str]:
    """The title and body of a new note from the request; 415, 413, 400 or 422."""
    payload = _json_object()
    title, body = payload.get("title"), payload.get("body", "")
    errors = {}
    if "title" not in payload:
        errors["title"] = "The title is required."
    elif problem := title_problem(title):
        errors["title"] = problem
    if problem := body_problem(body):
        errors["body"] = problem
    if errors:
        raise InvalidFields(errors)
    return {"title": title.strip(), "body": body}


def _json_object() -> dict[str, Any]:
    """The request's JSON object: 415, 413 or 400 otherwise, in that order."""
    # request.get_json() would also take application/*+json and UTF-16 bodies.
    if request.mimetype != "application/json":
        abort(415, "The request body must be JSON (Content-Type: application/json).")
    data = _body()
    try:
        payload = json.loads(data.decode("utf-8"))
    # RecursionError: deeply nested arrays are not JSON this API can use either.
    except (ValueError, RecursionError):
        abort(400, "The request body is not valid JSON in UTF-8.")
    if not isinstance(payload, dict):
        abort(400, "The request body must be a JSON object.")
    return payload


def _body() -> bytes:
    """The request body; 413 when it is over MAX_CONTENT_LENGTH."""
    # 413 at once when the Content-Length header announces too much.
    data = request.get_data()
    # A chunked body has no Content-Length, and Werkzeug stops reading at the limit
    # without a word: one byte more means the body was too large.
    at_limit = len(data) == request.max_content_length
    if request.content_length is None and at_limit and request.input_stream.read(1):
        raise RequestEntityTooLarge()
    return data


def page() -> tuple[int, int]:
    """`limit` and `offset` from the query string; a 422 names each invalid one."""
    limit = _query_number("limit", DEFAULT_LIMIT)
    offset = _query_number("offset", 0)
    errors = {}
    if limit is None or not 1 <= limit <= MAX_LIMIT:
        errors["limit"] = f"The limit must be a whole number from 1 to {MAX_LIMIT}."
    if offset is None:
        errors["offset"] = "The offset must be a whole number, 0 or more."
    if errors:
        raise InvalidFields(errors)
    # No page starts past the largest id, and the database cannot count further.
    return limit, min(offset, MAX_ID)


def _query_number(name: str, default: int) -> int | None:
    """The query parameter as a number, or None when it is not ASCII digits only."""
    value = request.args.get(name)
    if value is None:
        return default
    # int() would also accept "+5", " 5", "5_0" and other scripts' digits.
    if not (value.isascii() and value.isdigit()):
        return None
    # Past 19 digits only the size matters; 20 exceed every bound (and int() refuses
    # strings over 4,300 digits).
    return int(value.lstrip("0")[:20] or "0")
