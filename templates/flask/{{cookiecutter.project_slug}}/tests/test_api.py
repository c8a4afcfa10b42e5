"""The notes JSON API under /api: every answer, error cases included."""

from __future__ import annotations

import io
import json
from datetime import datetime, timedelta
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from {{ cookiecutter.package_name }}.db import db
from {{ cookiecutter.package_name }}.models import Note

MAX_ID = 2**63 - 1
MEBIBYTE = 1024 * 1024
# Path segments that are not a positive 64-bit integer in ASCII digits (URL-encoded).
NOT_IDS = {
    "zero": "0",
    "negative": "-1",
    "letters": "abc",
    "decimal": "1.5",
    "exponent": "1e3",
    "hex": "0x1",
    "2**63": str(MAX_ID + 1),
    "30-digits": "1" * 30,
    "leading-space": "%201",
    "trailing-space": "1%20",
    "arabic-one": "%D9%A1",
    "fullwidth-one": "%EF%BC%91",
}


def create(client: FlaskClient, headers: dict[str, str], **fields: Any) -> Any:
    return client.post("/api/notes", json=fields, headers=headers)


def post_raw(
    client: FlaskClient,
    data: bytes | str,
    headers: dict[str, str],
    content_type: str | None = "application/json",
) -> TestResponse:
    if content_type is not None:
        headers = {**headers, "Content-Type": content_type}
    return client.post("/api/notes", data=data, headers=headers)


def assert_json_error(response: TestResponse, status: int) -> dict[str, Any]:
    """The contract's error shape: exactly a message, plus field errors on a 422."""
    assert response.status_code == status
    assert response.mimetype == "application/json"
    error = response.json
    assert isinstance(error["message"], str) and error["message"]
    expected_keys = {"message", "errors"} if status == 422 else {"message"}
    assert set(error) == expected_keys
    return error


def assert_invalid(response: TestResponse, *fields: str) -> None:
    errors = assert_json_error(response, 422)["errors"]
    assert sorted(errors) == sorted(fields)
    assert all(isinstance(problem, str) and problem for problem in errors.values())


def assert_nothing_stored(client: FlaskClient) -> None:
    assert client.get("/api/notes").json == []


def add_notes(app: Flask, count: int) -> None:
    """Many notes at once, straight into the database."""
    with app.app_context():
        db.session.add_all([Note(title=f"note {i}") for i in range(1, count + 1)])
        db.session.commit()


# --- the happy paths ----------------------------------------------------------------


def test_list_starts_empty(client: FlaskClient) -> None:
    response = client.get("/api/notes")
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    assert response.json == []
    assert "Link" not in response.headers


def test_create_returns_the_note_and_its_location(
    client: FlaskClient, auth_headers: dict[str, str]
) -> None:
    response = create(client, auth_headers, title="  First  ", body="Hello")
    assert response.status_code == 201
    note = response.json
    assert set(note) == {"id", "title", "body", "created_at"}
    assert note["title"] == "First"
    assert note["body"] == "Hello"
    assert isinstance(note["id"], int)
    assert response.headers["Location"] == f"/api/notes/{note['id']}"
    assert client.get(response.headers["Location"]).json == note


def test_created_at_is_utc_with_an_explicit_offset(
    client: FlaskClient, auth_headers: dict[str, str]
) -> None:
    created_at = create(client, auth_headers, title="When").json["created_at"]
    assert created_at.endswith("+00:00")
    assert datetime.fromisoformat(created_at).utcoffset() == timedelta(0)


def test_body_defaults_to_empty(
    client: FlaskClient, auth_headers: dict[str, str]
) -> None:
    assert create(client, auth_headers, title="No body").json["body"] == ""


def test_unknown_fields_are_ignored(
    client: FlaskClient, auth_headers: dict[str, str]
) -> None:
    response = create(client, auth_headers, title="x", id=99, extra=1)
    assert response.status_code == 201
    assert response.json["id"] != 99
    assert "extra" not in response.json


