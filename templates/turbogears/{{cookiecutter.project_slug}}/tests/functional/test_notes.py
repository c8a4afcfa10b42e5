"""The notes pages: the list, the form, its CSRF protection and its validation."""

from __future__ import annotations

from tests import TestController


class TestNotesPages(TestController):
    def form(self) -> dict[str, str]:
        """The CSRF token of the form; WebTest keeps the cookie that goes with it."""
        page = self.app.get("/notes/")
        return {"_csrf_token": page.form["_csrf_token"].value}

    def test_a_posted_note_is_listed_escaped(self) -> None:
        fields = {**self.form(), "title": "<script>alert(1)</script>", "body": "hi"}
        answer = self.app.post("/notes/create", fields, status=302)
        assert answer.location.endswith("/notes/")
        page = answer.follow()
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text
        assert "<script>alert(" not in page.text
        assert "Note added." in page.text

    def test_an_invalid_note_shows_the_form_again(self) -> None:
        fields = {**self.form(), "title": "   ", "body": "kept"}
        page = self.app.post("/notes/create", fields, status=422)
        assert "The title must not be blank." in page.text
        assert "kept" in page.text
        assert "No notes yet." in page.text

    def test_a_post_without_the_csrf_token_is_refused(self) -> None:
        self.form()
        self.app.post("/notes/create", {"title": "forged"}, status=403)
        self.app.post(
            "/notes/create", {"title": "forged", "_csrf_token": "guess"}, status=403
        )
        self.app.reset()
        forged = {"title": "forged", "_csrf_token": "x"}
        self.app.post("/notes/create", forged, status=403)
        assert "forged" not in self.app.get("/notes/").text

    def test_a_broken_form_body_is_refused(self) -> None:
        broken = {"Content-Type": "multipart/form-data"}
        self.app.post("/notes/create", b"x", headers=broken, status=403)

    def test_the_form_keeps_its_token(self) -> None:
        assert self.form() == self.form()
        self.app.set_cookie("csrf_token", "tampered.signature")
        assert self.form()["_csrf_token"] != "tampered"
