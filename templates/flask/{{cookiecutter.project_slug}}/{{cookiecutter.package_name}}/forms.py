"""HTML forms. A FlaskForm adds a hidden CSRF token and rejects a POST without it.

https://flask-wtf.readthedocs.io/en/stable/form/
"""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import Field, StringField, TextAreaField, ValidationError
from wtforms.validators import DataRequired

from .models import TITLE_MAX_LENGTH
from .validation import body_problem, title_problem


class NoteForm(FlaskForm):
    # maxlength: the browser stops typing at the limit; the server checks it anyway.
    title = StringField(
        "Title",
        validators=[DataRequired()],
        render_kw={"maxlength": TITLE_MAX_LENGTH},
    )
    body = TextAreaField("Body")

    # WTForms calls validate_<field> after the field's own validators: the same rules
    # as the JSON API, written once in validation.py.
    def validate_title(self, field: Field) -> None:
        if problem := title_problem(field.data):
            raise ValidationError(problem)

    def validate_body(self, field: Field) -> None:
        if problem := body_problem(field.data):
            raise ValidationError(problem)
