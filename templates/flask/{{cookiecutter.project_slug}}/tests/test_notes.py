"""The notes HTML pages: the list, and the form with its CSRF protection."""

from __future__ import annotations

import re

from flask import Flask
from flask.testing import FlaskClient

from {{ cookiecutter.package_name }}.db import db
from {{ cookiecutter.package_name }}.models import Note


def csrf_token(client: FlaskClient) -> str:
    """The token the form page embeds; it is tied to the client's session cookie."""
    page = client.get("/notes/").text
    match = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page)
    assert match, "the form has no CSRF token"
    return match.group(1)


def count_notes(app: Flask) -> int:
    with app.app_context():
        return db.session.query(Note).count()


def test_list_page_escapes_stored_text(app: Flask, client: FlaskClient) -> None:
    with app.app_context():
        db.session.add(Note(title="<script>alert(1)</script>", body="Tom & Jerry"))
        db.session.commit()
    response = client.get("/notes/")
    assert response.status_code == 200
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in response.text
    assert "Tom &amp; Jerry" in response.text
    assert "<script>" not in response.text


def test_empty_list_says_so(client: FlaskClient) -> None:
    assert "No notes yet." in client.get("/notes/").text


def test_form_adds_a_note_and_redirects(app: Flask, client: FlaskClient) -> None:
    data = {"csrf_token": csrf_token(client), "title": "  From the form ", "body": "Hi"}
    response = client.post("/notes/", data=data)
    assert response.status_code == 302
    assert response.headers["Location"] == "/notes/"
    assert "From the form" in client.get("/notes/").text
    assert count_notes(app) == 1


def test_form_without_csrf_token_is_rejected(app: Flask, client: FlaskClient) -> None:
    response = client.post("/notes/", data={"title": "Forged"})
    assert response.status_code == 400
    assert "CSRF token is missing" in response.text
    assert count_notes(app) == 0


def test_form_with_a_wrong_csrf_token_is_rejected(
    app: Flask, client: FlaskClient
) -> None:
    csrf_token(client)
    response = client.post("/notes/", data={"csrf_token": "forged", "title": "Forged"})
    assert response.status_code == 400
    assert count_notes(app) == 0


def test_form_shows_field_errors(app: Flask, client: FlaskClient) -> None:
    data = {"csrf_token": csrf_token(client), "title": " "}
    response = client.post("/notes/", data=data)
    assert response.status_code == 400
    assert "This field is required." in response.text
    assert count_notes(app) == 0
