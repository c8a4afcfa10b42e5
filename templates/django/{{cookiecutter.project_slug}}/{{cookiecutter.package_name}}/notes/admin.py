"""The notes in Django's admin site at /admin/.

https://docs.djangoproject.com/en/5.2/ref/contrib/admin/
"""

from django.contrib import admin

from .models import Note


@admin.register(Note)
class NoteAdmin(admin.ModelAdmin):
    list_display = ["title", "created_at"]
    search_fields = ["title", "body"]
