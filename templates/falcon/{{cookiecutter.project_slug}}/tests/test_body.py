"""Body size limits: with a Content-Length, and chunked (no Content-Length at all)."""

from __future__ import annotations

import json

import pytest
from helpers import assert_json_error

from {{ cookiecutter.package_name }}.body import {% if cookiecutter.interface == "asgi" %}BLOCK_BYTES, {% endif %}MAX_BODY_BYTES

JSON = {"Content-Type": "application/json"}


def post_chunked(client, headers, body: bytes):
{%- if cookiecutter.interface == "asgi" %}
    """Send `body` as uvicorn passes a chunked upload on: no length, in pieces."""
    sent = {**headers, "Transfer-Encoding": "chunked"}
    scope_headers = [(k.lower().encode(), v.encode()) for k, v in sent.items()]
    return client.simulate_post(
        "/api/notes",
        body=body,
        # These replace the TestClient's headers, which would add a Content-Length.
        extras={"headers": scope_headers},
        asgi_chunk_size=BLOCK_BYTES // 4,
    )
{%- else %}
    """Send `body` as gunicorn passes a chunked upload on: no Content-Length, and a
    stream that ends with the body (`wsgi.input_terminated`)."""
    return client.simulate_post(
        "/api/notes",
        body=body,
        headers={**headers, "Transfer-Encoding": "chunked", "Content-Length": ""},
        extras={"wsgi.input_terminated": True},
    )
{%- endif %}


def padded_note(size: int) -> bytes:
    """A valid note whose JSON is exactly `size` bytes, padded with spaces."""
    note = b'{"title": "x"'
    return note + b" " * (size - len(note) - 1) + b"}"


def test_padded_note_is_the_size_asked_for():
    assert len(padded_note(MAX_BODY_BYTES)) == MAX_BODY_BYTES
    assert json.loads(padded_note(MAX_BODY_BYTES)) == {"title": "x"}


def test_a_body_of_exactly_one_mebibyte_is_accepted(client, auth):
    result = client.simulate_post(
        "/api/notes", body=padded_note(MAX_BODY_BYTES), headers={**auth, **JSON}
    )
    assert result.status_code == 201


def test_a_body_over_one_mebibyte_is_413(client, auth):
    result = client.simulate_post(
        "/api/notes", body=padded_note(MAX_BODY_BYTES + 1), headers={**auth, **JSON}
    )
    assert_json_error(result, 413)
    assert client.simulate_get("/api/notes").json == []


def test_a_small_chunked_body_is_read(client, auth):
    result = post_chunked(client, {**auth, **JSON}, b'{"title": "chunked"}')
    assert result.status_code == 201
    assert result.json["title"] == "chunked"


def test_a_chunked_body_at_the_limit_is_read(client, auth):
    result = post_chunked(client, {**auth, **JSON}, padded_note(MAX_BODY_BYTES))
    assert result.status_code == 201


def test_a_chunked_body_over_one_mebibyte_is_413(client, auth):
    result = post_chunked(client, {**auth, **JSON}, padded_note(2 * MAX_BODY_BYTES))
    assert_json_error(result, 413)
    assert client.simulate_get("/api/notes").json == []


@pytest.mark.parametrize(
    ("headers", "status"),
    [({"Content-Type": "text/plain"}, 415), ({"Authorization": "Bearer wrong"}, 401)],
)
def test_auth_and_content_type_come_before_the_size(client, auth, headers, status):
    result = client.simulate_post(
        "/api/notes",
        body=padded_note(MAX_BODY_BYTES + 1),
        headers={**auth, **JSON, **headers},
    )
    assert_json_error(result, status)
