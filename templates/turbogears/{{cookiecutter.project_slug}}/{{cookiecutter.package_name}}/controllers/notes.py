"""The notes pages, mounted at `/notes` as `RootController.notes`.

https://turbogears.readthedocs.io/en/latest/turbogears/validation.html
"""

from __future__ import annotations

from typing import Any

from tg import TGController, expose, flash, lurl, redirect, request, response, validate

from {{ cookiecutter.package_name }}.lib.csrf import csrf_protect, csrf_token
from {{ cookiecutter.package_name }}.model import DBSession, Note
from {{ cookiecutter.package_name }}.model.note import newest_notes
from {{ cookiecutter.package_name }}.validation import NOTE_FIELDS

PAGE_SIZE = 50


class NotesController(TGController):
    """`/notes/`: the newest notes and a form to add one."""

    @expose("{{ cookiecutter.package_name }}.templates.notes.index")
    def index(self, **params: Any) -> dict[str, Any]:
        # After a failed `create`, `@validate` left the errors and the values sent.
        validation = request.validation
        if validation.errors:
            response.status_int = 422
        return {
            "notes": newest_notes(PAGE_SIZE, 0),
            "errors": {name: str(error) for name, error in validation.errors.items()},
            "values": validation.values or {},
            "csrf_token": csrf_token(),
        }

    @expose()
    @csrf_protect
    # On invalid fields, `index` renders again, with the errors, as a 422.
    @validate(NOTE_FIELDS, error_handler=index)
    def create(self, title: str = "", body: str = "", **params: Any) -> None:
        DBSession.add(Note(title=title, body=body))
        flash("Note added.")
        # Post/redirect/get: reloading the list does not post the form again.
        redirect(lurl("/notes/"))
