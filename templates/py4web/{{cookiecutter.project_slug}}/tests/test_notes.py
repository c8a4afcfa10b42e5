"""The notes page: the list and py4web's `Form`, with its CSRF key."""

from __future__ import annotations

from typing import Any

import pytest
import webtest

pytestmark = pytest.mark.usefixtures("db")


def test_empty_list_shows_the_form(app: webtest.TestApp) -> None:
    page = app.get("/notes")
    assert page.status_code == 200
    assert "No notes yet." in page.text
    assert "_formkey" in page.text
    assert app.get("/notes/").status_code == 200


def test_form_adds_a_note_and_redirects(app: webtest.TestApp, db: Any) -> None:
    form = app.get("/notes").forms[0]
    form["title"] = "  From the form  "
    form["body"] = "Hello"
    response = form.submit()
    assert response.status_code == 303
    assert response.headers["Location"].endswith("/notes")
    assert db(db.note).select().first().title == "From the form"
    assert "From the form" in response.follow().text


def test_form_shows_field_errors(app: webtest.TestApp, db: Any) -> None:
    form = app.get("/notes").forms[0]
    form["title"] = "   "
    response = form.submit()
    assert response.status_code == 200
    assert "must not be blank" in response.text
    assert db(db.note).count() == 0


def test_post_without_the_csrf_key_is_refused(app: webtest.TestApp, db: Any) -> None:
    app.get("/notes")  # the session cookie, without the signed key of the form
    response = app.post(
        "/notes", {"_formname": "note", "title": "forged"}, expect_errors=True
    )
    assert response.status_code == 403
    assert db(db.note).count() == 0


def test_stored_text_is_escaped(app: webtest.TestApp, db: Any) -> None:
    db.note.insert(title="<script>alert(1)</script>", body="a & b")
    db.commit()
    page = app.get("/notes")
    assert "<script>alert(1)</script>" not in page.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text
    assert "a &amp; b" in page.text
