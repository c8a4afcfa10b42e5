"""The notes API over HTTP, with hug's test client: `hug.test.get(module, path)`..."""

from __future__ import annotations

import logging
from datetime import datetime

import hug
import pytest

from {{ cookiecutter.package_name }} import app, notes

pytestmark = pytest.mark.usefixtures("notes_db")


def add(auth, title="A note", **fields):
    response = hug.test.post(
        app, "/api/notes", body={"title": title, **fields}, headers=auth
    )
    assert response.status == "201 Created", response.data
    return response.data


def allowed(response):
    return {method.strip() for method in response.headers_dict["allow"].split(",")}


def test_a_new_note_is_created_trimmed_with_its_location(auth):
    response = hug.test.post(
        app, "/api/notes", body={"title": "  Milk  ", "body": "2 litres"}, headers=auth
    )
    assert response.status == "201 Created"
    note = response.data
    assert set(note) == {"id", "title", "body", "created_at"}
    assert (note["title"], note["body"]) == ("Milk", "2 litres")
    assert response.headers_dict["location"] == f"/api/notes/{note['id']}"
    assert datetime.fromisoformat(note["created_at"]).utcoffset().total_seconds() == 0


def test_body_defaults_to_empty_and_unknown_fields_are_ignored(auth):
    note = add(auth, "x", id=99_999, extra=1)
    assert note["body"] == ""
    assert note["id"] != 99_999


def test_the_list_is_newest_first(auth):
    ids = [add(auth, f"note {i}")["id"] for i in range(3)]
    response = hug.test.get(app, "/api/notes")
    assert response.status == "200 OK"
    assert [note["id"] for note in response.data] == ids[::-1]
    assert "link" not in response.headers_dict


def test_pages_link_to_the_next_one(auth):
    ids = [add(auth, f"note {i}")["id"] for i in range(3)][::-1]
    first = hug.test.get(app, "/api/notes", query_string="limit=2")
    assert [note["id"] for note in first.data] == ids[:2]
    assert first.headers_dict["link"] == '</api/notes?limit=2&offset=2>; rel="next"'
    last = hug.test.get(app, "/api/notes", query_string="limit=2&offset=2&sort=ignored")
    assert [note["id"] for note in last.data] == ids[2:]
    assert "link" not in last.headers_dict


@pytest.mark.parametrize(
    ("query", "fields"),
    [
        ("limit=0", {"limit"}),
        ("limit=101", {"limit"}),
        ("limit=+5", {"limit"}),
        ("limit=1.5", {"limit"}),
        ("limit=", {"limit"}),
        ("limit=%D9%A3", {"limit"}),
        ("limit=1&limit=2", {"limit"}),
        ("offset=-1", {"offset"}),
        ("offset=abc", {"offset"}),
        ("limit=abc&offset=-1", {"limit", "offset"}),
    ],
)
def test_bad_pagination_is_422_naming_the_parameter(query, fields):
    response = hug.test.get(app, "/api/notes", query_string=query)
    assert response.status == "422 Unprocessable Entity"
    assert set(response.data) == {"message", "errors"}
    assert set(response.data["errors"]) == fields


def test_a_huge_offset_is_an_empty_page(auth):
    add(auth)
    response = hug.test.get(app, "/api/notes", query_string="offset=" + "9" * 40)
    assert (response.status, response.data) == ("200 OK", [])


def test_one_note_by_id_and_head_like_get(auth):
    note = add(auth)
    response = hug.test.get(app, f"/api/notes/{note['id']}")
    assert (response.status, response.data) == ("200 OK", note)
    leading_zero = hug.test.get(app, f"/api/notes/0{note['id']}")
    assert leading_zero.data == note
    for path in ("/api/notes", f"/api/notes/{note['id']}", "/api/notes/424242"):
        get, head = hug.test.get(app, path), hug.test.head(app, path)
        assert head.status == get.status
        assert head.headers_dict["content-length"] == get.headers_dict["content-length"]
        assert not getattr(head, "data", None)


@pytest.mark.parametrize(
    "note_id",
    [
        "424242",
        "0",
        "-1",
        "abc",
        "1.5",
        "9223372036854775808",
        "%201",
        "1e3",
        "%EF%BC%91",
    ],
)
def test_ids_of_no_note_are_json_404(auth, note_id):
    for response in (
        hug.test.get(app, f"/api/notes/{note_id}"),
        hug.test.delete(app, f"/api/notes/{note_id}", headers=auth),
    ):
        assert response.status == "404 Not Found"
        assert list(response.data) == ["message"]


def test_delete_answers_204_without_body_or_content_type(auth):
    note = add(auth)
    response = hug.test.delete(app, f"/api/notes/{note['id']}", headers=auth)
    assert response.status == "204 No Content"
    assert "content-type" not in response.headers_dict
    assert not getattr(response, "data", None)
    assert hug.test.get(app, f"/api/notes/{note['id']}").status == "404 Not Found"
    again = hug.test.delete(app, f"/api/notes/{note['id']}", headers=auth)
    assert again.status == "404 Not Found"


@pytest.mark.parametrize(
    "authorization",
    [
        None,
        "",
        "Bearer",
        "Bearer ",
        "Bearer wrong",
        "Basic dGVzdC10b2tlbg==",
        "Token test-token",
    ],
)
def test_writes_without_the_token_are_401_with_a_bearer_challenge(auth, authorization):
    note = add(auth)
    headers = {} if authorization is None else {"Authorization": authorization}
    for response in (
        hug.test.post(app, "/api/notes", body={"title": "x"}, headers=headers),
        hug.test.delete(app, f"/api/notes/{note['id']}", headers=headers),
        hug.test.delete(app, "/api/notes/0", headers=headers),
    ):
        assert response.status == "401 Unauthorized"
        assert response.headers_dict["www-authenticate"].startswith("Bearer")
        assert list(response.data) == ["message"]
    assert len(hug.test.get(app, "/api/notes").data) == 1


