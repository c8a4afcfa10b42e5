"""The notes HTML pages, CSRF protection and the admin."""

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.test import Client, TestCase

from {{ cookiecutter.package_name }}.notes.models import Note


class ListPageTests(TestCase):
    def test_lists_every_note_escaped(self):
        Note.objects.create(title="<script>alert(1)</script>", body="Tom & Jerry")
        Note.objects.create(title="Second")
        response = self.client.get("/notes/")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "&lt;script&gt;alert(1)&lt;/script&gt;")
        self.assertContains(response, "Tom &amp; Jerry")
        self.assertContains(response, "Second")
        self.assertNotContains(response, "<script>")

    def test_says_when_there_are_no_notes(self):
        self.assertContains(self.client.get("/notes/"), "No notes yet.")


class CreatePageTests(TestCase):
    def test_shows_the_form_with_a_csrf_token(self):
        response = self.client.get("/notes/new/")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, 'name="csrfmiddlewaretoken"')
        self.assertContains(response, 'name="title"')

    def test_saves_a_valid_note(self):
        data = {"title": "  Hello ", "body": "World"}
        response = self.client.post("/notes/new/", data)
        self.assertRedirects(response, "/notes/")
        note = Note.objects.get()
        self.assertEqual((note.title, note.body), ("Hello", "World"))

    def test_shows_errors_and_saves_nothing(self):
        response = self.client.post("/notes/new/", {"title": " "})
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "This field is required.")
        self.assertFalse(Note.objects.exists())


class CsrfTests(TestCase):
    def setUp(self):
        # The test client skips CSRF checks unless asked, as a browser would not.
        self.client = Client(enforce_csrf_checks=True)

    def test_post_without_the_token_is_forbidden(self):
        response = self.client.post("/notes/new/", {"title": "Forged"})
        self.assertEqual(response.status_code, 403)
        self.assertFalse(Note.objects.exists())

    def test_post_with_the_token_from_the_form_is_accepted(self):
        self.client.get("/notes/new/")
        token = self.client.cookies["csrftoken"].value
        data = {"title": "Genuine", "csrfmiddlewaretoken": token}
        self.assertRedirects(self.client.post("/notes/new/", data), "/notes/")
        self.assertTrue(Note.objects.filter(title="Genuine").exists())


class AdminTests(TestCase):
    def setUp(self):
        user = get_user_model().objects.create_superuser("admin", "admin@example.com")
        self.client.force_login(user)

    def test_notes_are_registered(self):
        self.assertTrue(admin.site.is_registered(Note))

    def test_change_list_searches_notes(self):
        Note.objects.create(title="Shopping list", body="milk")
        Note.objects.create(title="Ideas", body="a better mousetrap")
        response = self.client.get("/admin/notes/note/", {"q": "milk"})
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Shopping list")
        self.assertNotContains(response, "Ideas")
