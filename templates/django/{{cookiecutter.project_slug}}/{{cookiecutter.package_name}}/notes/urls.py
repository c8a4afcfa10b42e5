"""The notes app's URLs; `app_name` lets templates and code say "notes:list".

https://docs.djangoproject.com/en/5.2/topics/http/urls/#url-namespaces
"""

from django.urls import path

from . import api, views

app_name = "notes"

urlpatterns = [
    path("notes/", views.NoteListView.as_view(), name="list"),
    path("notes/new/", views.note_create, name="create"),
    # No trailing slash on the API: clients call /api/notes and /api/notes/<id> as is.
    path("api/notes", api.note_collection, name="api-list"),
    path("api/notes/<int:pk>", api.note_detail, name="api-detail"),
]
