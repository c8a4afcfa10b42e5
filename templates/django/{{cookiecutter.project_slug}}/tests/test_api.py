"""The notes JSON API (contract v2), request by request, with Django's test client."""

import json
from datetime import datetime, timedelta
from unittest import mock

from django.conf import settings
from django.test import Client, TestCase

from {{ cookiecutter.package_name }}.notes.api import MAX_BODY_BYTES
from {{ cookiecutter.package_name }}.notes.converters import MAX_ID
from {{ cookiecutter.package_name }}.notes.models import Note

from .test_pages import JsonErrorAssertions


class ApiTestCase(JsonErrorAssertions, TestCase):
    def auth(self, token=None):
        return {"Authorization": f"Bearer {token or settings.API_TOKEN}"}

    def post_json(self, data, headers=None, content_type="application/json"):
        """POST `data` (JSON-encoded unless already text), with the token by default."""
        body = data if isinstance(data, str | bytes) else json.dumps(data)
        return self.client.post(
            "/api/notes",
            body,
            content_type=content_type,
            headers=self.auth() if headers is None else headers,
        )

    def assertInvalid(self, response, *fields):
        """A 422 whose `errors` names exactly these fields, a sentence for each."""
        self.assertEqual(response.status_code, 422)
        self.assertEqual(response["Content-Type"], "application/json")
        data = response.json()
        self.assertEqual(set(data), {"message", "errors"})
        self.assertIsInstance(data["message"], str)
        self.assertEqual(set(data["errors"]), set(fields))
        for problem in data["errors"].values():
            self.assertIsInstance(problem, str)


class ListTests(ApiTestCase):
    def test_empty_list(self):
        response = self.client.get("/api/notes")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "application/json")
        self.assertEqual(response.json(), [])
        self.assertNotIn("Link", response)

    def test_newest_first_by_id(self):
        first = Note.objects.create(title="first")
        second = Note.objects.create(title="second")
        # Even a later timestamp on an older note does not change the order.
        Note.objects.filter(pk=first.pk).update(
            created_at=second.created_at + timedelta(seconds=1)
        )
        ids = [note["id"] for note in self.client.get("/api/notes").json()]
        self.assertEqual(ids, [second.pk, first.pk])

    def test_pages_with_a_link_to_the_next(self):
        notes = [Note.objects.create(title=f"note {i}") for i in range(5)]
        newest_first = [note.pk for note in reversed(notes)]
        with self.assertNumQueries(1):
            response = self.client.get("/api/notes", {"limit": "2"})
        self.assertEqual([n["id"] for n in response.json()], newest_first[:2])
        self.assertEqual(response["Link"], '</api/notes?limit=2&offset=2>; rel="next"')
        response = self.client.get("/api/notes", {"limit": "2", "offset": "2"})
        self.assertEqual([n["id"] for n in response.json()], newest_first[2:4])
        self.assertEqual(response["Link"], '</api/notes?limit=2&offset=4>; rel="next"')
        response = self.client.get("/api/notes", {"limit": "2", "offset": "4"})
        self.assertEqual([n["id"] for n in response.json()], newest_first[4:])
        self.assertNotIn("Link", response)

    def test_default_page_is_fifty_notes(self):
        Note.objects.bulk_create(Note(title=f"note {i}") for i in range(51))
        response = self.client.get("/api/notes", {"unknown": "ignored"})
        self.assertEqual(len(response.json()), 50)
        self.assertEqual(
            response["Link"], '</api/notes?limit=50&offset=50>; rel="next"'
        )

    def test_limits_and_offsets_in_range(self):
        Note.objects.create(title="only")
        for query, count in (
            ({"limit": "1"}, 1),
            ({"limit": "100"}, 1),
            ({"limit": "007"}, 1),
            ({"offset": "1"}, 0),
            ({"offset": str(MAX_ID)}, 0),
            ({"offset": "9" * 30}, 0),
        ):
            with self.subTest(query=query):
                response = self.client.get("/api/notes", query)
                self.assertEqual(response.status_code, 200)
                self.assertEqual(len(response.json()), count)

    def test_invalid_limits_and_offsets(self):
        for field, values in (
            ("limit", ["0", "101", "", "+5", "-1", "1.5", "abc", " 5", "٣"]),
            ("offset", ["-1", "", "+5", "1.5", "abc", "1e3"]),
        ):
            for value in values:
                with self.subTest(field=field, value=value):
                    response = self.client.get("/api/notes", {field: value})
                    self.assertInvalid(response, field)

    def test_head_has_the_headers_of_get_and_no_body(self):
        Note.objects.create(title="one")
        Note.objects.create(title="two")
        get = self.client.get("/api/notes", {"limit": "1"})
        head = self.client.head("/api/notes", {"limit": "1"})
        self.assertEqual(head.status_code, 200)
        self.assertEqual(head.content, b"")
        for header in ("Content-Type", "Content-Length", "Link"):
            self.assertEqual(head[header], get[header])


