"""The body of a write: media type (415), size (413, chunked too), then JSON (400).

Chunked uploads and bytes that are not UTF-8 go through the WSGI app hug builds
(`app.__hug__.http.server()`), since `hug.test` always sends a sized text body."""

from __future__ import annotations

import io
import json

import hug
import pytest
from falcon.testing import StartResponseMock, create_environ

from {{ cookiecutter.package_name }} import app
from {{ cookiecutter.package_name }}.body import MAX_BODY_BYTES

pytestmark = pytest.mark.usefixtures("notes_db")


def post_raw(auth, body: bytes, content_type="application/json", chunked=False):
    """POST `body`; chunked: without Content-Length, as gunicorn hands it over."""
    headers = {**auth, "Content-Type": content_type}
    environ = create_environ(
        path="/api/notes", method="POST", headers=headers, body=body
    )
    if chunked:
        environ.pop("CONTENT_LENGTH", None)
        environ["wsgi.input"] = io.BytesIO(body)
        environ["wsgi.input_terminated"] = True
    start_response = StartResponseMock()
    result = b"".join(app.__hug__.http.server()(environ, start_response))
    return start_response.status, json.loads(result) if result else None


@pytest.mark.parametrize(
    "content_type",
    ["text/plain", "application/vnd.api+json", "application/x-www-form-urlencoded", ""],
)
def test_other_media_types_are_415(auth, content_type):
    status, body = post_raw(auth, b'{"title": "x"}', content_type)
    assert status == "415 Unsupported Media Type"
    assert list(body) == ["message"]


@pytest.mark.parametrize(
    "content_type",
    ["application/json; charset=utf-8", "Application/JSON", "application/json;"],
)
def test_json_media_type_is_case_insensitive_with_parameters(auth, content_type):
    status, body = post_raw(auth, b'{"title": "x"}', content_type)
    assert status == "201 Created"
    assert body["title"] == "x"


def test_a_small_chunked_body_is_read(auth):
    status, body = post_raw(
        auth, b'{"title": "chunked", "body": "small"}', chunked=True
    )
    assert status == "201 Created"
    assert (body["title"], body["body"]) == ("chunked", "small")


@pytest.mark.parametrize("chunked", [False, True])
def test_bodies_over_one_mebibyte_are_413(auth, chunked):
    big = b'{"title": "x", "body": "' + b"b" * MAX_BODY_BYTES + b'"}'
    status, body = post_raw(auth, big, chunked=chunked)
    assert status == "413 Payload Too Large"
    assert list(body) == ["message"]
    assert hug.test.get(app, "/api/notes").data == []


@pytest.mark.parametrize(
    "raw",
    [
        b'{"title": ',
        b'{"title": "\xff\xfe"}',
        '{"title": "x"}'.encode("utf-16"),
        b'[{"title": "x"}]',
        b'"title"',
        b"null",
        b"[" * 100_000,
        b"",
    ],
)
def test_bodies_that_are_not_a_json_object_are_400(auth, raw):
    status, body = post_raw(auth, raw)
    assert status == "400 Bad Request"
    assert list(body) == ["message"]


def test_an_empty_chunked_body_is_400(auth):
    status, _ = post_raw(auth, b"", chunked=True)
    assert status == "400 Bad Request"
