"""The notes app's data, described once: the ORM, migrations, admin and forms read it.

https://docs.djangoproject.com/en/5.2/topics/db/models/
"""

import unicodedata

from django.core.exceptions import ValidationError
from django.db import models

TITLE_MAX_LENGTH = 200
BODY_MAX_LENGTH = 10_000
# Line breaks and tabs belong in a body; a title is one line.
BODY_CONTROL_CHARACTERS = "\n\r\t"


def _check_text(value, allowed_controls=""):
    for character in value:
        if "\ud800" <= character <= "\udfff":
            # An unpaired surrogate (JSON "\ud800") cannot be stored as UTF-8.
            raise ValidationError("Enter valid Unicode text.", code="surrogate")
        if (
            unicodedata.category(character) == "Cc"
            and character not in allowed_controls
        ):
            raise ValidationError(
                "Control characters are not allowed.", code="control_character"
            )


def validate_title_text(value):
    _check_text(value)


def validate_body_text(value):
    _check_text(value, BODY_CONTROL_CHARACTERS)


class NoteQuerySet(models.QuerySet):
    """Methods of `Note.objects` and of every query of notes.

    https://docs.djangoproject.com/en/5.2/topics/db/managers/#creating-a-manager-with-queryset-methods
    """

    def as_json(self):
        """The notes as the JSON API shows them, like Note.as_json.

        values() reads plain dicts, without building a model object per row: that
        makes a page of notes several times faster
        (https://docs.djangoproject.com/en/5.2/topics/db/optimization/).
        """
        return [
            {**note, "created_at": note["created_at"].isoformat()}
            for note in self.values("id", "title", "body", "created_at")
        ]


class Note(models.Model):
    # Validators run in every ModelForm, the admin's included
    # (https://docs.djangoproject.com/en/5.2/ref/validators/).
    title = models.CharField(
        max_length=TITLE_MAX_LENGTH, validators=[validate_title_text]
    )
    # TextField has no size limit in the database; forms enforce max_length.
    body = models.TextField(
        blank=True, max_length=BODY_MAX_LENGTH, validators=[validate_body_text]
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = NoteQuerySet.as_manager()

    class Meta:
        # Newest first: ids grow with every insert, even from concurrent workers.
        ordering = ["-id"]

    def __str__(self):
        return self.title

    def as_json(self):
        """The note as the JSON API shows it; created_at in UTC with +00:00."""
        return {
            "id": self.pk,
            "title": self.title,
            "body": self.body,
            "created_at": self.created_at.isoformat(),
        }
