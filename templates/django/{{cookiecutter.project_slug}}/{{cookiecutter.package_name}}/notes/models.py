"""The notes app's data, described once: the ORM, migrations, admin and forms read it.

https://docs.djangoproject.com/en/5.2/topics/db/models/
"""

from django.db import models

TITLE_MAX_LENGTH = 200
BODY_MAX_LENGTH = 10_000


class Note(models.Model):
    title = models.CharField(max_length=TITLE_MAX_LENGTH)
    # TextField has no size limit in the database; forms enforce max_length.
    body = models.TextField(blank=True, max_length=BODY_MAX_LENGTH)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        # Newest first; the id breaks ties between notes created in the same instant.
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return self.title

    def as_json(self):
        """The note as the JSON API shows it."""
        return {
            "id": self.pk,
            "title": self.title,
            "body": self.body,
            "created_at": self.created_at.isoformat(),
        }