class CreateTests(ApiTestCase):
    def test_creates_a_note(self):
        response = self.post_json({"title": "  Hello  ", "body": " keep me "})
        self.assertEqual(response.status_code, 201)
        note = response.json()
        self.assertEqual(set(note), {"id", "title", "body", "created_at"})
        self.assertEqual(note["title"], "Hello")
        self.assertEqual(note["body"], " keep me ")
        created_at = datetime.fromisoformat(note["created_at"])
        self.assertEqual(created_at.utcoffset(), timedelta(0))
        self.assertEqual(response["Location"], f"/api/notes/{note['id']}")
        self.assertEqual(Note.objects.get().title, "Hello")

    def test_body_defaults_to_empty_and_unknown_fields_are_ignored(self):
        response = self.post_json({"title": "No body", "id": 99_999, "extra": 1})
        self.assertEqual(response.status_code, 201)
        self.assertEqual(response.json()["body"], "")
        self.assertNotEqual(response.json()["id"], 99_999)

    def test_accepts_the_longest_title_and_body_and_line_breaks(self):
        for data in (
            {"title": "t" * 199 + "é", "body": "b" * 10_000},
            {"title": "Café ☕", "body": "two\nlines\r\n\tindented"},
        ):
            with self.subTest(data=str(data)[:30]):
                self.assertEqual(self.post_json(data).status_code, 201)

    def test_accepts_json_with_parameters_in_any_case(self):
        for content_type in ("application/json; charset=utf-8", "Application/JSON"):
            with self.subTest(content_type=content_type):
                response = self.post_json({"title": "x"}, content_type=content_type)
                self.assertEqual(response.status_code, 201)

    def test_needs_a_valid_token(self):
        for headers in (
            {},
            self.auth("wrong-token"),
            {"Authorization": "Bearer"},
            {"Authorization": "Bearer    "},
            {"Authorization": f"Basic {settings.API_TOKEN}"},
            {"Authorization": settings.API_TOKEN},
            {"Authorization": f"Bearer {settings.API_TOKEN}x"},
            {"Authorization": "Bearer tökén"},
        ):
            with self.subTest(headers=headers):
                response = self.post_json({"title": "x"}, headers)
                self.assertJsonError(response, 401)
                self.assertEqual(response["WWW-Authenticate"], "Bearer")
        self.assertFalse(Note.objects.exists())

    def test_scheme_is_case_insensitive_and_spaces_are_skipped(self):
        headers = {"Authorization": f"bEaReR   {settings.API_TOKEN} "}
        self.assertEqual(self.post_json({"title": "x"}, headers).status_code, 201)

    def test_empty_token_never_authorises(self):
        with self.settings(API_TOKEN=""):
            response = self.post_json({"title": "x"}, {"Authorization": "Bearer "})
        self.assertJsonError(response, 401)

    def test_token_is_checked_first(self):
        too_big = "x" * (MAX_BODY_BYTES + 1)
        for body, content_type in (
            ("{not json", "application/json"),
            ('{"title": "x"}', "text/plain"),
            (too_big, "application/json"),
        ):
            with self.subTest(content_type=content_type, size=len(body)):
                response = self.post_json(body, {}, content_type=content_type)
                self.assertJsonError(response, 401)

    def test_only_json_is_accepted(self):
        for content_type in ("text/plain", "application/vnd.api+json", "", "json"):
            with self.subTest(content_type=content_type):
                response = self.post_json({"title": "x"}, content_type=content_type)
                self.assertJsonError(response, 415)
        # The content type is checked before the size and the JSON.
        body = "{" * (MAX_BODY_BYTES + 1)
        self.assertJsonError(self.post_json(body, content_type="text/plain"), 415)
        self.assertFalse(Note.objects.exists())

    def test_malformed_json_or_not_an_object(self):
        for body in (
            "{not json",
            " ",
            '["a list"]',
            '"text"',
            "null",
            "[" * 100_000,
            b'{"title": "caf\xe9"}',
            '{"title": "x"}'.encode("utf-16"),
        ):
            with self.subTest(body=body[:20]):
                self.assertJsonError(self.post_json(body), 400)
        self.assertFalse(Note.objects.exists())

    def test_invalid_fields(self):
        for data, fields in (
            ({}, ["title"]),
            ({"body": "no title"}, ["title"]),
            ({"title": None}, ["title"]),
            ({"title": 42}, ["title"]),
            ({"title": True}, ["title"]),
            ({"title": ["a list"]}, ["title"]),
            ({"title": ""}, ["title"]),
            ({"title": "   "}, ["title"]),
            ({"title": "\u2003\u00a0"}, ["title"]),
            ({"title": "t" * 201}, ["title"]),
            ({"title": " " + "t" * 200}, ["title"]),
            ({"title": "two\nlines"}, ["title"]),
            ({"title": "trailing newline\n"}, ["title"]),
            ({"title": "nul \x00 character"}, ["title"]),
            ({"title": "C1 \x85 control"}, ["title"]),
            ({"title": "a\ud800b"}, ["title"]),
            ({"title": "ok", "body": 42}, ["body"]),
            ({"title": "ok", "body": None}, ["body"]),
            ({"title": "ok", "body": "b" * 10_001}, ["body"]),
            ({"title": "ok", "body": "nul \x00"}, ["body"]),
            ({"title": "ok", "body": "escape \x1b"}, ["body"]),
            ({"title": "ok", "body": "\udfff"}, ["body"]),
            ({"title": 1, "body": 2}, ["title", "body"]),
            ({"title": "\ud800", "body": "\x07"}, ["title", "body"]),
        ):
            with self.subTest(data=ascii(data)[:40]):
                self.assertInvalid(self.post_json(data), *fields)
        self.assertFalse(Note.objects.exists())

    def test_body_over_one_mebibyte(self):
        body = json.dumps({"title": "big", "body": "x" * MAX_BODY_BYTES})
        self.assertJsonError(self.post_json(body), 413)
        self.assertFalse(Note.objects.exists())


