"""The notes JSON API: every answer of the contract, errors included."""

from __future__ import annotations

import json
from datetime import datetime

from tests import TestController

AUTH = {"Authorization": "Bearer test-api-token"}
JSON = "application/json"


class ApiTest(TestController):
    def create(self, title: str = "A note", **fields: object) -> dict[str, object]:
        answer = self.app.post_json(
            "/api/notes", {"title": title, **fields}, headers=AUTH, status=201
        )
        return answer.json

    def post(self, body: bytes, status: int, **headers: str) -> dict[str, object]:
        answer = self.app.post(
            "/api/notes",
            body,
            headers={**AUTH, "Content-Type": JSON, **headers},
            status=status,
        )
        assert answer.content_type == JSON
        return answer.json

    def invalid(self, payload: object) -> dict[str, str]:
        answer = self.post(json.dumps(payload).encode(), 422)
        assert set(answer) == {"message", "errors"}
        return answer["errors"]


class TestNotes(ApiTest):
    def test_create_returns_the_note_and_its_location(self) -> None:
        answer = self.app.post_json(
            "/api/notes", {"title": "  First  ", "body": "b"}, headers=AUTH, status=201
        )
        note = answer.json
        assert answer.headers["Location"] == f"/api/notes/{note['id']}"
        assert note["title"] == "First" and note["body"] == "b"
        assert set(note) == {"id", "title", "body", "created_at"}
        assert datetime.fromisoformat(note["created_at"]).utcoffset() is not None

    def test_list_is_newest_first_and_get_returns_one(self) -> None:
        first, second = self.create("one"), self.create("two")
        assert self.app.get("/api/notes").json == [second, first]
        assert self.app.get(f"/api/notes/{first['id']}").json == first
        assert self.app.get("/api/notes/0001").json["id"] == 1

    def test_head_answers_without_a_body(self) -> None:
        note = self.create()
        for path in ("/api/notes", f"/api/notes/{note['id']}"):
            head = self.app.head(path)
            assert head.content_type == JSON and head.body == b""
        assert self.app.head("/api/notes/999", status=404).body == b""

    def test_delete_answers_204_without_content_type(self) -> None:
        note = self.create()
        answer = self.app.delete(f"/api/notes/{note['id']}", headers=AUTH, status=204)
        assert answer.body == b"" and "Content-Type" not in answer.headers
        self.app.get(f"/api/notes/{note['id']}", status=404)
        self.app.delete(f"/api/notes/{note['id']}", headers=AUTH, status=404)

    def test_body_defaults_and_unknown_fields_are_ignored(self) -> None:
        note = self.create("x", id=99, extra=1)
        assert note["body"] == "" and note["id"] != 99

    def test_chunked_body_and_charset_are_accepted(self) -> None:
        answer = self.app.post(
            "/api/notes",
            b'{"title": "chunked"}',
            headers={
                **AUTH,
                "Content-Type": "Application/JSON; charset=utf-8",
                "Transfer-Encoding": "chunked",
            },
            status=201,
        )
        assert answer.json["title"] == "chunked"

    def test_limits_count_characters(self) -> None:
        note = self.create("t" * 199 + "é", body="b" * 10_000)
        assert len(note["title"]) == 200


class TestPages(ApiTest):
    def test_link_points_to_the_next_page_until_the_last(self) -> None:
        for number in range(3):
            self.create(f"note {number}")
        first = self.app.get("/api/notes?limit=2")
        assert first.headers["Link"] == '</api/notes?limit=2&offset=2>; rel="next"'
        last = self.app.get("/api/notes?limit=2&offset=2&unknown=1")
        assert "Link" not in last.headers and len(last.json) == 1
        assert self.app.get("/api/notes?offset=99999999999999999999999").json == []

    def test_invalid_page_parameters_are_422_per_field(self) -> None:
        for query, field in [
            ("limit=0", "limit"),
            ("limit=101", "limit"),
            ("limit=", "limit"),
            ("limit=%2B5", "limit"),
            ("limit=1.5", "limit"),
            ("offset=-1", "offset"),
            ("offset=abc", "offset"),
        ]:
            answer = self.app.get(f"/api/notes?{query}", status=422)
            assert set(answer.json["errors"]) == {field}, query