def test_longest_title_and_body_are_accepted(
    client: FlaskClient, auth_headers: dict[str, str]
) -> None:
    # 200 characters, 201 bytes in UTF-8: limits count characters.
    title, body = "t" * 199 + "é", "line\r\n\tnext" + "b" * 9_989
    response = create(client, auth_headers, title=title, body=body)
    assert response.status_code == 201
    assert (response.json["title"], response.json["body"]) == (title, body)


def test_unicode_whitespace_is_stripped_from_the_title(
    client: FlaskClient, auth_headers: dict[str, str]
) -> None:
    response = create(client, auth_headers, title="\u3000ideographic\u00a0")
    assert response.status_code == 201
    assert response.json["title"] == "ideographic"


def test_list_is_newest_first(
    client: FlaskClient, auth_headers: dict[str, str]
) -> None:
    for title in ("one", "two", "three"):
        create(client, auth_headers, title=title)
    notes = client.get("/api/notes").json
    assert [note["title"] for note in notes] == ["three", "two", "one"]
    assert [note["id"] for note in notes] == sorted(
        (note["id"] for note in notes), reverse=True
    )


def test_get_one(client: FlaskClient, auth_headers: dict[str, str]) -> None:
    note = create(client, auth_headers, title="Find me").json
    response = client.get(f"/api/notes/{note['id']}")
    assert response.status_code == 200
    assert response.json == note


@pytest.mark.parametrize("path", ["/api/notes", "/api/notes/1"])
def test_head_answers_like_get_without_a_body(
    app: Flask, client: FlaskClient, path: str
) -> None:
    add_notes(app, 51)
    get, head = client.get(path), client.head(path)
    assert head.status_code == get.status_code == 200
    assert head.data == b""
    assert head.headers == get.headers


def test_delete_answers_204_without_body_or_content_type(
    client: FlaskClient, auth_headers: dict[str, str]
) -> None:
    note = create(client, auth_headers, title="Bye").json
    response = client.delete(f"/api/notes/{note['id']}", headers=auth_headers)
    assert response.status_code == 204
    assert response.data == b""
    assert "Content-Type" not in response.headers
    assert_json_error(client.get(f"/api/notes/{note['id']}"), 404)


@pytest.mark.parametrize("method", ["GET", "HEAD", "DELETE"])
@pytest.mark.parametrize("note_id", ["999", str(MAX_ID)])
def test_absent_note_is_404(
    client: FlaskClient, auth_headers: dict[str, str], method: str, note_id: str
) -> None:
    response = client.open(f"/api/notes/{note_id}", method=method, headers=auth_headers)
    assert response.status_code == 404
    if method != "HEAD":
        assert_json_error(response, 404)


@pytest.mark.parametrize("method", ["GET", "HEAD", "DELETE"])
@pytest.mark.parametrize(
    "note_id",
    list(NOT_IDS.values()),
    ids=list(NOT_IDS),
)
def test_ids_that_are_not_positive_64_bit_integers_are_404(
    app: Flask,
    client: FlaskClient,
    auth_headers: dict[str, str],
    method: str,
    note_id: str,
) -> None:
    add_notes(app, 1)  # note 1 exists: "١" and "１" must not reach it
    response = client.open(f"/api/notes/{note_id}", method=method, headers=auth_headers)
    assert response.status_code == 404
    if method != "HEAD":
        assert_json_error(response, 404)
    assert client.get("/api/notes/1").status_code == 200


def test_leading_zeros_name_the_same_note(app: Flask, client: FlaskClient) -> None:
    add_notes(app, 1)
    assert client.get("/api/notes/001").json == client.get("/api/notes/1").json


# --- pagination ---------------------------------------------------------------------


def test_a_page_holds_50_notes_and_links_to_the_next(
    app: Flask, client: FlaskClient
) -> None:
    add_notes(app, 51)
    first = client.get("/api/notes")
    assert len(first.json) == 50
    assert first.json[0]["title"] == "note 51"
    assert first.headers["Link"] == '</api/notes?limit=50&offset=50>; rel="next"'
    last = client.get("/api/notes?limit=50&offset=50")
    assert [note["title"] for note in last.json] == ["note 1"]
    assert "Link" not in last.headers


