"""The notes API: every answer of the HTTP contract, errors included."""

from __future__ import annotations

import http.client
import json
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from typing import Any

from . import support

NO_TOKEN = object()


class NotesApiTest(support.AppTestCase):
    def send(
        self,
        method: str,
        url: str,
        payload: Any = None,
        *,
        raw: bytes | None = None,
        token: object = support.API_TOKEN,
    ) -> None:
        """Request `url` with a bearer token and a JSON body (`payload` or `raw`)."""
        headers = [] if token is NO_TOKEN else [("Authorization", f"Bearer {token}")]
        body = raw
        if payload is not None:
            body = json.dumps(payload).encode()
        if body is not None:
            headers += [
                ("Content-Type", "application/json"),
                ("Content-Length", str(len(body))),
            ]
        self.getPage(url, headers=headers, method=method, body=body)

    def create(self, title: str = "A note", body: str = "Its body") -> dict[str, Any]:
        self.send("POST", "/api/notes", {"title": title, "body": body})
        self.assertStatus(201)
        return self.json()

    def assertJsonError(self, status: int) -> None:
        self.assertStatus(status)
        self.assertHeader("Content-Type", "application/json")
        assert isinstance(self.json()["message"], str)

    def assertNothingStored(self) -> None:
        self.getPage("/api/notes")
        assert self.json() == []

    def tearDown(self) -> None:
        # Each test starts from an empty database.
        self.getPage("/api/notes")
        for note in self.json():
            self.send("DELETE", f"/api/notes/{note['id']}")

    def test_list_is_empty_at_first(self) -> None:
        self.getPage("/api/notes")
        self.assertStatus(200)
        self.assertHeader("Content-Type", "application/json")
        assert self.json() == []

    def test_create_answers_201_with_the_note_and_its_location(self) -> None:
        self.send("POST", "/api/notes", {"title": "  Groceries  ", "body": "Milk"})
        self.assertStatus(201)
        note = self.json()
        assert set(note) == {"id", "title", "body", "created_at"}
        assert isinstance(note["id"], int)
        assert note["title"] == "Groceries"
        assert note["body"] == "Milk"
        assert datetime.fromisoformat(note["created_at"]).tzinfo is not None
        location = dict(self.headers)["Location"]
        assert location.endswith(f"/api/notes/{note['id']}")

    def test_body_defaults_to_empty(self) -> None:
        self.send("POST", "/api/notes", {"title": "Title only"})
        self.assertStatus(201)
        assert self.json()["body"] == ""

    def test_read_one(self) -> None:
        note = self.create()
        self.getPage(f"/api/notes/{note['id']}")
        self.assertStatus(200)
        assert self.json() == note

    def test_list_is_newest_first(self) -> None:
        ids = [self.create(title=f"Note {n}")["id"] for n in range(3)]
        self.getPage("/api/notes")
        assert [note["id"] for note in self.json()] == ids[::-1]

    def test_delete(self) -> None:
        note = self.create()
        self.send("DELETE", f"/api/notes/{note['id']}")
        self.assertStatus(204)
        self.assertBody(b"")
        self.getPage(f"/api/notes/{note['id']}")
        self.assertJsonError(404)

    def test_absent_note_is_404(self) -> None:
        for url in ("/api/notes/999", "/api/notes/not-a-number", "/api/nothing-here"):
            with self.subTest(url=url):
                self.getPage(url)
                self.assertJsonError(404)
        self.send("DELETE", "/api/notes/999")
        self.assertJsonError(404)

    def test_writes_need_the_token(self) -> None:
        note = self.create()
        for token in (NO_TOKEN, "wrong-token"):
            for method, url in (
                ("POST", "/api/notes"),
                ("DELETE", f"/api/notes/{note['id']}"),
            ):
                with self.subTest(token=token, method=method):
                    self.send(method, url, {"title": "Sneaky"}, token=token)
                    self.assertJsonError(401)
                    self.assertHeader("WWW-Authenticate", "Bearer")
        self.getPage("/api/notes")
        assert self.json() == [note]

    def test_malformed_json_is_400(self) -> None:
        self.send("POST", "/api/notes", raw=b'{"title": ')
        self.assertJsonError(400)
        self.assertNothingStored()

    def test_json_that_is_not_an_object_is_400(self) -> None:
        for payload in (["title"], "title", 42):
            with self.subTest(payload=payload):
                self.send("POST", "/api/notes", payload)
                self.assertJsonError(400)
        self.assertNothingStored()

    def test_invalid_fields_are_422(self) -> None:
        for payload in (
            {},
            {"title": 42},
            {"title": "   "},
            {"title": "x" * 201},
            {"title": "Fine", "body": ["not", "a", "string"]},
            {"title": "Fine", "body": "x" * 10_001},
        ):
            with self.subTest(payload=str(payload)[:40]):
                self.send("POST", "/api/notes", payload)
                self.assertJsonError(422)
        self.assertNothingStored()

    def test_longest_valid_fields_are_accepted(self) -> None:
        self.send("POST", "/api/notes", {"title": "x" * 200, "body": "y" * 10_000})
        self.assertStatus(201)

    def test_body_over_one_mebibyte_is_413(self) -> None:
        self.send("POST", "/api/notes", raw=b" " * (1024 * 1024 + 1))
        self.assertJsonError(413)
        self.assertNothingStored()

    def test_wrong_method_is_405(self) -> None:
        note = self.create()
        for method, url in (
            ("PUT", "/api/notes"),
            ("PATCH", "/api/notes"),
            ("DELETE", "/api/notes"),
            ("PUT", f"/api/notes/{note['id']}"),
            ("PATCH", f"/api/notes/{note['id']}"),
            ("POST", f"/api/notes/{note['id']}"),
        ):
            with self.subTest(method=method, url=url):
                self.send(method, url, {"title": "Changed"})
                self.assertJsonError(405)
        self.getPage(f"/api/notes/{note['id']}")
        assert self.json() == note

    def test_parallel_creates_get_distinct_ids(self) -> None:
        def post(n: int) -> int:
            conn = http.client.HTTPConnection(self.HOST, self.PORT, timeout=10)
            try:
                conn.request(
                    "POST",
                    "/api/notes",
                    body=json.dumps({"title": f"Parallel {n}"}),
                    headers={
                        "Authorization": f"Bearer {support.API_TOKEN}",
                        "Content-Type": "application/json",
                    },
                )
                response = conn.getresponse()
                assert response.status == 201
                return json.loads(response.read())["id"]
            finally:
                conn.close()

        with ThreadPoolExecutor(max_workers=20) as pool:
            ids = list(pool.map(post, range(20)))
        assert len(set(ids)) == 20
        self.getPage("/api/notes")
        listed = self.json()
        assert [note["id"] for note in listed] == sorted(ids, reverse=True)
        newest_first = sorted(listed, key=lambda n: n["created_at"], reverse=True)
        assert listed == newest_first
