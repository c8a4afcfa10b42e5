"""The notes JSON API, request by request, through Django's test client."""

import json
from datetime import datetime

from django.conf import settings
from django.test import TestCase

from {{ cookiecutter.package_name }}.notes.api import MAX_BODY_BYTES
from {{ cookiecutter.package_name }}.notes.models import Note


class ApiTestCase(TestCase):
    def auth(self, token=None):
        return {"Authorization": f"Bearer {token or settings.API_TOKEN}"}

    def post_json(self, data, headers=None):
        """POST `data` (JSON-encoded unless already text), with the token by default."""
        body = data if isinstance(data, str) else json.dumps(data)
        return self.client.post(
            "/api/notes",
            body,
            content_type="application/json",
            headers=self.auth() if headers is None else headers,
        )

    def assertError(self, response, status):
        self.assertEqual(response.status_code, status)
        self.assertEqual(response["Content-Type"], "application/json")
        self.assertIsInstance(response.json()["message"], str)


class ListTests(ApiTestCase):
    def test_empty_list(self):
        response = self.client.get("/api/notes")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.json(), [])

    def test_newest_first_ties_broken_by_id(self):
        first = Note.objects.create(title="first")
        second = Note.objects.create(title="second")
        third = Note.objects.create(title="third")
        Note.objects.filter(pk=first.pk).update(created_at=third.created_at)
        ids = [note["id"] for note in self.client.get("/api/notes").json()]
        self.assertEqual(ids, [third.pk, first.pk, second.pk])


class CreateTests(ApiTestCase):
    def test_creates_a_note(self):
        response = self.post_json({"title": "  Hello  ", "body": " keep me "})
        self.assertEqual(response.status_code, 201)
        note = response.json()
        self.assertEqual(set(note), {"id", "title", "body", "created_at"})
        self.assertEqual(note["title"], "Hello")
        self.assertEqual(note["body"], " keep me ")
        datetime.fromisoformat(note["created_at"])
        self.assertTrue(response["Location"].endswith(f"/api/notes/{note['id']}"))
        self.assertEqual(Note.objects.get().title, "Hello")

    def test_body_defaults_to_empty(self):
        response = self.post_json({"title": "No body"})
        self.assertEqual(response.status_code, 201)
        self.assertEqual(response.json()["body"], "")

    def test_accepts_the_longest_title_and_body(self):
        response = self.post_json({"title": "t" * 200, "body": "b" * 10_000})
        self.assertEqual(response.status_code, 201)

    def test_needs_a_valid_token(self):
        for headers in (
            {},
            self.auth("wrong-token"),
            {"Authorization": f"Basic {settings.API_TOKEN}"},
        ):
            with self.subTest(headers=headers):
                response = self.post_json({"title": "x"}, headers)
                self.assertError(response, 401)
                self.assertEqual(response["WWW-Authenticate"], "Bearer")
        self.assertFalse(Note.objects.exists())

    def test_token_is_checked_before_the_body(self):
        response = self.post_json("{not json", headers={})
        self.assertError(response, 401)

    def test_malformed_json_or_not_an_object(self):
        for body in ("{not json", "", '["a list"]', '"text"', "[" * 100_000):
            with self.subTest(body=body[:20]):
                self.assertError(self.post_json(body), 400)
        self.assertFalse(Note.objects.exists())

    def test_invalid_fields(self):
        for data in (
            {},
            {"body": "no title"},
            {"title": None},
            {"title": 42},
            {"title": ["a list"]},
            {"title": "   "},
            {"title": "t" * 201},
            {"title": "ok", "body": 42},
            {"title": "ok", "body": None},
            {"title": "ok", "body": "b" * 10_001},
            {"title": "nul \x00 character"},
        ):
            with self.subTest(data=str(data)[:40]):
                self.assertError(self.post_json(data), 422)
        self.assertFalse(Note.objects.exists())

    def test_body_over_one_mebibyte(self):
        body = json.dumps({"title": "big", "body": "x" * MAX_BODY_BYTES})
        self.assertError(self.post_json(body), 413)
        self.assertFalse(Note.objects.exists())


class DetailTests(ApiTestCase):
    def test_get_a_note(self):
        note = Note.objects.create(title="Hello", body="World")
        response = self.client.get(f"/api/notes/{note.pk}")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.json(), note.as_json())

    def test_get_a_missing_note(self):
        self.assertError(self.client.get("/api/notes/999"), 404)

    def test_delete_a_note(self):
        note = Note.objects.create(title="Hello")
        response = self.client.delete(f"/api/notes/{note.pk}", headers=self.auth())
        self.assertEqual(response.status_code, 204)
        self.assertEqual(response.content, b"")
        self.assertError(self.client.get(f"/api/notes/{note.pk}"), 404)

    def test_delete_a_missing_note(self):
        self.assertError(self.client.delete("/api/notes/999", headers=self.auth()), 404)

    def test_delete_needs_a_valid_token(self):
        note = Note.objects.create(title="Hello")
        for headers in ({}, self.auth("wrong-token")):
            with self.subTest(headers=headers):
                response = self.client.delete(f"/api/notes/{note.pk}", headers=headers)
                self.assertError(response, 401)
                self.assertEqual(response["WWW-Authenticate"], "Bearer")
        self.assertTrue(Note.objects.filter(pk=note.pk).exists())


class MethodTests(ApiTestCase):
    def test_wrong_methods(self):
        note = Note.objects.create(title="Hello")
        for path, allowed in (
            ("/api/notes", "GET, POST"),
            (f"/api/notes/{note.pk}", "GET, DELETE"),
        ):
            for method in ("put", "patch"):
                with self.subTest(path=path, method=method):
                    response = getattr(self.client, method)(path, headers=self.auth())
                    self.assertError(response, 405)
                    self.assertEqual(response["Allow"], allowed)

    def test_unknown_api_url(self):
        self.assertError(self.client.get("/api/unknown"), 404)