def test_limit_and_offset_choose_the_page(app: Flask, client: FlaskClient) -> None:
    add_notes(app, 5)
    response = client.get("/api/notes?limit=2&offset=1&unknown=ignored")
    assert [note["title"] for note in response.json] == ["note 4", "note 3"]
    assert response.headers["Link"] == '</api/notes?limit=2&offset=3>; rel="next"'
    exact = client.get("/api/notes?limit=2&offset=3")
    assert [note["title"] for note in exact.json] == ["note 2", "note 1"]
    assert "Link" not in exact.headers


@pytest.mark.parametrize("query", ["limit=1", "limit=100", "limit=007", "offset=0"])
def test_limits_at_the_bounds_are_accepted(
    app: Flask, client: FlaskClient, query: str
) -> None:
    add_notes(app, 2)
    assert client.get(f"/api/notes?{query}").status_code == 200


@pytest.mark.parametrize("offset", ["2", str(MAX_ID + 1), "9" * 5000])
def test_an_offset_past_the_end_is_an_empty_page(
    app: Flask, client: FlaskClient, offset: str
) -> None:
    add_notes(app, 2)
    response = client.get(f"/api/notes?offset={offset}")
    assert response.status_code == 200
    assert response.json == []
    assert "Link" not in response.headers


@pytest.mark.parametrize(
    "value",
    ["0", "101", "9" * 5000, "%2B5", "-1", "1.5", "abc", "", "%205", "%D9%A1", "1e2"],
)
def test_invalid_limit_is_422(client: FlaskClient, value: str) -> None:
    assert_invalid(client.get(f"/api/notes?limit={value}"), "limit")


@pytest.mark.parametrize("value", ["-1", "%2B5", "1.5", "abc", "", "%D9%A1"])
def test_invalid_offset_is_422(client: FlaskClient, value: str) -> None:
    assert_invalid(client.get(f"/api/notes?offset={value}"), "offset")


def test_both_invalid_are_both_named(client: FlaskClient) -> None:
    assert_invalid(client.get("/api/notes?limit=0&offset=x"), "limit", "offset")


# --- auth -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "authorization",
    [
        None,
        "Bearer wrong-token",
        "Basic dXNlcjpwYXNz",
        "Bearer t\u00f6ken",
        "Bearer",
        "Bearer    ",
        "{token}",
        "Token {token}",
        "Bearer {token}x",
    ],
    ids=[
        "missing",
        "wrong",
        "basic",
        "non-ascii",
        "no-token",
        "blank-token",
        "no-scheme",
        "other-scheme",
        "longer-token",
    ],
)
def test_writes_without_the_token_are_401(
    app: Flask,
    client: FlaskClient,
    auth_headers: dict[str, str],
    authorization: str | None,
) -> None:
    note = create(client, auth_headers, title="Keep me").json
    token = app.config["API_TOKEN"]
    headers = {}
    if authorization is not None:
        headers["Authorization"] = authorization.format(token=token)
    # The token is checked before the body and before the note is looked up.
    responses = [
        post_raw(client, "{", headers),
        post_raw(client, "title=x", headers, content_type="text/plain"),
        client.delete(f"/api/notes/{note['id']}", headers=headers),
        client.delete("/api/notes/999", headers=headers),
    ]
    for response in responses:
        assert_json_error(response, 401)
        assert response.headers["WWW-Authenticate"] == "Bearer"
    assert [n["id"] for n in client.get("/api/notes").json] == [note["id"]]


@pytest.mark.parametrize("scheme", ["bearer", "BEARER", "Bearer  "])
def test_the_scheme_is_case_insensitive(
    app: Flask, client: FlaskClient, scheme: str
) -> None:
    headers = {"Authorization": f"{scheme} {app.config['API_TOKEN']} "}
    assert create(client, headers, title="ok").status_code == 201


# --- bodies -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "content_type",
    [None, "text/plain", "application/vnd.api+json", "multipart/form-data"],
    ids=["missing", "text", "vendor-json", "form"],
)
def test_other_content_type_is_415(
    client: FlaskClient, auth_headers: dict[str, str], content_type: str | None
) -> None:
    data = '{"title": "x"}'
    response = post_raw(client, data, auth_headers, content_type=content_type)
    assert_json_error(response, 415)
    assert_nothing_stored(client)


