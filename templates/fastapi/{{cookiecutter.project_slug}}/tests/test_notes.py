"""The notes API through the TestClient: every answer of the HTTP contract."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime

from fastapi.testclient import TestClient

from {{ cookiecutter.package_name }}.dependencies import MAX_BODY_BYTES
from {{ cookiecutter.package_name }}.main import create_app
from {{ cookiecutter.package_name }}.schemas import MAX_BODY_LENGTH, MAX_TITLE_LENGTH

JSON = {"Content-Type": "application/json"}


def create(client, auth, **fields):
    return client.post("/api/notes", json=fields, headers=auth)


def post_raw(client, auth, content, content_type="application/json"):
    return client.post(
        "/api/notes", content=content, headers={**auth, "Content-Type": content_type}
    )


def assert_error(answer, status):
    assert answer.status_code == status, answer.text
    assert answer.headers["content-type"] == "application/json"
    assert list(answer.json()) == ["message"]
    assert isinstance(answer.json()["message"], str)


def assert_invalid(answer, *fields):
    assert answer.status_code == 422, answer.text
    assert sorted(answer.json()) == ["errors", "message"]
    assert sorted(answer.json()["errors"]) == sorted(fields)


def count(client):
    return len(client.get("/api/notes").json())


def test_list_starts_empty(client):
    answer = client.get("/api/notes")
    assert answer.status_code == 200
    assert answer.headers["content-type"] == "application/json"
    assert answer.json() == []
    assert "link" not in answer.headers


def test_create_answers_201_with_the_note_and_its_location(client, auth):
    answer = create(client, auth, title="First", body="Hello")
    assert answer.status_code == 201
    note = answer.json()
    assert sorted(note) == ["body", "created_at", "id", "title"]
    assert (note["title"], note["body"]) == ("First", "Hello")
    assert isinstance(note["id"], int)
    assert answer.headers["location"] == f"/api/notes/{note['id']}"
    # RFC 3339 in UTC, with its offset.
    created = datetime.fromisoformat(note["created_at"])
    assert created.utcoffset() is not None and created.utcoffset().total_seconds() == 0


def test_create_trims_the_title_defaults_the_body_ignores_unknown_fields(client, auth):
    answer = create(client, auth, title="  Trimmed\u3000", id=99, extra=1)
    assert answer.status_code == 201
    note = answer.json()
    assert (note["title"], note["body"]) == ("Trimmed", "")
    assert note["id"] != 99


def test_limits_are_inclusive_and_count_characters(client, auth):
    title = "é" * MAX_TITLE_LENGTH
    answer = create(client, auth, title=title, body="b\n\t\r" * (MAX_BODY_LENGTH // 4))
    assert answer.status_code == 201
    assert answer.json()["title"] == title


def test_list_is_newest_first(client, auth):
    ids = [create(client, auth, title=f"Note {n}").json()["id"] for n in range(3)]
    assert [note["id"] for note in client.get("/api/notes").json()] == ids[::-1]


def test_pages_link_to_the_next_one(client, auth):
    ids = [create(client, auth, title=f"Note {n}").json()["id"] for n in range(5)][::-1]
    first = client.get("/api/notes?limit=2")
    assert [note["id"] for note in first.json()] == ids[:2]
    assert first.headers["link"] == '</api/notes?limit=2&offset=2>; rel="next"'
    last = client.get("/api/notes?limit=2&offset=4&unknown=1")
    assert [note["id"] for note in last.json()] == ids[4:]
    assert "link" not in last.headers
    assert client.get(f"/api/notes?offset={2**64}").json() == []


BAD_PAGES = {
    "limit": ["0", "101", "", "abc", "1.5", "+5", "%205", "%EF%BC%95"],
    "offset": ["-1", "1_0", "+0"],
}


def test_bad_pagination_is_422_naming_the_parameter(client):
    for field, values in BAD_PAGES.items():
        for value in values:
            assert_invalid(client.get(f"/api/notes?{field}={value}"), field)


def test_get_one_note_and_head(client, auth):
    created = create(client, auth, title="Find me").json()
    path = f"/api/notes/{created['id']}"
    assert client.get(path).json() == created
    assert client.get(path.replace("/1", "/01")).json() == created
    head = client.head(path)
    assert (head.status_code, head.content) == (200, b"")
    assert client.head("/api/notes").status_code == 200


BAD_IDS = ["999", "0", "-1", "abc", "1.5", "%201", str(2**63 - 1), str(2**63), "1/"]


def test_a_missing_or_invalid_id_is_404(client, auth):
    create(client, auth, title="Only note")
    for note_id in BAD_IDS:
        for method in ("GET", "HEAD", "DELETE"):
            answer = client.request(method, f"/api/notes/{note_id}", headers=auth)
            assert answer.status_code == 404, f"{method} {note_id}"
            if method != "HEAD":
                assert_error(answer, 404)
    assert count(client) == 1


def test_delete_answers_204_then_the_note_is_gone(client, auth):
    note_id = create(client, auth, title="Short-lived").json()["id"]
    answer = client.delete(f"/api/notes/{note_id}", headers=auth)
    assert answer.status_code == 204
    assert answer.content == b""
    assert "content-type" not in answer.headers
    assert_error(client.get(f"/api/notes/{note_id}"), 404)
    assert_error(client.delete(f"/api/notes/{note_id}", headers=auth), 404)


def test_json_media_type_is_case_insensitive_with_params(client, auth):
    for content_type in ["application/json; charset=utf-8", "Application/JSON"]:
        answer = post_raw(client, auth, b'{"title": "x"}', content_type)
        assert answer.status_code == 201, content_type


def test_other_or_no_media_type_is_415(client, auth):
    others = ["text/plain", "application/vnd.api+json", "application/jsonx", ""]
    for content_type in others:
        assert_error(post_raw(client, auth, b'{"title": "x"}', content_type), 415)
    answer = client.post("/api/notes", content=b'{"title": "x"}', headers=auth)
    assert_error(answer, 415)
    assert count(client) == 0


def test_a_body_over_one_mebibyte_is_413(client, auth):
    body = json.dumps({"title": "x", "body": "b" * MAX_BODY_BYTES}).encode()
    assert_error(post_raw(client, auth, body), 413)
    assert count(client) == 0


def test_a_chunked_body_over_one_mebibyte_is_413(client, auth):
    # A generator has no length: the client sends it chunked, without Content-Length.
    chunks = (b"x" * 65536 for _ in range(17))
    answer = client.post("/api/notes", content=chunks, headers={**auth, **JSON})
    assert_error(answer, 413)
    assert count(client) == 0


def test_a_small_chunked_body_is_read(client, auth):
    chunks = iter([b'{"title": ', b'"chunked"}'])
    answer = client.post("/api/notes", content=chunks, headers={**auth, **JSON})
    assert answer.status_code == 201
    assert answer.json()["title"] == "chunked"


NOT_JSON_OBJECTS = [
    b"{not json",
    b"",
    b'["a list"]',
    b'"text"',
    b"42",
    b"null",
    b'{"title": "\xff"}',  # not UTF-8
    b"[" * 100_000 + b"]" * 100_000,  # deeper than the parser goes
]


def test_malformed_or_non_object_json_is_400(client, auth):
    for body in NOT_JSON_OBJECTS:
        answer = post_raw(client, auth, body)
        assert answer.status_code == 400, body[:20]
        assert_error(answer, 400)
    assert count(client) == 0


INVALID_FIELDS = [
    ({}, ["title"]),
    ({"body": "no title"}, ["title"]),
    ({"title": None}, ["title"]),
    ({"title": 42}, ["title"]),
    ({"title": True}, ["title"]),
    ({"title": ["x"]}, ["title"]),
    ({"title": ""}, ["title"]),
    ({"title": " \u00a0\u2028"}, ["title"]),
    ({"title": "two\nlines"}, ["title"]),
    ({"title": "bell\x07"}, ["title"]),
    ({"title": "c1\x85"}, ["title"]),
    ({"title": "a\ud800b"}, ["title"]),
    ({"title": " " + "t" * MAX_TITLE_LENGTH}, ["title"]),
    ({"title": "ok", "body": None}, ["body"]),
    ({"title": "ok", "body": 7}, ["body"]),
    ({"title": "ok", "body": "nul\x00"}, ["body"]),
    ({"title": "ok", "body": "\ud800"}, ["body"]),
    ({"title": "ok", "body": "b" * (MAX_BODY_LENGTH + 1)}, ["body"]),
    ({"title": "   ", "body": 7}, ["title", "body"]),
]


def test_invalid_fields_are_422_and_each_is_named(client, auth):
    for fields, invalid in INVALID_FIELDS:
        answer = post_raw(client, auth, json.dumps(fields).encode())
        assert answer.status_code == 422, fields
        assert_invalid(answer, *invalid)
        assert all(isinstance(p, str) for p in answer.json()["errors"].values())
    assert count(client) == 0


WRONG_METHODS = [
    ("PUT", "/api/notes", "GET, HEAD, POST"),
    ("PATCH", "/api/notes", "GET, HEAD, POST"),
    ("DELETE", "/api/notes", "GET, HEAD, POST"),
    ("PUT", "/api/notes/1", "GET, HEAD, DELETE"),
    ("POST", "/api/notes/1", "GET, HEAD, DELETE"),
    ("TRACE", "/api/notes/1", "GET, HEAD, DELETE"),
    ("OPTIONS", "/api/notes", "GET, HEAD, POST"),
]


def test_wrong_method_is_405_with_allow(client, auth):
    for method, path, allow in WRONG_METHODS:
        answer = client.request(method, path, json={"title": "x"}, headers=auth)
        assert_error(answer, 405)
        assert answer.headers["allow"] == allow, f"{method} {path}"
    assert count(client) == 0


def test_no_twin_paths(client, auth):
    create(client, auth, title="x")
    for path in ["/api/notes/", "/api/notes/1/", "/api/nothing-here"]:
        assert_error(client.get(path), 404)


def test_notes_survive_a_restart(settings, database_url, auth):
    # Two apps on one database, each with its lifespan, as two runs of the server.
    settings = replace(settings, database_url=database_url)
    with TestClient(create_app(settings)) as first:
        note = create(first, auth, title="Durable").json()
    with TestClient(create_app(settings)) as restarted:
        assert restarted.get(f"/api/notes/{note['id']}").json() == note


def test_openapi_documents_the_token_on_writes_only(settings):
    client = TestClient(create_app(replace(settings, docs=True)))
    document = client.get("/openapi.json").json()
    scheme = document["components"]["securitySchemes"]["bearer"]
    assert (scheme["type"], scheme["scheme"]) == ("http", "bearer")
    paths = document["paths"]
    assert paths["/api/notes"]["post"]["security"] == [{"bearer": []}]
    assert paths["/api/notes/{id}"]["delete"]["security"] == [{"bearer": []}]
    assert "security" not in paths["/api/notes"]["get"]
    assert "security" not in paths["/api/notes/{id}"]["get"]
