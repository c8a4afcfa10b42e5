"""The notes API: every answer of the HTTP contract, errors included."""

from __future__ import annotations

import http.client
import json
import select
import socket
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta
from typing import Any
from unittest import mock

from {{ cookiecutter.package_name }} import store

from . import support

NO_TOKEN = object()
JSON = "application/json"
MAX_BODY = 1024 * 1024


class NotesApiTest(support.AppTestCase):
    def send(
        self,
        method: str,
        url: str,
        payload: Any = None,
        *,
        raw: bytes | None = None,
        token: object = support.API_TOKEN,
        content_type: str | None = JSON,
    ) -> None:
        """Request `url` with a bearer token and a body: `payload` as JSON, or `raw`."""
        headers = [] if token is NO_TOKEN else [("Authorization", f"Bearer {token}")]
        body = raw
        if payload is not None:
            body = json.dumps(payload).encode()
        if body is not None:
            headers.append(("Content-Length", str(len(body))))
            if content_type is not None:
                headers.append(("Content-Type", content_type))
        self.getPage(url, headers=headers, method=method, body=body)

    def send_chunked(self, chunks: list[bytes]) -> tuple[int, dict[str, Any]]:
        """POST a body with `Transfer-Encoding: chunked` (no Content-Length); stop
        sending once the server answers, as a client reading a 413 early would."""
        with socket.create_connection((self.HOST, self.PORT), timeout=10) as sock:
            sock.sendall(
                b"POST /api/notes HTTP/1.1\r\nHost: test\r\n"
                b"Authorization: Bearer " + support.API_TOKEN.encode() + b"\r\n"
                b"Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
            )
            for chunk in [*chunks, b""]:
                if select.select([sock], [], [], 0)[0]:
                    break
                try:
                    sock.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                except (BrokenPipeError, ConnectionResetError):
                    break  # it answered and closed between the check and the send
            response = http.client.HTTPResponse(sock)
            response.begin()
            return response.status, json.loads(response.read())

    def create(self, title: str = "A note", body: str = "Its body") -> dict[str, Any]:
        self.send("POST", "/api/notes", {"title": title, "body": body})
        self.assertStatus(201)
        return self.json()

    def assertInvalid(self, *fields: str) -> None:
        """422, naming exactly the invalid `fields` in "errors"."""
        self.assertStatus(422)
        self.assertHeader("Content-Type", JSON)
        answer = self.json()
        assert set(answer) == {"message", "errors"}
        assert sorted(answer["errors"]) == sorted(fields)
        assert all(isinstance(problem, str) for problem in answer["errors"].values())

    def stored(self) -> list[dict[str, Any]]:
        self.getPage("/api/notes?limit=100")
        return self.json()

    def tearDown(self) -> None:
        # Each test starts from an empty database.
        for note in self.stored():
            self.send("DELETE", f"/api/notes/{note['id']}")

    # --- the rows of the contract ---------------------------------------------------

    def test_list_is_empty_at_first(self) -> None:
        self.getPage("/api/notes")
        self.assertStatus(200)
        self.assertHeader("Content-Type", JSON)
        assert self.json() == []

    def test_create_answers_201_with_the_note_and_its_location(self) -> None:
        self.send("POST", "/api/notes", {"title": "  Groceries  ", "body": "Milk"})
        self.assertStatus(201)
        note = self.json()
        assert set(note) == {"id", "title", "body", "created_at"}
        assert isinstance(note["id"], int)
        assert note["title"] == "Groceries"
        assert note["body"] == "Milk"
        # RFC 3339 in UTC, with its offset.
        created = datetime.fromisoformat(note["created_at"])
        assert created.utcoffset() == timedelta(0)
        self.assertHeader("Location", f"/api/notes/{note['id']}")

    def test_body_defaults_to_empty_and_unknown_fields_are_ignored(self) -> None:
        self.send("POST", "/api/notes", {"title": "Title only", "id": 999, "x": 1})
        self.assertStatus(201)
        note = self.json()
        assert note["body"] == ""
        assert note["id"] != 999
        assert set(note) == {"id", "title", "body", "created_at"}

    def test_read_one(self) -> None:
        note = self.create()
        self.getPage(f"/api/notes/{note['id']}")
        self.assertStatus(200)
        assert self.json() == note
        # Leading zeros name the same note.
        self.getPage(f"/api/notes/0{note['id']}")
        assert self.json() == note

    def test_list_is_newest_first(self) -> None:
        ids = [self.create(title=f"Note {n}")["id"] for n in range(3)]
        self.getPage("/api/notes")
        assert [note["id"] for note in self.json()] == ids[::-1]

    def test_head_answers_like_get_without_a_body(self) -> None:
        note = self.create()
        for url in ("/api/notes", f"/api/notes/{note['id']}", "/api/notes/999"):
            with self.subTest(url=url):
                self.getPage(url)
                status, got = self.status, dict(self.headers)
                self.getPage(url, method="HEAD")
                self.assertStatus(status)
                self.assertBody(b"")
                head = dict(self.headers)
                for name in ("Content-Type", "Content-Length", "Allow"):
                    assert head.get(name) == got.get(name), name

    def test_delete_answers_204_without_body_or_content_type(self) -> None:
        note = self.create()
        self.send("DELETE", f"/api/notes/{note['id']}")
        self.assertStatus(204)
        self.assertBody(b"")
        self.assertNoHeader("Content-Type")
        self.getPage(f"/api/notes/{note['id']}")
        self.assertJsonError(404)
        self.send("DELETE", f"/api/notes/{note['id']}")
        self.assertJsonError(404)

    # --- ids and paths (5.4, 5.6) ---------------------------------------------------

    def test_ids_that_name_no_note_are_404(self) -> None:
        for note_id in (
            "999",
            "9223372036854775807",
            "9223372036854775808",
            "99999999999999999999999",
            "0",
            "-1",
            "1.5",
            "abc",
            "%201",
            "%D9%A3",
        ):
            for method in ("GET", "HEAD", "DELETE"):
                with self.subTest(note_id=note_id, method=method):
                    self.send(method, f"/api/notes/{note_id}")
                    self.assertStatus(404)
                    if method != "HEAD":
                        self.assertJsonError(404)

    def test_no_twin_paths(self) -> None:
        note = self.create()
        for url in (
            "/api/notes/",
            f"/api/notes/{note['id']}/",
            f"/api/notes/{note['id']}/x",
            "/api",
            "/api/",
            "/api/nothing-here",
            "/api/notes/database",
        ):
            with self.subTest(url=url):
                self.getPage(url)
                self.assertJsonError(404)
        self.send("POST", "/api/notes/", {"title": "Twin"})
        self.assertJsonError(404)
        assert self.stored() == [note]

    # --- auth (5.1) -----------------------------------------------------------------

    def test_writes_need_the_token(self) -> None:
        note = self.create()
        for token in (NO_TOKEN, "", "   ", "wrong-token", f"{support.API_TOKEN}x"):
            for method, url in (
                ("POST", "/api/notes"),
                ("DELETE", f"/api/notes/{note['id']}"),
                ("DELETE", "/api/notes/999"),
                ("DELETE", "/api/notes/abc"),
            ):
                with self.subTest(token=token, method=method, url=url):
                    self.send(method, url, {"title": "Sneaky"}, token=token)
                    self.assertJsonError(401)
                    self.assertHeader("WWW-Authenticate", "Bearer")
        assert self.stored() == [note]

    def test_only_the_bearer_scheme_in_any_case(self) -> None:
        for header, status in (
            (f"Basic {support.API_TOKEN}", 401),
            (support.API_TOKEN, 401),
            (f"bearer {support.API_TOKEN}", 201),
            (f"BEARER   {support.API_TOKEN}  ", 201),
        ):
            with self.subTest(header=header):
                body = b'{"title": "Scheme"}'
                self.getPage(
                    "/api/notes",
                    method="POST",
                    body=body,
                    headers=[
                        ("Authorization", header),
                        ("Content-Type", JSON),
                        ("Content-Length", str(len(body))),
                    ],
                )
                self.assertStatus(status)

    # --- bodies (5.2) and the order of checks ---------------------------------------

    def test_media_type_other_than_json_is_415(self) -> None:
        for content_type in (
            "text/plain",
            "application/vnd.api+json",
            "application/x-www-form-urlencoded",
            "",
            None,
        ):
            with self.subTest(content_type=content_type):
                self.send(
                    "POST", "/api/notes", {"title": "x"}, content_type=content_type
                )
                self.assertJsonError(415)
        assert self.stored() == []

    def test_json_media_type_in_any_case_with_parameters(self) -> None:
        for content_type in ("Application/JSON", "application/json; charset=utf-8"):
            with self.subTest(content_type=content_type):
                self.send(
                    "POST", "/api/notes", {"title": "x"}, content_type=content_type
                )
                self.assertStatus(201)

    def test_checks_come_in_the_contract_order(self) -> None:
        too_big = b"{" * (MAX_BODY + 1)
        for what, (token, kind, raw), status in (
            ("token before media type", ("wrong", "text/plain", b"{"), 401),
            ("token before size", ("wrong", JSON, too_big), 401),
            ("media type before size", (support.API_TOKEN, "text/plain", too_big), 415),
            ("size before JSON", (support.API_TOKEN, JSON, too_big), 413),
        ):
            with self.subTest(what):
                self.send("POST", "/api/notes", raw=raw, token=token, content_type=kind)
                self.assertJsonError(status)
        # The method comes first of all: 405 without a token, whatever the body holds.
        self.send(
            "PUT",
            "/api/notes",
            raw=b"a=%ff",
            token=NO_TOKEN,
            content_type="application/x-www-form-urlencoded",
        )
        self.assertJsonError(405)

    def test_body_over_one_mebibyte_is_413(self) -> None:
        self.send("POST", "/api/notes", raw=b" " * (MAX_BODY + 1))
        self.assertJsonError(413)
        assert self.stored() == []

    def test_chunked_bodies(self) -> None:
        status, note = self.send_chunked([b'{"title": ', b'"Chunked"}'])
        assert status == 201
        assert note["title"] == "Chunked"
        # Over the limit without a Content-Length: 413 all the same.
        status, answer = self.send_chunked([b"[" * 65536] * 32)
        assert (status, list(answer)) == (413, ["message"])
        # Past cheroot's own cap (server.max_request_body_size, 10 MiB): the same.
        status, answer = self.send_chunked([b"[" * 65536] * 170)
        assert (status, list(answer)) == (413, ["message"])
        assert [n["title"] for n in self.stored()] == ["Chunked"]

    def test_malformed_chunks_are_400(self) -> None:
        with socket.create_connection((self.HOST, self.PORT), timeout=10) as sock:
            sock.sendall(
                b"POST /api/notes HTTP/1.1\r\nHost: test\r\n"
                b"Authorization: Bearer " + support.API_TOKEN.encode() + b"\r\n"
                b"Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                b"zz\r\n{}\r\n0\r\n\r\n"
            )
            response = http.client.HTTPResponse(sock)
            response.begin()
            assert response.status == 400
            assert list(json.loads(response.read())) == ["message"]

    def test_bodies_that_are_not_a_json_object_are_400(self) -> None:
        for what, raw in (
            ("malformed", b'{"title": '),
            ("not UTF-8", b'{"title": "caf\xe9"}'),
            ("UTF-16", '{"title": "x"}'.encode("utf-16")),
            ("array", b'[{"title": "x"}]'),
            ("string", b'"title"'),
            ("number", b"42"),
            ("null", b"null"),
            ("empty", b""),
            ("nested too deep", b"[" * 100_000),
        ):
            with self.subTest(what):
                self.send("POST", "/api/notes", raw=raw)
                self.assertJsonError(400)
        assert self.stored() == []

    # --- fields (5.3) ---------------------------------------------------------------

    def test_invalid_fields_are_422_naming_each_one(self) -> None:
        for payload, fields in (
            ({}, ["title"]),
            ({"body": "x"}, ["title"]),
            ({"title": None}, ["title"]),
            ({"title": 42}, ["title"]),
            ({"title": ["x"]}, ["title"]),
            ({"title": True}, ["title"]),
            ({"title": ""}, ["title"]),
            ({"title": " \t\u2003 "}, ["title"]),
            ({"title": "x" * 201}, ["title"]),
            # 201 characters as sent, even if fewer once trimmed.
            ({"title": " " + "x" * 200}, ["title"]),
            ({"title": "two\nlines"}, ["title"]),
            ({"title": "nul\x00"}, ["title"]),
            ({"title": "del\x7f"}, ["title"]),
            ({"title": "c1\x85"}, ["title"]),
            ({"title": "x", "body": None}, ["body"]),
            ({"title": "x", "body": 7}, ["body"]),
            ({"title": "x", "body": "b" * 10_001}, ["body"]),
            ({"title": "x", "body": "nul\x00"}, ["body"]),
            ({"title": "x", "body": "vt\x0b"}, ["body"]),
            ({"title": 1, "body": 2}, ["title", "body"]),
        ):
            with self.subTest(payload=str(payload)[:40]):
                self.send("POST", "/api/notes", payload)
                self.assertInvalid(*fields)
        assert self.stored() == []

    def test_unpaired_surrogates_are_422_not_500(self) -> None:
        for raw, field in (
            (b'{"title": "a\\ud800b"}', "title"),
            (b'{"title": "a\\udfffb"}', "title"),
            (b'{"title": "x", "body": "\\ud83d"}', "body"),
        ):
            with self.subTest(raw=raw):
                self.send("POST", "/api/notes", raw=raw)
                self.assertInvalid(field)
        # A surrogate pair is one character, and fine.
        self.send("POST", "/api/notes", raw=b'{"title": "\\ud83d\\ude00"}')
        self.assertStatus(201)
        assert self.json()["title"] == "\N{GRINNING FACE}"

    def test_longest_valid_fields_are_accepted(self) -> None:
        # 200 characters but 400 bytes: limits count characters.
        title, body = "é" * 200, "line\r\n\tnext " * 833 + "y" * 4
        assert len(body) == 10_000
        note = self.create(title=title, body=body)
        assert (note["title"], note["body"]) == (title, body)

    def test_wrong_method_is_405_with_allow(self) -> None:
        note = self.create()
        item = f"/api/notes/{note['id']}"
        for method, url, allow in (
            ("PUT", "/api/notes", "GET, HEAD, POST"),
            ("PATCH", "/api/notes", "GET, HEAD, POST"),
            ("DELETE", "/api/notes", "GET, HEAD, POST"),
            ("TRACE", "/api/notes", "GET, HEAD, POST"),
            ("PUT", item, "DELETE, GET, HEAD"),
            ("PATCH", item, "DELETE, GET, HEAD"),
            ("POST", item, "DELETE, GET, HEAD"),
        ):
            with self.subTest(method=method, url=url):
                self.send(method, url, {"title": "Changed"})
                self.assertJsonError(405)
                self.assertHeader("Allow", allow)
        assert self.stored() == [note]

    # --- pagination (5.5) -----------------------------------------------------------

    def test_pages_with_a_link_to_the_next(self) -> None:
        ids = [self.create(title=f"Note {n}")["id"] for n in range(5)][::-1]
        self.getPage("/api/notes?limit=2")
        assert [n["id"] for n in self.json()] == ids[:2]
        self.assertHeader("Link", '</api/notes?limit=2&offset=2>; rel="next"')
        self.getPage("/api/notes?limit=2&offset=2&unknown=1", method="HEAD")
        self.assertHeader("Link", '</api/notes?limit=2&offset=4>; rel="next"')
        self.getPage("/api/notes?limit=2&offset=4")
        assert [n["id"] for n in self.json()] == ids[4:]
        self.assertNoHeader("Link")
        self.getPage("/api/notes?offset=3")
        assert [n["id"] for n in self.json()] == ids[3:]
        self.assertNoHeader("Link")
        self.getPage(f"/api/notes?offset={'9' * 5000}")
        assert self.json() == []

    def test_default_page_is_50(self) -> None:
        with mock.patch.object(store, "list_notes", return_value=([], False)) as query:
            self.getPage("/api/notes")
        self.assertStatus(200)
        assert query.call_args.args[1:] == (50, 0)

    def test_bad_page_parameters_are_422(self) -> None:
        for query, fields in (
            ("limit=0", ["limit"]),
            ("limit=101", ["limit"]),
            ("limit=-1", ["limit"]),
            ("limit=+5", ["limit"]),
            ("limit=1.5", ["limit"]),
            ("limit=abc", ["limit"]),
            ("limit=", ["limit"]),
            ("limit=%D9%A3", ["limit"]),
            ("limit=1&limit=2", ["limit"]),
            ("offset=-1", ["offset"]),
            ("offset=+5", ["offset"]),
            ("offset=1.5", ["offset"]),
            ("offset=", ["offset"]),
            ("limit=0&offset=x", ["limit", "offset"]),
        ):
            with self.subTest(query=query):
                self.getPage(f"/api/notes?{query}")
                self.assertInvalid(*fields)

    # --- storage (5.9) and errors (5.8) ---------------------------------------------

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
                        "Content-Type": JSON,
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
        assert [note["id"] for note in self.stored()] == sorted(ids, reverse=True)