@pytest.mark.parametrize(
    "content_type", ["application/json; charset=utf-8", "Application/JSON"]
)
def test_json_with_parameters_or_capitals_is_accepted(
    client: FlaskClient, auth_headers: dict[str, str], content_type: str
) -> None:
    response = post_raw(client, '{"title": "x"}', auth_headers, content_type)
    assert response.status_code == 201


@pytest.mark.parametrize(
    "data",
    [
        "{not json",
        "",
        "[1, 2]",
        "null",
        '"title"',
        "42",
        b'{"title": "caf\xe9"}',
        "[" * 100_000 + "]" * 100_000,
    ],
    ids=["malformed", "empty", "array", "null", "string", "number", "latin-1", "deep"],
)
def test_bad_json_is_400(
    client: FlaskClient, auth_headers: dict[str, str], data: str | bytes
) -> None:
    assert_json_error(post_raw(client, data, auth_headers), 400)
    assert_nothing_stored(client)


def test_content_type_is_checked_before_the_json(
    client: FlaskClient, auth_headers: dict[str, str]
) -> None:
    response = post_raw(client, "{", auth_headers, content_type="text/plain")
    assert_json_error(response, 415)


def test_body_over_one_mebibyte_is_413(
    client: FlaskClient, auth_headers: dict[str, str]
) -> None:
    data = b'{"title": "big", "body": "' + b"x" * (MEBIBYTE - 27) + b'"}'
    assert len(data) == MEBIBYTE + 1
    assert_json_error(post_raw(client, data, auth_headers), 413)
    assert_nothing_stored(client)


def post_chunked(
    client: FlaskClient, data: bytes, headers: dict[str, str]
) -> TestResponse:
    """A body without Content-Length, as gunicorn passes on a chunked upload."""
    return client.post(
        "/api/notes",
        input_stream=io.BytesIO(data),
        headers={
            **headers,
            "Content-Type": "application/json",
            "Transfer-Encoding": "chunked",
        },
        # How a WSGI server says "this stream ends by itself" (PEP 3333 extension).
        environ_overrides={"wsgi.input_terminated": True},
    )


def test_chunked_body_over_one_mebibyte_is_413(
    client: FlaskClient, auth_headers: dict[str, str]
) -> None:
    data = b'{"title": "big", "body": "' + b"x" * (2 * MEBIBYTE) + b'"}'
    assert_json_error(post_chunked(client, data, auth_headers), 413)
    assert_nothing_stored(client)


def test_small_chunked_body_is_read(
    client: FlaskClient, auth_headers: dict[str, str]
) -> None:
    response = post_chunked(client, b'{"title": "chunked"}', auth_headers)
    assert response.status_code == 201
    assert response.json["title"] == "chunked"


# --- fields -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "invalid"),
    [
        ({}, ["title"]),
        ({"body": "no title"}, ["title"]),
        ({"title": 42}, ["title"]),
        ({"title": None}, ["title"]),
        ({"title": True}, ["title"]),
        ({"title": ["x"]}, ["title"]),
        ({"title": ""}, ["title"]),
        ({"title": "   "}, ["title"]),
        ({"title": "\u3000\u2003"}, ["title"]),
        ({"title": "t" * 201}, ["title"]),
        ({"title": " " + "t" * 200}, ["title"]),
        ({"title": "two\nlines"}, ["title"]),
        ({"title": "tab\there"}, ["title"]),
        ({"title": "nul\x00"}, ["title"]),
        ({"title": "c1\x85"}, ["title"]),
        ({"title": "del\x7f"}, ["title"]),
        ({"title": "ok", "body": 42}, ["body"]),
        ({"title": "ok", "body": None}, ["body"]),
        ({"title": "ok", "body": "b" * 10_001}, ["body"]),
        ({"title": "ok", "body": "nul\x00"}, ["body"]),
        ({"title": "ok", "body": "esc\x1b[0m"}, ["body"]),
        ({"title": "ok", "body": "c1\x9f"}, ["body"]),
        ({"title": 1, "body": 2}, ["title", "body"]),
    ],
    ids=[
        "empty-object",
        "title-missing",
        "title-number",
        "title-null",
        "title-bool",
        "title-array",
        "title-empty",
        "title-blank",
        "title-unicode-blank",
        "title-too-long",
        "title-too-long-before-strip",
        "title-newline",
        "title-tab",
        "title-nul",
        "title-c1-control",
        "title-delete",
        "body-number",
        "body-null",
        "body-too-long",
        "body-nul",
        "body-escape",
        "body-c1-control",
        "both",
    ],
)
def test_invalid_fields_are_422_naming_each_field(
    client: FlaskClient,
    auth_headers: dict[str, str],
    fields: dict[str, Any],
    invalid: list[str],
) -> None:
    assert_invalid(create(client, auth_headers, **fields), *invalid)
    assert_nothing_stored(client)


