"""The notes JSON API under /api: every answer, error cases included."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from {{ cookiecutter.package_name }}.db import db
from {{ cookiecutter.package_name }}.models import Note


def create(client: FlaskClient, headers: dict[str, str], **fields: Any) -> Any:
    return client.post("/api/notes", json=fields, headers=headers)


def assert_json_error(response: Any, status: int) -> None:
    assert response.status_code == status
    assert response.mimetype == "application/json"
    assert isinstance(response.json["message"], str)


def assert_nothing_stored(client: FlaskClient) -> None:
    assert client.get("/api/notes").json == []


def test_list_starts_empty(client: FlaskClient) -> None:
    response = client.get("/api/notes")
    assert response.status_code == 200
    assert response.json == []


def test_create_returns_the_note_and_its_location(
    client: FlaskClient, auth_headers: dict[str, str]
) -> None:
    response = create(client, auth_headers, title="  First  ", body="Hello")
    assert response.status_code == 201
    note = response.json
    assert note["title"] == "First"
    assert note["body"] == "Hello"
    assert isinstance(note["id"], int)
    assert datetime.fromisoformat(note["created_at"]).tzinfo is not None
    assert response.headers["Location"].endswith(f"/api/notes/{note['id']}")
    assert client.get(response.headers["Location"]).json == note


def test_body_defaults_to_empty(
    client: FlaskClient, auth_headers: dict[str, str]
) -> None:
    assert create(client, auth_headers, title="No body").json["body"] == ""


def test_longest_title_and_body_are_accepted(
    client: FlaskClient, auth_headers: dict[str, str]
) -> None:
    response = create(client, auth_headers, title="t" * 200, body="b" * 10_000)
    assert response.status_code == 201


def test_list_is_newest_first(
    client: FlaskClient, auth_headers: dict[str, str]
) -> None:
    for title in ("one", "two", "three"):
        create(client, auth_headers, title=title)
    titles = [note["title"] for note in client.get("/api/notes").json]
    assert titles == ["three", "two", "one"]


def test_same_time_notes_are_ordered_by_id(app: Flask, client: FlaskClient) -> None:
    moment = datetime(2025, 1, 1, tzinfo=UTC)
    with app.app_context():
        db.session.add_all([Note(title="a", created_at=moment) for _ in range(2)])
        db.session.commit()
    ids = [note["id"] for note in client.get("/api/notes").json]
    assert ids == sorted(ids, reverse=True)


def test_get_one(client: FlaskClient, auth_headers: dict[str, str]) -> None:
    note = create(client, auth_headers, title="Find me").json
    response = client.get(f"/api/notes/{note['id']}")
    assert response.status_code == 200
    assert response.json == note


def test_get_missing_is_404(client: FlaskClient) -> None:
    assert_json_error(client.get("/api/notes/999"), 404)


def test_delete(client: FlaskClient, auth_headers: dict[str, str]) -> None:
    note = create(client, auth_headers, title="Bye").json
    response = client.delete(f"/api/notes/{note['id']}", headers=auth_headers)
    assert response.status_code == 204
    assert response.data == b""
    assert_json_error(client.get(f"/api/notes/{note['id']}"), 404)


def test_delete_missing_is_404(
    client: FlaskClient, auth_headers: dict[str, str]
) -> None:
    assert_json_error(client.delete("/api/notes/999", headers=auth_headers), 404)


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Authorization": "Bearer wrong-token"},
        {"Authorization": "Basic dXNlcjpwYXNz"},
        {"Authorization": "Bearer t\u00f6ken"},
    ],
    ids=["missing", "wrong", "not-bearer", "non-ascii"],
)
def test_writes_without_the_token_are_401(
    client: FlaskClient, auth_headers: dict[str, str], headers: dict[str, str]
) -> None:
    note = create(client, auth_headers, title="Keep me").json
    # The token is checked before the body, so even a malformed body gets 401.
    responses = [
        client.post("/api/notes", data="{", headers=headers),
        client.delete(f"/api/notes/{note['id']}", headers=headers),
    ]
    for response in responses:
        assert_json_error(response, 401)
        assert response.headers["WWW-Authenticate"] == "Bearer"
    assert client.get(f"/api/notes/{note['id']}").status_code == 200


@pytest.mark.parametrize(
    "data",
    ["{not json", "[1, 2]", "null", '"title"'],
    ids=["malformed", "array", "null", "string"],
)
def test_bad_json_is_400(
    client: FlaskClient, auth_headers: dict[str, str], data: str
) -> None:
    headers = {**auth_headers, "Content-Type": "application/json"}
    assert_json_error(client.post("/api/notes", data=data, headers=headers), 400)
    assert_nothing_stored(client)


def test_other_content_type_is_415(
    client: FlaskClient, auth_headers: dict[str, str]
) -> None:
    response = client.post("/api/notes", data="title=x", headers=auth_headers)
    assert_json_error(response, 415)
    assert_nothing_stored(client)


@pytest.mark.parametrize(
    "fields",
    [
        {"body": "no title"},
        {"title": 42},
        {"title": None},
        {"title": "   "},
        {"title": "t" * 201},
        {"title": "ok", "body": 42},
        {"title": "ok", "body": None},
        {"title": "ok", "body": "b" * 10_001},
    ],
    ids=[
        "title-missing",
        "title-number",
        "title-null",
        "title-blank",
        "title-too-long",
        "body-number",
        "body-null",
        "body-too-long",
    ],
)
def test_invalid_fields_are_422(
    client: FlaskClient, auth_headers: dict[str, str], fields: dict[str, Any]
) -> None:
    assert_json_error(create(client, auth_headers, **fields), 422)
    assert_nothing_stored(client)


def test_body_over_one_mebibyte_is_413(
    client: FlaskClient, auth_headers: dict[str, str]
) -> None:
    data = '{"title": "big", "body": "' + "x" * (1024 * 1024) + '"}'
    headers = {**auth_headers, "Content-Type": "application/json"}
    assert_json_error(client.post("/api/notes", data=data, headers=headers), 413)
    assert_nothing_stored(client)


@pytest.mark.parametrize("method", ["PUT", "PATCH"])
@pytest.mark.parametrize("path", ["/api/notes", "/api/notes/1"])
def test_wrong_method_is_405(
    client: FlaskClient, auth_headers: dict[str, str], method: str, path: str
) -> None:
    create(client, auth_headers, title="Exists")
    response = client.open(
        path, method=method, json={"title": "x"}, headers=auth_headers
    )
    assert_json_error(response, 405)
    assert "GET" in response.headers["Allow"]


def test_unknown_api_path_is_json_404(client: FlaskClient) -> None:
    assert_json_error(client.get("/api/nothing-here"), 404)
