"""The notes JSON API: every answer and every error case of the contract."""

from __future__ import annotations

import json
import logging
import re
from types import ModuleType
from typing import Any

import pytest
import webtest

Headers = dict[str, str]


def create(app: webtest.TestApp, headers: Headers, **fields: Any) -> dict[str, Any]:
    response = app.post_json("/api/notes", fields, headers=headers)
    assert response.status_code == 201
    return response.json


def post_raw(
    app: webtest.TestApp, body: bytes, headers: Headers, content_type: str | None
) -> webtest.TestResponse:
    extra = dict(headers)
    if content_type is not None:
        extra["Content-Type"] = content_type
    return app.post("/api/notes", body, headers=extra, expect_errors=True)


def assert_error(response: webtest.TestResponse, status: int) -> dict[str, Any]:
    assert response.status_code == status
    assert response.content_type == "application/json"
    body = response.json
    assert isinstance(body["message"], str) and body["message"]
    assert set(body) <= {"message", "errors"}
    assert ("errors" in body) == (status == 422)
    return body


@pytest.mark.usefixtures("db")
class TestCreate:
    def test_created_note_and_its_location(
        self, app: webtest.TestApp, auth_headers: Headers
    ) -> None:
        response = app.post_json(
            "/api/notes",
            {"title": "  First  ", "body": "Hello\n"},
            headers=auth_headers,
        )
        assert response.status_code == 201
        note = response.json
        assert set(note) == {"id", "title", "body", "created_at"}
        assert note["title"] == "First"
        assert note["body"] == "Hello\n"
        assert response.headers["Location"] == f"/api/notes/{note['id']}"
        assert re.fullmatch(
            r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?\+00:00", note["created_at"]
        )

    def test_body_is_optional_and_unknown_fields_are_ignored(
        self, app: webtest.TestApp, auth_headers: Headers
    ) -> None:
        note = create(app, auth_headers, title="x", id=99, extra=1)
        assert note["body"] == ""
        assert note["id"] != 99

    def test_charset_parameter_and_any_case_are_accepted(
        self, app: webtest.TestApp, auth_headers: Headers
    ) -> None:
        body = json.dumps({"title": "x"}).encode()
        response = post_raw(app, body, auth_headers, "Application/JSON; charset=utf-8")
        assert response.status_code == 201

    def test_chunked_body_is_read(
        self, app: webtest.TestApp, auth_headers: Headers
    ) -> None:
        body = json.dumps({"title": "chunked"}).encode()
        response = app.request(
            "/api/notes",
            method="POST",
            body=body,
            headers={**auth_headers, "Content-Type": "application/json"},
            environ={"HTTP_TRANSFER_ENCODING": "chunked", "CONTENT_LENGTH": ""},
        )
        assert response.status_code == 201
        assert response.json["title"] == "chunked"

    @pytest.mark.parametrize(
        "headers",
        [
            {},
            {"Authorization": "Bearer"},
            {"Authorization": "Bearer "},
            {"Authorization": "Bearer wrong"},
            {"Authorization": "Basic dGVzdC10b2tlbg=="},
            {"Authorization": "Token test-token"},
        ],
        ids=["missing", "no-token", "empty-token", "wrong", "basic", "other-scheme"],
    )
    def test_writes_need_the_bearer_token(
        self, app: webtest.TestApp, headers: Headers
    ) -> None:
        response = post_raw(app, b"not json", headers, "text/plain")
        assert_error(response, 401)
        assert response.headers["WWW-Authenticate"].startswith("Bearer")
        assert app.get("/api/notes").json == []

    def test_scheme_is_case_insensitive(
        self, app: webtest.TestApp, auth_headers: Headers
    ) -> None:
        token = auth_headers["Authorization"].split(" ", 1)[1]
        headers = {"Authorization": f"bEaReR   {token} "}
        assert (
            post_raw(app, b'{"title": "x"}', headers, "application/json").status_code
            == 201
        )

    @pytest.mark.parametrize(
        "content_type",
        [None, "text/plain", "application/vnd.api+json", "application/jsonx"],
    )
    def test_only_json_is_accepted(
        self, app: webtest.TestApp, auth_headers: Headers, content_type: str | None
    ) -> None:
        assert_error(post_raw(app, b'{"title": "x"}', auth_headers, content_type), 415)

    def test_body_over_one_mebibyte_is_refused(
        self, app: webtest.TestApp, auth_headers: Headers
    ) -> None:
        body = json.dumps({"title": "x", "body": "a" * 1_048_576}).encode()
        assert_error(post_raw(app, body, auth_headers, "application/json"), 413)

    def test_chunked_body_over_one_mebibyte_is_refused(
        self, app: webtest.TestApp, auth_headers: Headers
    ) -> None:
        response = app.request(
            "/api/notes",
            method="POST",
            body=b" " * 1_048_577,
            headers={**auth_headers, "Content-Type": "application/json"},
            environ={"HTTP_TRANSFER_ENCODING": "chunked", "CONTENT_LENGTH": ""},
            expect_errors=True,
        )
        assert_error(response, 413)

    def test_empty_body_without_length_is_not_json(
        self, app: webtest.TestApp, auth_headers: Headers
    ) -> None:
        response = app.request(
            "/api/notes",
            method="POST",
            headers={**auth_headers, "Content-Type": "application/json"},
            environ={"CONTENT_LENGTH": ""},
            expect_errors=True,
        )
        assert_error(response, 400)

    @pytest.mark.parametrize(
        "body",
        [b"{", b"", b"[1, 2]", b'"title"', b"\xff\xfe", b"[" * 100_000],
        ids=["malformed", "empty", "array", "string", "not-utf8", "too-deep"],
    )
    def test_body_must_be_a_json_object(
        self, app: webtest.TestApp, auth_headers: Headers, body: bytes
    ) -> None:
        assert_error(post_raw(app, body, auth_headers, "application/json"), 400)

    @pytest.mark.parametrize(
        ("fields", "invalid"),
        [
            ({}, {"title"}),
            ({"title": None}, {"title"}),
            ({"title": 5}, {"title"}),
            ({"title": True}, {"title"}),
            ({"title": ["x"]}, {"title"}),
            ({"title": ""}, {"title"}),
            ({"title": " \t\u3000"}, {"title"}),
            ({"title": "a" * 201}, {"title"}),
            ({"title": " " + "a" * 200}, {"title"}),
            ({"title": "two\nlines"}, {"title"}),
            ({"title": "nul\x00"}, {"title"}),
            ({"title": "c1\x85"}, {"title"}),
            ({"title": "a\ud800b"}, {"title"}),
            ({"title": "x", "body": None}, {"body"}),
            ({"title": "x", "body": 1}, {"body"}),
            ({"title": "x", "body": "b" * 10_001}, {"body"}),
            ({"title": "x", "body": "nul\x00"}, {"body"}),
            ({"title": "x", "body": "\udfff"}, {"body"}),
            ({"title": "", "body": "\x07"}, {"title", "body"}),
        ],
    )
    def test_invalid_fields_are_named(
        self,
        app: webtest.TestApp,
        auth_headers: Headers,
        fields: dict[str, Any],
        invalid: set[str],
    ) -> None:
        body = json.dumps(fields).encode()
        error = assert_error(post_raw(app, body, auth_headers, "application/json"), 422)
        assert set(error["errors"]) == invalid
        assert all(isinstance(problem, str) for problem in error["errors"].values())
        assert app.get("/api/notes").json == []

    def test_limits_are_inclusive(
        self, app: webtest.TestApp, auth_headers: Headers
    ) -> None:
        note = create(app, auth_headers, title="t" * 200, body="b\r\n\t" * 2_500)
        assert len(note["title"]) == 200
        assert len(note["body"]) == 10_000


