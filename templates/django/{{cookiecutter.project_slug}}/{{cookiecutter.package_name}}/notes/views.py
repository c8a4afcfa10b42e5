"""The notes app's HTML pages: a generic class-based view and a function view.

https://docs.djangoproject.com/en/5.2/topics/class-based-views/generic-display/
https://docs.djangoproject.com/en/5.2/topics/forms/#the-view
"""

from django.shortcuts import redirect, render
from django.views.generic import ListView

from .forms import NoteForm
from .models import Note


class NoteListView(ListView):
    """Renders notes/note_list.html with the notes, newest first, as `note_list`."""

    model = Note


def note_create(request):
    """Show the form; on POST, save a valid note or show the form with its errors."""
    if request.method == "POST":
        form = NoteForm(request.POST)
        if form.is_valid():
            form.save()
            return redirect("notes:list")
    else:
        form = NoteForm()
    return render(request, "notes/note_form.html", {"form": form})
