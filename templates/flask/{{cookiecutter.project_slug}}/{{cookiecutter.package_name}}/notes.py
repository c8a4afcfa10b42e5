"""The notes HTML pages: the list of notes and the form that adds one.

https://flask.palletsprojects.com/en/stable/tutorial/blog/
"""

from __future__ import annotations

from flask import Blueprint, redirect, render_template, url_for
from flask.typing import ResponseReturnValue

from .db import db
from .forms import NoteForm
from .models import Note, newest_notes

bp = Blueprint("notes", __name__, url_prefix="/notes")


@bp.route("/", methods=["GET", "POST"])
def index() -> ResponseReturnValue:
    form = NoteForm()
    # validate_on_submit is true only for a POST whose fields and CSRF token are valid.
    if form.validate_on_submit():
        title = form.title.data.strip()
        db.session.add(Note(title=title, body=form.body.data))
        db.session.commit()
        # Redirect after POST, so reloading the page does not submit the form again.
        return redirect(url_for("notes.index"))
    # A rejected POST (invalid fields or CSRF token) shows the errors with a 400.
    status = 400 if form.errors else 200
    page = render_template("notes/index.html", form=form, notes=newest_notes())
    return page, status
