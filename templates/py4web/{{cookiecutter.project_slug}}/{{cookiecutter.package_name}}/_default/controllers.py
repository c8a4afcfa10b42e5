"""Actions of the pages and the health check.

`@action(path)` exposes a function; `@action.uses(...)` lists its fixtures: a template
name renders the returned dict with YATL, and the others run before and after it.
https://py4web.com/_documentation/static/en/chapter-05.html
"""

from __future__ import annotations

from typing import Any

{% if cookiecutter.include_example == "yes" %}from py4web import HTTP, URL, action, redirect
from py4web.utils.form import Form, FormStyleDefault
{%- else %}from py4web import action
{%- endif %}

from . import settings
{%- if cookiecutter.include_example == "yes" %}
from .common import db, session
{%- endif %}


@action("index", method=["GET"])
@action.uses("index.html")
def index() -> dict[str, Any]:
    # The name is text for YATL to escape, never part of the template itself.
    return {"project_name": settings.PROJECT_NAME}


@action("health", method=["GET", "HEAD"])
def health() -> dict[str, str]:
    """No fixture and no database: as fast as the server itself."""
    return {"status": "ok"}
{%- if cookiecutter.include_example == "yes" %}


@action("notes", method=["GET", "POST"])
@action.uses("notes.html", session, db)
def notes_page() -> dict[str, Any]:
    """The notes and a form to add one, signed with a CSRF key kept in the session."""
    form = Form(db.note, csrf_session=session, formstyle=FormStyleDefault)
    if form.accepted:
        redirect(URL("notes"))
    if form.submitted and not form.errors:
        # Submitted, not accepted, no field errors: the CSRF key was missing or wrong.
        raise HTTP(403, "The form is out of date: reload the page and send it again.")
    notes = db(db.note).select(orderby=~db.note.id)
    return {"project_name": settings.PROJECT_NAME, "form": form, "notes": notes}
{%- endif %}