class TestRejections(ApiTest):
    def test_writes_need_the_bearer_token(self) -> None:
        note = self.create()
        for headers in [
            {},
            {"Authorization": "Bearer"},
            {"Authorization": "Bearer wrong"},
            {"Authorization": "Basic test-api-token"},
        ]:
            for answer in (
                self.app.post_json(
                    "/api/notes", {"title": "x"}, headers=headers, status=401
                ),
                self.app.delete(
                    f"/api/notes/{note['id']}", headers=headers, status=401
                ),
                self.app.delete("/api/notes/999", headers=headers, status=401),
            ):
                assert answer.headers["WWW-Authenticate"].startswith("Bearer")
                assert set(answer.json) == {"message"}
        answer = self.app.post_json(
            "/api/notes",
            {"title": "x"},
            headers={"Authorization": "bearer  test-api-token "},
        )
        assert answer.status_int == 201

    def test_auth_comes_before_the_body(self) -> None:
        self.app.post("/api/notes", b"nope", {"Content-Type": "text/plain"}, status=401)

    def test_only_json_is_accepted(self) -> None:
        for media in ("text/plain", "application/vnd.api+json"):
            self.post(b'{"title": "x"}', 415, **{"Content-Type": media})
        self.app.post("/api/notes", b'{"title": "x"}', headers=AUTH, status=415)

    def test_a_broken_form_body_is_not_json(self) -> None:
        self.post(b'{"title": "x"}', 415, **{"Content-Type": "multipart/form-data"})

    def test_large_bodies_are_413(self) -> None:
        big = json.dumps({"title": "x", "body": "b" * 1_048_576}).encode()
        self.post(big, 413)
        self.post(big, 413, **{"Transfer-Encoding": "chunked"})

    def test_bodies_that_are_not_json_objects_are_400(self) -> None:
        for body in (b"{", b"[1]", b'"x"', b"\xff\xfe", b"[" * 100_000):
            assert set(self.post(body, 400)) == {"message"}

    def test_invalid_fields_are_422_per_field(self) -> None:
        assert set(self.invalid({})) == {"title"}
        assert set(self.invalid({"title": None, "body": None})) == {"title", "body"}
        titles = ("", " \t ", "t" * 201, "a\nb", "a\x85b", 5, True, ["x"], "a\ud800b")
        for title in titles:
            assert set(self.invalid({"title": title})) == {"title"}, title
        for body in ("b" * 10_001, "a\x00b", 7, "a\udfffb"):
            assert set(self.invalid({"title": "x", "body": body})) == {"body"}, body
        assert self.create("x", body="tab\tand\r\nlines")["body"] == "tab\tand\r\nlines"
        assert self.app.get("/api/notes").json[0]["title"] == "x"

    def test_rejected_writes_store_nothing(self) -> None:
        self.invalid({"title": ""})
        assert self.app.get("/api/notes").json == []


class TestPaths(ApiTest):
    def test_ids_outside_the_column_are_404(self) -> None:
        too_large = "9223372036854775808"
        for note_id in ("0", "-1", "abc", "1.5", too_large, "%201", "%D9%A1"):
            for method in ("get", "head"):
                getattr(self.app, method)(f"/api/notes/{note_id}", status=404)
            self.app.delete(f"/api/notes/{note_id}", headers=AUTH, status=404)

    def test_one_path_per_resource(self) -> None:
        note = self.create()
        for path in ("/api/notes/", f"/api/notes/{note['id']}/", "/api", "/api/nope"):
            answer = self.app.get(path, status=404)
            assert answer.content_type == JSON and set(answer.json) == {"message"}

    def test_methods_not_allowed_are_405_with_allow(self) -> None:
        note = self.create()
        for method, path, allow in [
            ("put", "/api/notes", "GET, HEAD, POST"),
            ("delete", "/api/notes", "GET, HEAD, POST"),
            ("patch", f"/api/notes/{note['id']}", "GET, HEAD, DELETE"),
            ("post", f"/api/notes/{note['id']}", "GET, HEAD, DELETE"),
        ]:
            answer = getattr(self.app, method)(path, headers=AUTH, status=405)
            assert answer.headers["Allow"] == allow
            assert set(answer.json) == {"message"}
