"""HTML forms. A FlaskForm adds a hidden CSRF token and rejects a POST without it.

https://flask-wtf.readthedocs.io/en/stable/form/
"""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import StringField, TextAreaField
from wtforms.validators import DataRequired, Length

from .models import BODY_MAX_LENGTH, TITLE_MAX_LENGTH


def _strip(value: str | None) -> str | None:
    return value.strip() if value else value


class NoteForm(FlaskForm):
    title = StringField(
        "Title",
        filters=[_strip],
        validators=[DataRequired(), Length(max=TITLE_MAX_LENGTH)],
    )
    body = TextAreaField("Body", validators=[Length(max=BODY_MAX_LENGTH)])
