"""The notes API through the TestClient: every answer of the HTTP contract."""

from __future__ import annotations

import pytest
from falcon import testing

from {{ cookiecutter.package_name }}.app import MAX_BODY_BYTES, create_app
from {{ cookiecutter.package_name }}.validation import MAX_BODY_LENGTH, MAX_TITLE_LENGTH


def create_note(client, auth, **fields):
    return client.simulate_post("/api/notes", json=fields, headers=auth)


def assert_json_error(result, status):
    assert result.status_code == status
    assert isinstance(result.json["message"], str)


def note_count(client):
    return len(client.simulate_get("/api/notes").json)


def test_list_starts_empty(client):
    result = client.simulate_get("/api/notes")
    assert result.status_code == 200
    assert result.json == []


def test_create_answers_201_with_the_note_and_its_location(client, auth):
    result = create_note(client, auth, title="First", body="Hello")
    assert result.status_code == 201
    note = result.json
    assert note["title"] == "First"
    assert note["body"] == "Hello"
    assert isinstance(note["id"], int)
    assert isinstance(note["created_at"], str)
    assert result.headers["Location"].endswith(f"/api/notes/{note['id']}")


def test_create_trims_the_title_and_defaults_the_body(client, auth):
    note = create_note(client, auth, title="  Trimmed  ").json
    assert note["title"] == "Trimmed"
    assert note["body"] == ""


def test_limits_are_inclusive(client, auth):
    result = create_note(
        client, auth, title="t" * MAX_TITLE_LENGTH, body="b" * MAX_BODY_LENGTH
    )
    assert result.status_code == 201


def test_list_is_newest_first(client, auth):
    ids = [create_note(client, auth, title=f"Note {n}").json["id"] for n in range(3)]
    listed = client.simulate_get("/api/notes").json
    assert [note["id"] for note in listed] == ids[::-1]


def test_get_one_note(client, auth):
    created = create_note(client, auth, title="Find me").json
    result = client.simulate_get(f"/api/notes/{created['id']}")
    assert result.status_code == 200
    assert result.json == created


@pytest.mark.parametrize("path", ["/api/notes/999", "/api/notes/0", "/api/notes/abc"])
def test_get_a_missing_note_is_404(client, path):
    assert_json_error(client.simulate_get(path), 404)


def test_delete_answers_204_then_the_note_is_gone(client, auth):
    note_id = create_note(client, auth, title="Short-lived").json["id"]
    result = client.simulate_delete(f"/api/notes/{note_id}", headers=auth)
    assert result.status_code == 204
    assert result.content == b""
    assert_json_error(client.simulate_get(f"/api/notes/{note_id}"), 404)


def test_delete_a_missing_note_is_404(client, auth):
    assert_json_error(client.simulate_delete("/api/notes/999", headers=auth), 404)


BAD_AUTH = [
    {},
    {"Authorization": "Bearer wrong-token"},
    {"Authorization": "Basic dXNlcjpwYXNz"},
    {"Authorization": "test-token"},
]


@pytest.mark.parametrize("headers", BAD_AUTH)
def test_create_without_the_token_is_401(client, headers):
    # Checked before the body is read: even a malformed body gets 401.
    result = client.simulate_post(
        "/api/notes",
        body="{not json",
        headers={**headers, "Content-Type": "application/json"},
    )
    assert_json_error(result, 401)
    assert result.headers["WWW-Authenticate"] == "Bearer"
    assert note_count(client) == 0


@pytest.mark.parametrize("headers", BAD_AUTH)
def test_delete_without_the_token_is_401(client, auth, headers):
    note_id = create_note(client, auth, title="Keep me").json["id"]
    result = client.simulate_delete(f"/api/notes/{note_id}", headers=headers)
    assert_json_error(result, 401)
    assert result.headers["WWW-Authenticate"] == "Bearer"
    assert note_count(client) == 1


@pytest.mark.parametrize("body", ["{not json", "", '["a list"]', '"text"', "42"])
def test_malformed_or_non_object_json_is_400(client, auth, body):
    result = client.simulate_post(
        "/api/notes",
        body=body,
        headers={**auth, "Content-Type": "application/json"},
    )
    assert_json_error(result, 400)
    assert note_count(client) == 0


@pytest.mark.parametrize(
    "fields",
    [
        {},
        {"body": "no title"},
        {"title": None},
        {"title": 42},
        {"title": "   "},
        {"title": "t" * (MAX_TITLE_LENGTH + 1)},
        {"title": "ok", "body": None},
        {"title": "ok", "body": ["not", "text"]},
        {"title": "ok", "body": "b" * (MAX_BODY_LENGTH + 1)},
    ],
    ids=[
        "empty",
        "missing-title",
        "null-title",
        "number-title",
        "blank-title",
        "long-title",
        "null-body",
        "list-body",
        "long-body",
    ],
)
def test_invalid_fields_are_422(client, auth, fields):
    assert_json_error(create_note(client, auth, **fields), 422)
    assert note_count(client) == 0


def test_body_over_one_mebibyte_is_413(client, auth):
    title = "t" * MAX_BODY_BYTES
    assert_json_error(create_note(client, auth, title=title), 413)
    assert note_count(client) == 0


@pytest.mark.parametrize("method", ["PUT", "PATCH"])
@pytest.mark.parametrize("path", ["/api/notes", "/api/notes/1"])
def test_wrong_method_is_405(client, auth, method, path):
    result = client.simulate_request(method, path, json={"title": "x"}, headers=auth)
    assert_json_error(result, 405)


def test_unknown_api_route_is_404(client):
    assert_json_error(client.simulate_get("/api/nothing-here"), 404)


def test_notes_survive_a_restart(config, auth):
    first = testing.TestClient(create_app(config))
    note = create_note(first, auth, title="Durable").json
    restarted = testing.TestClient(create_app(config))
    assert restarted.simulate_get(f"/api/notes/{note['id']}").json == note