@pytest.mark.parametrize("field", ["title", "body"])
def test_unpaired_surrogate_is_422_not_500(
    client: FlaskClient, auth_headers: dict[str, str], field: str
) -> None:
    # json.dumps writes "\ud800" as the escape a client would send.
    fields = {"title": "ok", field: "a\ud800b"}
    assert_invalid(post_raw(client, json.dumps(fields), auth_headers), field)
    assert_nothing_stored(client)


def test_a_surrogate_pair_is_one_character(
    client: FlaskClient, auth_headers: dict[str, str]
) -> None:
    data = json.dumps({"title": "\U0001f600" * 200})
    response = post_raw(client, data, auth_headers)
    assert response.status_code == 201
    assert response.json["title"] == "\U0001f600" * 200


# --- paths and methods ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "path", "allowed"),
    [
        ("PUT", "/api/notes", {"GET", "HEAD", "POST"}),
        ("PATCH", "/api/notes", {"GET", "HEAD", "POST"}),
        ("DELETE", "/api/notes", {"GET", "HEAD", "POST"}),
        ("TRACE", "/api/notes", {"GET", "HEAD", "POST"}),
        ("PUT", "/api/notes/1", {"GET", "HEAD", "DELETE"}),
        ("PATCH", "/api/notes/1", {"GET", "HEAD", "DELETE"}),
        ("POST", "/api/notes/1", {"GET", "HEAD", "DELETE"}),
        ("TRACE", "/api/notes/1", {"GET", "HEAD", "DELETE"}),
    ],
)
def test_wrong_method_is_405_with_allow(
    app: Flask,
    client: FlaskClient,
    auth_headers: dict[str, str],
    method: str,
    path: str,
    allowed: set[str],
) -> None:
    add_notes(app, 1)
    response = client.open(
        path, method=method, json={"title": "x"}, headers=auth_headers
    )
    assert_json_error(response, 405)
    allow = {m.strip() for m in response.headers["Allow"].split(",")}
    assert allowed <= allow
    assert method not in allow
    assert len(client.get("/api/notes").json) == 1


@pytest.mark.parametrize("method", ["GET", "POST", "DELETE"])
@pytest.mark.parametrize("path", ["/api/notes/", "/api/notes/1/"])
def test_no_twin_paths(
    app: Flask,
    client: FlaskClient,
    auth_headers: dict[str, str],
    method: str,
    path: str,
) -> None:
    add_notes(app, 1)
    response = client.open(
        path, method=method, json={"title": "x"}, headers=auth_headers
    )
    assert_json_error(response, 404)
    assert len(client.get("/api/notes").json) == 1


@pytest.mark.parametrize("path", ["/api", "/api/nothing-here", "/api/notes/1/x"])
def test_unknown_api_path_is_json_404(client: FlaskClient, path: str) -> None:
    assert_json_error(client.get(path), 404)


@pytest.mark.parametrize(
    ("path", "allowed"),
    [
        ("/api/notes", {"GET", "HEAD", "POST"}),
        ("/api/notes/1", {"GET", "HEAD", "DELETE"}),
    ],
)
def test_options_lists_the_methods(
    app: Flask, client: FlaskClient, path: str, allowed: set[str]
) -> None:
    add_notes(app, 1)
    response = client.options(path)
    assert response.status_code == 200
    assert allowed <= {m.strip() for m in response.headers["Allow"].split(",")}