@pytest.mark.parametrize("scheme", ["bearer", "BEARER", "Bearer  "])
def test_the_scheme_is_case_insensitive(scheme):
    headers = {"Authorization": f"{scheme} test-token"}
    response = hug.test.post(app, "/api/notes", body={"title": "x"}, headers=headers)
    assert response.status == "201 Created"


def test_the_token_is_checked_before_the_body():
    headers = {"Authorization": "Bearer wrong", "content-type": "text/plain"}
    response = hug.test.post(app, "/api/notes", body="{", headers=headers)
    assert response.status == "401 Unauthorized"


LONG = "t" * 199 + "é"


@pytest.mark.parametrize(
    ("payload", "fields"),
    [
        ({}, {"title"}),
        ({"body": "x"}, {"title"}),
        ({"title": 42}, {"title"}),
        ({"title": None}, {"title"}),
        ({"title": True}, {"title"}),
        ({"title": ["x"]}, {"title"}),
        ({"title": "   "}, {"title"}),
        ({"title": "\u3000\u2003"}, {"title"}),
        ({"title": "t" * 201}, {"title"}),
        ({"title": " " + "t" * 200}, {"title"}),
        ({"title": "two\nlines"}, {"title"}),
        ({"title": "a\tb"}, {"title"}),
        ({"title": "a\x00b"}, {"title"}),
        ({"title": "a\x85b"}, {"title"}),
        ({"title": "x", "body": 7}, {"body"}),
        ({"title": "x", "body": None}, {"body"}),
        ({"title": "x", "body": "b" * 10_001}, {"body"}),
        ({"title": "x", "body": "a\x1bb"}, {"body"}),
        ({"title": 42, "body": 7}, {"title", "body"}),
    ],
)
def test_invalid_fields_are_422_naming_each(auth, payload, fields):
    response = hug.test.post(app, "/api/notes", body=payload, headers=auth)
    assert response.status == "422 Unprocessable Entity"
    assert set(response.data) == {"message", "errors"}
    assert set(response.data["errors"]) == fields
    assert all(isinstance(problem, str) for problem in response.data["errors"].values())
    assert hug.test.get(app, "/api/notes").data == []


@pytest.mark.parametrize("field", ["title", "body"])
def test_a_lone_surrogate_is_422(auth, field):
    raw = '{"title": "x", "body": ""}'.replace(f'"{field}": "', f'"{field}": "a\\ud800')
    headers = {**auth, "content-type": "application/json"}
    response = hug.test.post(app, "/api/notes", body=raw, headers=headers)
    assert response.status == "422 Unprocessable Entity"
    assert set(response.data["errors"]) == {field}


def test_limits_count_characters_and_allow_line_breaks_in_the_body(auth):
    note = add(auth, LONG, body="b" * 9_997 + "\t\r\n")
    assert note["title"] == LONG


@pytest.mark.parametrize(
    ("method", "path", "allow"),
    [
        ("PUT", "/api/notes", {"GET", "HEAD", "POST"}),
        ("PATCH", "/api/notes", {"GET", "HEAD", "POST"}),
        ("DELETE", "/api/notes", {"GET", "HEAD", "POST"}),
        ("TRACE", "/api/notes", {"GET", "HEAD", "POST"}),
        ("PUT", "/api/notes/1", {"GET", "HEAD", "DELETE"}),
        ("POST", "/api/notes/1", {"GET", "HEAD", "DELETE"}),
    ],
)
def test_other_methods_are_405_with_allow(auth, method, path, allow):
    response = hug.test.call(method, app, path, body={"title": "x"}, headers=auth)
    assert response.status == "405 Method Not Allowed"
    assert allow <= allowed(response)
    assert method not in allowed(response)
    assert list(response.data) == ["message"]


@pytest.mark.parametrize("path", ["/health", "/api/notes", "/api/notes/1"])
def test_options_lists_the_methods(path):
    response = hug.test.options(app, path)
    assert response.status == "200 OK"
    assert {"GET", "HEAD"} <= allowed(response)


@pytest.mark.parametrize(
    "path", ["/api/notes/", "/api/notes/1/", "/api/nope", "/v1/api/notes/"]
)
def test_twin_and_unknown_paths_are_404(auth, path):
    add(auth)
    for method in ("GET", "POST", "DELETE"):
        response = hug.test.call(method, app, path, body={"title": "x"}, headers=auth)
        assert response.status == "404 Not Found", (method, path)
        assert list(response.data) == ["message"]


def test_version_1_routes_beside_the_unversioned_ones(auth):
    response = hug.test.post(app, "/v1/api/notes", body={"title": "v1"}, headers=auth)
    assert response.status == "201 Created"
    assert response.headers_dict["location"] == f"/v1/api/notes/{response.data['id']}"
    assert hug.test.get(app, response.headers_dict["location"]).data == response.data
    listed = hug.test.get(app, "/api/notes", headers={"X-API-VERSION": "1"})
    assert listed.data == [response.data]
    for path in ("/v2/api/notes", "/vx/api/notes"):
        assert hug.test.get(app, path).status == "404 Not Found"


def test_a_server_error_is_json_and_logged(monkeypatch, caplog):
    def broken(*args, **kwargs):
        raise RuntimeError("planted failure")

    monkeypatch.setattr(notes.list_notes.interface, "_function", broken)
    with caplog.at_level(logging.ERROR):
        response = hug.test.get(app, "/api/notes")
    assert response.status == "500 Internal Server Error"
    assert list(response.data) == ["message"]
    assert "planted failure" in caplog.text