@pytest.mark.usefixtures("db")
class TestRead:
    def test_empty_list(self, app: webtest.TestApp) -> None:
        response = app.get("/api/notes")
        assert response.status_code == 200
        assert response.content_type == "application/json"
        assert response.json == []
        assert "Link" not in response.headers

    def test_newest_first_with_a_link_to_the_next_page(
        self, app: webtest.TestApp, auth_headers: Headers
    ) -> None:
        ids = [create(app, auth_headers, title=f"n{i}")["id"] for i in range(5)]
        first = app.get("/api/notes?limit=2")
        assert [n["id"] for n in first.json] == ids[::-1][:2]
        assert first.headers["Link"] == '</api/notes?limit=2&offset=2>; rel="next"'
        last = app.get("/api/notes?limit=2&offset=4&unknown=1")
        assert [n["id"] for n in last.json] == [ids[0]]
        assert "Link" not in last.headers
        assert app.get("/api/notes?offset=5").json == []
        repeated = app.get("/api/notes?limit=1&limit=x&offset=1&offset=x")
        assert [n["id"] for n in repeated.json] == [ids[3]]

    def test_default_page_is_fifty(self, app: webtest.TestApp, db: Any) -> None:
        for i in range(51):
            db.note.insert(title=f"n{i}")
        db.commit()
        response = app.get("/api/notes")
        assert len(response.json) == 50
        assert response.headers["Link"] == '</api/notes?limit=50&offset=50>; rel="next"'
        assert len(app.get("/api/notes?limit=100").json) == 51

    @pytest.mark.parametrize(
        ("query", "field"),
        [
            ("limit=0", "limit"),
            ("limit=101", "limit"),
            ("limit=", "limit"),
            ("limit=abc", "limit"),
            ("limit=%2B5", "limit"),
            ("limit=1.5", "limit"),
            ("limit=%D9%A3", "limit"),
            ("offset=-1", "offset"),
            ("offset=", "offset"),
            ("offset=x", "offset"),
        ],
    )
    def test_invalid_page_parameters(
        self, app: webtest.TestApp, query: str, field: str
    ) -> None:
        error = assert_error(app.get(f"/api/notes?{query}", expect_errors=True), 422)
        assert set(error["errors"]) == {field}

    def test_list_answers_head(self, app: webtest.TestApp) -> None:
        response = app.head("/api/notes")
        assert response.status_code == 200
        assert response.content_type == "application/json"
        assert response.body == b""

    def test_get_and_head_one_note(
        self, app: webtest.TestApp, auth_headers: Headers
    ) -> None:
        note = create(app, auth_headers, title="one", body="two")
        assert app.get(f"/api/notes/{note['id']}").json == note
        assert app.get(f"/api/notes/0{note['id']}").json == note
        head = app.head(f"/api/notes/{note['id']}")
        assert head.status_code == 200
        assert head.body == b""

    @pytest.mark.parametrize(
        "note_id",
        [
            "12345",
            "0",
            "-1",
            "abc",
            "1.5",
            "9223372036854775807",
            "9223372036854775808",
            "%201",
            "%D9%A3",
        ],
    )
    def test_unknown_or_invalid_ids_are_404(
        self, app: webtest.TestApp, note_id: str
    ) -> None:
        assert_error(app.get(f"/api/notes/{note_id}", expect_errors=True), 404)
        assert app.head(f"/api/notes/{note_id}", expect_errors=True).status_code == 404

    @pytest.mark.parametrize("path", ["/api/notes/", "/api/notes/1/"])
    def test_no_twins_with_a_trailing_slash(
        self, app: webtest.TestApp, auth_headers: Headers, path: str
    ) -> None:
        create(app, auth_headers, title="x")
        assert_error(app.get(path, expect_errors=True), 404)