class DetailTests(ApiTestCase):
    def test_get_a_note(self):
        note = Note.objects.create(title="Hello", body="World")
        response = self.client.get(f"/api/notes/{note.pk}")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.json(), note.as_json())
        # The list shows each note exactly as its own URL does.
        self.assertEqual(self.client.get("/api/notes").json(), [response.json()])
        self.assertEqual(response.json()["created_at"][-6:], "+00:00")
        self.assertEqual(
            self.client.get(f"/api/notes/0{note.pk}").json()["id"], note.pk
        )

    def test_head_a_note(self):
        note = Note.objects.create(title="Hello")
        get = self.client.get(f"/api/notes/{note.pk}")
        head = self.client.head(f"/api/notes/{note.pk}")
        self.assertEqual(head.status_code, 200)
        self.assertEqual(head.content, b"")
        for header in ("Content-Type", "Content-Length"):
            self.assertEqual(head[header], get[header])
        missing = self.client.head("/api/notes/999")
        self.assertEqual(missing.status_code, 404)
        self.assertEqual(missing["Content-Type"], "application/json")

    def test_missing_notes_and_ids_that_cannot_exist(self):
        for note_id in ("999", "0", "-1", "abc", "1.5", str(MAX_ID), str(MAX_ID + 1)):
            for method in ("get", "delete"):
                with self.subTest(id=note_id, method=method):
                    path = f"/api/notes/{note_id}"
                    response = getattr(self.client, method)(path, headers=self.auth())
                    self.assertJsonError(response, 404)
                    self.assertEqual(self.client.head(path).status_code, 404)
        self.assertJsonError(self.client.get("/api/notes/%201"), 404)

    def test_delete_a_note(self):
        note = Note.objects.create(title="Hello")
        response = self.client.delete(f"/api/notes/{note.pk}", headers=self.auth())
        self.assertEqual(response.status_code, 204)
        self.assertEqual(response.content, b"")
        self.assertNotIn("Content-Type", response)
        self.assertJsonError(self.client.get(f"/api/notes/{note.pk}"), 404)

    def test_delete_needs_a_valid_token_even_for_missing_notes(self):
        note = Note.objects.create(title="Hello")
        for path in (f"/api/notes/{note.pk}", "/api/notes/999"):
            for headers in ({}, self.auth("wrong-token"), {"Authorization": "Bearer"}):
                with self.subTest(path=path, headers=headers):
                    response = self.client.delete(path, headers=headers)
                    self.assertJsonError(response, 401)
                    self.assertEqual(response["WWW-Authenticate"], "Bearer")
        self.assertTrue(Note.objects.filter(pk=note.pk).exists())


class MethodAndPathTests(ApiTestCase):
    def test_wrong_methods_get_a_json_405_with_allow(self):
        note = Note.objects.create(title="Hello")
        # CSRF checks enforced, as for a browser: they must not turn these into 403s.
        client = Client(enforce_csrf_checks=True)
        for path, allowed, methods in (
            ("/api/notes", "GET, HEAD, POST", ["put", "patch", "delete", "trace"]),
            (f"/api/notes/{note.pk}", "GET, HEAD, DELETE", ["put", "patch", "post"]),
        ):
            for method in [*methods, "options"]:
                with self.subTest(path=path, method=method):
                    response = getattr(client, method)(path, headers=self.auth())
                    self.assertJsonError(response, 405)
                    self.assertEqual(response["Allow"], allowed)
        self.assertEqual(Note.objects.count(), 1)

    def test_other_api_paths_are_json_404s(self):
        Note.objects.create(title="Hello")
        for path in ("/api/notes/", "/api/notes/1/", "/api/nope", "/api", "/api/"):
            for method in ("get", "post"):
                with self.subTest(path=path, method=method):
                    response = getattr(self.client, method)(path, headers=self.auth())
                    self.assertJsonError(response, 404)
        self.assertEqual(Note.objects.count(), 1)

    def test_a_server_error_is_json(self):
        note = Note.objects.create(title="Hello")
        client = Client(raise_request_exception=False)
        with (
            mock.patch.object(Note, "as_json", side_effect=RuntimeError("boom")),
            self.assertLogs("django.request", "ERROR"),
        ):
            response = client.get(f"/api/notes/{note.pk}")
        self.assertJsonError(response, 500)
