"""The notes API through the TestClient: every answer of the HTTP contract."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import pytest
from falcon import testing
from helpers import assert_json_error

from {{ cookiecutter.package_name }}.app import create_app
from {{ cookiecutter.package_name }}.store import MAX_SQLITE_INTEGER, NoteStore
from {{ cookiecutter.package_name }}.validation import MAX_BODY_LENGTH, MAX_TITLE_LENGTH


def create_note(client, auth, **fields):
    return client.simulate_post("/api/notes", json=fields, headers=auth)


def post_raw(client, headers, body, content_type="application/json"):
    if content_type is not None:
        headers = {**headers, "Content-Type": content_type}
    return client.simulate_post("/api/notes", body=body, headers=headers)


def note_count(client):
    return len(client.simulate_get("/api/notes", params={"limit": "100"}).json)


def allowed(result):
    return {method.strip() for method in result.headers["Allow"].split(",")}


# --- reading and writing -------------------------------------------------------------


def test_list_starts_empty(client):
    result = client.simulate_get("/api/notes")
    assert result.status_code == 200
    assert result.json == []
    assert "Link" not in result.headers


def test_create_answers_201_with_the_note_and_its_location(client, auth):
    result = create_note(client, auth, title="First", body="Hello")
    assert result.status_code == 201
    note = result.json
    assert set(note) == {"id", "title", "body", "created_at"}
    assert (note["title"], note["body"]) == ("First", "Hello")
    assert isinstance(note["id"], int)
    assert result.headers["Location"] == f"/api/notes/{note['id']}"


def test_created_at_is_utc_with_an_explicit_offset(client, auth):
    created_at = create_note(client, auth, title="When").json["created_at"]
    assert datetime.fromisoformat(created_at).utcoffset() == timedelta(0)


def test_create_trims_the_title_and_defaults_the_body(client, auth):
    note = create_note(client, auth, title="  Trimmed \u3000").json
    assert note["title"] == "Trimmed"
    assert note["body"] == ""


def test_unknown_fields_are_ignored(client, auth):
    result = create_note(client, auth, title="x", id=99, extra=1)
    assert result.status_code == 201
    assert result.json["id"] != 99
    assert set(result.json) == {"id", "title", "body", "created_at"}


def test_limits_are_inclusive_and_count_characters(client, auth):
    # "é" is two bytes in UTF-8 but one character.
    title, body = "é" * MAX_TITLE_LENGTH, "b\n\r\t" * (MAX_BODY_LENGTH // 4)
    result = create_note(client, auth, title=title, body=body)
    assert result.status_code == 201
    assert (result.json["title"], result.json["body"]) == (title, body)


def test_list_is_newest_first(client, auth):
    ids = [create_note(client, auth, title=f"Note {n}").json["id"] for n in range(3)]
    listed = client.simulate_get("/api/notes").json
    assert [note["id"] for note in listed] == ids[::-1]


def test_get_one_note(client, auth):
    created = create_note(client, auth, title="Find me").json
    result = client.simulate_get(f"/api/notes/{created['id']}")
    assert result.status_code == 200
    assert result.json == created


@pytest.mark.parametrize("path", ["/api/notes", "/api/notes/{id}"])
def test_head_answers_like_get_without_a_body(client, auth, path):
    note_id = create_note(client, auth, title="Head").json["id"]
    got = client.simulate_get(path.format(id=note_id))
    head = client.simulate_head(path.format(id=note_id))
    assert head.status_code == 200
    assert head.content == b""
    assert head.headers["Content-Type"] == got.headers["Content-Type"]
    assert head.headers["Content-Length"] == str(len(got.content))


def test_delete_answers_204_without_content_then_the_note_is_gone(client, auth):
    note_id = create_note(client, auth, title="Short-lived").json["id"]
    result = client.simulate_delete(f"/api/notes/{note_id}", headers=auth)
    assert result.status_code == 204
    assert result.content == b""
    assert "Content-Type" not in result.headers
    path = f"/api/notes/{note_id}"
    assert_json_error(client.simulate_get(path), 404)
    assert_json_error(client.simulate_delete(path, headers=auth), 404)


def test_notes_survive_a_restart(config, auth):
    first = testing.TestClient(create_app(config))
    note = create_note(first, auth, title="Durable").json
    restarted = testing.TestClient(create_app(config))
    assert restarted.simulate_get(f"/api/notes/{note['id']}").json == note


# --- ids -----------------------------------------------------------------------------

NOT_IDS = [
    "999",
    str(MAX_SQLITE_INTEGER),
    "0",
    "-1",
    "abc",
    "1.5",
    str(MAX_SQLITE_INTEGER + 1),
    "1" * 5000,
    "%201",
    "+1",
    "1_0",
    "%D9%A1",  # ARABIC-INDIC DIGIT ONE: int() reads it as 1
]


@pytest.mark.parametrize("method", ["GET", "HEAD", "DELETE"])
@pytest.mark.parametrize("note_id", NOT_IDS)
def test_an_absent_or_impossible_id_is_404(client, auth, method, note_id):
    create_note(client, auth, title="Note 1")
    result = client.simulate_request(method, f"/api/notes/{note_id}", headers=auth)
    if method == "HEAD":
        assert result.status_code == 404
    else:
        assert_json_error(result, 404)
    assert note_count(client) == 1


# --- pagination ----------------------------------------------------------------------


@pytest.fixture
def five_notes(client, auth):
    return [create_note(client, auth, title=f"Note {n}").json["id"] for n in range(5)]


def test_a_page_links_to_the_next_one(client, five_notes):
    result = client.simulate_get("/api/notes", params={"limit": "2", "offset": "1"})
    assert [note["id"] for note in result.json] == five_notes[::-1][1:3]
    assert result.headers["Link"] == '</api/notes?limit=2&offset=3>; rel="next"'


def test_the_last_page_has_no_link(client, five_notes):
    result = client.simulate_get("/api/notes", params={"limit": "2", "offset": "3"})
    assert [note["id"] for note in result.json] == five_notes[::-1][3:]
    assert "Link" not in result.headers


@pytest.mark.parametrize("offset", ["5", "0005", str(MAX_SQLITE_INTEGER), "9" * 5000])
def test_an_offset_past_the_end_is_an_empty_page(client, five_notes, offset):
    result = client.simulate_get("/api/notes", params={"offset": offset})
    assert result.status_code == 200
    assert result.json == []


def test_the_default_page_holds_50_notes(client, config):
    store = NoteStore(config.database_path)
    for n in range(51):
        store.add(f"Note {n}", "")
    result = client.simulate_get("/api/notes", query_string="unknown=ignored")
    assert len(result.json) == 50
    assert result.headers["Link"] == '</api/notes?limit=50&offset=50>; rel="next"'


@pytest.mark.parametrize(
    ("query", "fields"),
    [
        ("limit=0", {"limit"}),
        ("limit=101", {"limit"}),
        ("limit=", {"limit"}),
        ("limit=abc", {"limit"}),
        ("limit=1.5", {"limit"}),
        ("limit=%2B5", {"limit"}),
        ("limit=-1", {"limit"}),
        ("limit=%D9%A1", {"limit"}),
        ("offset=-1", {"offset"}),
        ("offset=", {"offset"}),
        ("offset=%205", {"offset"}),
        ("limit=0&offset=x", {"limit", "offset"}),
    ],
)
def test_invalid_paging_is_422_naming_the_parameter(client, query, fields):
    result = client.simulate_get("/api/notes", query_string=query)
    assert_json_error(result, 422)
    assert set(result.json["errors"]) == fields


# --- authentication ------------------------------------------------------------------

BAD_AUTH = [
    {},
    {"Authorization": ""},
    {"Authorization": "Bearer"},
    {"Authorization": "Bearer "},
    {"Authorization": "Bearer wrong-token"},
    {"Authorization": "Bearer test-token-and-more"},
    {"Authorization": "Basic dXNlcjpwYXNz"},
    {"Authorization": "Token test-token"},
    {"Authorization": "test-token"},
]


@pytest.mark.parametrize("headers", BAD_AUTH)
def test_create_without_the_token_is_401_before_the_body_is_read(client, headers):
    result = post_raw(client, headers, "{not json", content_type="text/plain")
    assert_json_error(result, 401)
    assert result.headers["WWW-Authenticate"] == "Bearer"
    assert note_count(client) == 0


@pytest.mark.parametrize("headers", BAD_AUTH)
@pytest.mark.parametrize("present", [True, False])
def test_delete_without_the_token_is_401_before_lookup(client, auth, headers, present):
    note_id = create_note(client, auth, title="Keep me").json["id"]
    result = client.simulate_delete(
        f"/api/notes/{note_id if present else 999}", headers=headers
    )
    assert_json_error(result, 401)
    assert result.headers["WWW-Authenticate"] == "Bearer"
    assert note_count(client) == 1


@pytest.mark.parametrize("value", ["bearer test-token", "BEARER   test-token  "])
def test_the_scheme_is_case_insensitive_and_spaces_are_trimmed(client, value):
    result = create_note(client, {"Authorization": value}, title="ok")
    assert result.status_code == 201


# --- bodies --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "content_type",
    [None, "text/plain", "application/vnd.api+json", "application/jsonx"],
)
def test_a_body_that_is_not_json_is_415(client, auth, content_type):
    result = post_raw(client, auth, '{"title": "x"}', content_type=content_type)
    assert_json_error(result, 415)
    assert note_count(client) == 0


@pytest.mark.parametrize(
    "content_type",
    ["application/json; charset=utf-8", "Application/JSON;charset=UTF-8"],
)
def test_a_charset_and_any_case_are_accepted(client, auth, content_type):
    result = post_raw(client, auth, '{"title": "x"}', content_type=content_type)
    assert result.status_code == 201


@pytest.mark.parametrize(
    "body",
    [
        b"{not json",
        b"",
        b'["a list"]',
        b'"text"',
        b"42",
        b"null",
        b'{"title": "caf\xe9"}',  # Latin-1, not UTF-8
        '{"title": "x"}'.encode("utf-16"),
        b"[" * 100_000,
        b'{"title": "x", "n": NaN}',
    ],
    ids=[
        "malformed",
        "empty",
        "array",
        "string",
        "number",
        "null",
        "not-utf8",
        "utf16",
        "too-deep",
        "nan",
    ],
)
def test_a_body_that_is_not_a_utf8_json_object_is_400(client, auth, body):
    assert_json_error(post_raw(client, auth, body), 400)
    assert note_count(client) == 0


# --- fields --------------------------------------------------------------------------

INVALID_FIELDS = {
    "empty": ({}, {"title"}),
    "missing-title": ({"body": "no title"}, {"title"}),
    "null-title": ({"title": None}, {"title"}),
    "number-title": ({"title": 42}, {"title"}),
    "list-title": ({"title": ["x"]}, {"title"}),
    "empty-title": ({"title": ""}, {"title"}),
    "blank-title": ({"title": " \u3000 "}, {"title"}),
    "long-title": ({"title": "t" * (MAX_TITLE_LENGTH + 1)}, {"title"}),
    "long-before-trim": ({"title": " " + "t" * MAX_TITLE_LENGTH}, {"title"}),
    "newline-title": ({"title": "two\nlines"}, {"title"}),
    "nul-title": ({"title": "a\x00b"}, {"title"}),
    "c1-title": ({"title": "a\x85b"}, {"title"}),
    "surrogate-title": ({"title": "a\ud800b"}, {"title"}),
    "null-body": ({"title": "ok", "body": None}, {"body"}),
    "list-body": ({"title": "ok", "body": ["not", "text"]}, {"body"}),
    "long-body": ({"title": "ok", "body": "b" * (MAX_BODY_LENGTH + 1)}, {"body"}),
    "nul-body": ({"title": "ok", "body": "a\x00b"}, {"body"}),
    "escape-body": ({"title": "ok", "body": "a\x1bb"}, {"body"}),
    "surrogate-body": ({"title": "ok", "body": "\udfff"}, {"body"}),
    "both": ({"title": 1, "body": 2}, {"title", "body"}),
}


@pytest.mark.parametrize(
    ("fields", "invalid"), INVALID_FIELDS.values(), ids=INVALID_FIELDS.keys()
)
def test_invalid_fields_are_422_naming_each_field(client, auth, fields, invalid):
    # json.dumps writes a lone surrogate as the escape "\ud800", as a client would.
    result = post_raw(client, auth, json.dumps(fields))
    assert_json_error(result, 422)
    assert set(result.json["errors"]) == invalid
    assert all(isinstance(problem, str) for problem in result.json["errors"].values())
    assert note_count(client) == 0


# --- paths and methods ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "methods"),
    [
        ("/api/notes", {"PUT", "PATCH", "DELETE", "TRACE"}),
        ("/api/notes/1", {"PUT", "PATCH", "POST", "TRACE"}),
    ],
)
def test_wrong_method_is_405_with_allow(client, auth, path, methods):
    create_note(client, auth, title="Note 1")
    expected = {"GET", "HEAD", "POST" if path == "/api/notes" else "DELETE"}
    for method in methods:
        result = client.simulate_request(method, path, json={}, headers=auth)
        assert_json_error(result, 405)
        assert expected <= allowed(result)
        assert method not in allowed(result)
    assert note_count(client) == 1


@pytest.mark.parametrize(
    "path", ["/api/notes/", "/api/notes/1/", "/api/nothing-here", "/api/notes/1/x"]
)
def test_unknown_api_paths_are_404(client, auth, path):
    create_note(client, auth, title="Note 1")
    assert_json_error(client.simulate_get(path), 404)
    assert_json_error(client.simulate_post(path, json={}, headers=auth), 404)
    assert note_count(client) == 1


# --- server errors -------------------------------------------------------------------


def test_an_unexpected_error_is_a_json_500_with_its_traceback_logged(
    client, monkeypatch, {% if cookiecutter.interface == "asgi" %}caplog{% else %}capsys{% endif %}
):
    def broken(*args):
        raise RuntimeError("the disk is on fire")

    monkeypatch.setattr(NoteStore, "list_notes", broken)
    assert_json_error(client.simulate_get("/api/notes"), 500)
{%- if cookiecutter.interface == "asgi" %}
    # Falcon logs it on the "falcon" logger; with no handler configured, Python's
    # logging prints it on stderr, as uvicorn leaves it.
    [record] = [r for r in caplog.records if r.name == "falcon"]
    assert record.exc_info is not None
    assert "the disk is on fire" in caplog.text
{%- else %}
    # Falcon writes it to wsgi.errors, which gunicorn sends to stderr.
    stderr = capsys.readouterr().err
    assert "Traceback" in stderr
    assert "RuntimeError: the disk is on fire" in stderr
{%- endif %}
