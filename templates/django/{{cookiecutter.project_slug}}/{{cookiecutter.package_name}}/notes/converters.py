"""A path converter: which URL segments are note ids.

https://docs.djangoproject.com/en/5.2/topics/http/urls/#registering-custom-path-converters
"""

# The largest id a BigAutoField can hold, in SQLite and PostgreSQL alike.
MAX_ID = 2**63 - 1


class NoteIdConverter:
    """ASCII digits naming an id from 1 to 2**63 - 1; anything else is a 404."""

    regex = "[0-9]+"

    def to_python(self, value):
        note_id = int(value)
        if not 1 <= note_id <= MAX_ID:
            # ValueError tells the resolver "no match", so the answer is a 404.
            raise ValueError(f"{value} is not a note id")
        return note_id

    def to_url(self, value):
        return str(value)
