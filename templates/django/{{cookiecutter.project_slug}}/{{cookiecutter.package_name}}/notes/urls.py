"""The notes app's URLs; `app_name` lets templates and code say "notes:list".

https://docs.djangoproject.com/en/5.2/topics/http/urls/#url-namespaces
"""

from django.urls import path, register_converter

from . import api, views
from .converters import NoteIdConverter

app_name = "notes"

# `<note_id:pk>` matches only ids the database can hold; others are 404s.
register_converter(NoteIdConverter, "note_id")

urlpatterns = [
    path("notes/", views.NoteListView.as_view(), name="list"),
    path("notes/new/", views.note_create, name="create"),
    # No trailing slash on the API: /api/notes/ and /api/notes/1/ are 404s, not twins.
    path("api/notes", api.note_collection, name="api-list"),
    path("api/notes/<note_id:pk>", api.note_detail, name="api-detail"),
]