@pytest.mark.usefixtures("db")
class TestDelete:
    def test_delete_then_gone(
        self, app: webtest.TestApp, auth_headers: Headers
    ) -> None:
        note = create(app, auth_headers, title="bye")
        response = app.delete(f"/api/notes/{note['id']}", headers=auth_headers)
        assert response.status_code == 204
        assert response.body == b""
        assert "Content-Type" not in response.headers
        gone = app.delete(
            f"/api/notes/{note['id']}", headers=auth_headers, expect_errors=True
        )
        assert_error(gone, 404)
        assert_error(app.get(f"/api/notes/{note['id']}", expect_errors=True), 404)

    @pytest.mark.parametrize("note_id", ["0", "abc", "9223372036854775808"])
    def test_invalid_ids_are_404(
        self, app: webtest.TestApp, auth_headers: Headers, note_id: str
    ) -> None:
        response = app.delete(
            f"/api/notes/{note_id}", headers=auth_headers, expect_errors=True
        )
        assert_error(response, 404)

    @pytest.mark.parametrize("note_id", ["1", "12345", "0"])
    def test_token_is_checked_before_the_note(
        self, app: webtest.TestApp, auth_headers: Headers, note_id: str
    ) -> None:
        create(app, auth_headers, title="kept")
        response = app.delete(f"/api/notes/{note_id}", expect_errors=True)
        assert_error(response, 401)
        assert response.headers["WWW-Authenticate"].startswith("Bearer")
        assert len(app.get("/api/notes").json) == 1


@pytest.mark.parametrize(
    ("method", "path", "allowed"),
    [
        ("PUT", "/api/notes", {"GET", "HEAD", "POST"}),
        ("PATCH", "/api/notes", {"GET", "HEAD", "POST"}),
        ("DELETE", "/api/notes", {"GET", "HEAD", "POST"}),
        ("PUT", "/api/notes/1", {"GET", "HEAD", "DELETE"}),
        ("POST", "/api/notes/1", {"GET", "HEAD", "DELETE"}),
        ("TRACE", "/api/notes/1", {"GET", "HEAD", "DELETE"}),
    ],
)
def test_unsupported_methods_are_405(
    app: webtest.TestApp, method: str, path: str, allowed: set[str]
) -> None:
    response = app.request(path, method=method, expect_errors=True)
    assert_error(response, 405)
    listed = set(response.headers["Allow"].split(","))
    assert listed >= allowed
    assert method not in listed


@pytest.mark.usefixtures("db")
def test_unexpected_error_is_a_json_500_with_a_logged_traceback(
    app: webtest.TestApp,
    default_app: ModuleType,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    def broken() -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(default_app.api, "read_page", broken)
    with caplog.at_level(logging.ERROR):
        response = app.get("/api/notes", expect_errors=True)
    assert_error(response, 500)
    assert "boom" not in response.text
    assert any(record.exc_info for record in caplog.records)
