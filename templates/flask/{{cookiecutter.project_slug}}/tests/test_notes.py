"""The notes HTML pages: the list, and the form with its CSRF protection."""

from __future__ import annotations

import re

import pytest
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


def test_head_list_page_answers_like_get_without_a_body(client: FlaskClient) -> None:
    get, head = client.get("/notes/"), client.head("/notes/")
    assert head.status_code == 200
    assert head.data == b""
    # The CSRF token in the page differs per request, so the length may too.
    assert head.headers["Content-Type"] == get.headers["Content-Type"]


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
    # The message alone, not the hidden field's name.
    assert '<p class="error">The CSRF token is missing.</p>' in response.text
    assert "csrf_token:" not in response.text
    assert count_notes(app) == 0


def test_form_with_a_wrong_csrf_token_is_rejected(
    app: Flask, client: FlaskClient
) -> None:
    csrf_token(client)
    response = client.post("/notes/", data={"csrf_token": "forged", "title": "Forged"})
    assert response.status_code == 400
    assert "The CSRF token is invalid." in response.text
    assert count_notes(app) == 0


@pytest.mark.parametrize(
    ("fields", "error"),
    [
        ({"title": " "}, "Title: This field is required."),
        ({"title": "t" * 201}, "Title: The title must be 1 to 200 characters long."),
        ({"title": "bell\x07"}, "Title: The title must be one line of text, without"),
        ({"title": "ok", "body": "nul\x00"}, "Body: The body must be text, without"),
    ],
    ids=["title-blank", "title-too-long", "title-control", "body-control"],
)
def test_form_shows_field_errors_with_their_labels(
    app: Flask, client: FlaskClient, fields: dict[str, str], error: str
) -> None:
    response = client.post("/notes/", data={"csrf_token": csrf_token(client), **fields})
    assert response.status_code == 400
    assert error in response.text
    assert count_notes(app) == 0


def test_form_keeps_line_breaks_in_the_body(app: Flask, client: FlaskClient) -> None:
    data = {"csrf_token": csrf_token(client), "title": "Lines", "body": "a\r\nb"}
    assert client.post("/notes/", data=data).status_code == 302
    with app.app_context():
        assert db.session.query(Note).one().body == "a\r\nb"
