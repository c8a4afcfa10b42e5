"""The notes JSON API in plain Django: function views returning JsonResponse.

https://docs.djangoproject.com/en/5.2/ref/request-response/#jsonresponse-objects
"""

import json

from django import forms
from django.http import HttpResponse, JsonResponse
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from .converters import MAX_ID
from .decorators import token_required
from .forms import NoteForm
from .models import Note

MAX_BODY_BYTES = 1024 * 1024
DEFAULT_LIMIT = 50
MAX_LIMIT = 100


def error(status, message, errors=None):
    """Every API error is `{"message": ...}`; a 422 also names each invalid field."""
    data = {"message": message}
    if errors is not None:
        data["errors"] = errors
    return JsonResponse(data, status=status)


def invalid(form, **more_errors):
    """422 naming every invalid field, with one problem (the first) for each."""
    errors = {
        field: problems[0]["message"]
        for field, problems in form.errors.get_json_data().items()
    }
    errors.update(more_errors)
    return error(422, f"Invalid {', '.join(sorted(errors))}.", errors)


class DigitsField(forms.IntegerField):
    """A whole number written in ASCII digits only: no sign, space or decimal point."""

    def to_python(self, value):
        if value and not (value.isascii() and value.isdigit()):
            raise forms.ValidationError("Enter a whole number using the digits 0-9.")
        return super().to_python(value)


class PageForm(forms.Form):
    """The query string of GET /api/notes; a form validates it like any user input."""

    limit = DigitsField(min_value=1, max_value=MAX_LIMIT)
    offset = DigitsField(min_value=0)


# CSRF protection guards browser sessions, which send their cookie with any request; the
# API trusts only a bearer token, which a forged cross-site request cannot carry
# (https://docs.djangoproject.com/en/5.2/ref/csrf/).
@csrf_exempt
# A HEAD runs the GET code; the server sends the headers without the body. Other
# methods get a 405 that lists these in its Allow header.
@require_http_methods(["GET", "HEAD", "POST"])
def note_collection(request):
    if request.method == "POST":
        return create_note(request)
    # Defaults first; a parameter given, even empty (`?limit=`), must be valid.
    form = PageForm({"limit": str(DEFAULT_LIMIT), "offset": "0", **request.GET.dict()})
    if not form.is_valid():
        return invalid(form)
    limit = form.cleaned_data["limit"]
    # No table holds more rows than the largest id; a larger offset would overflow
    # the database's integer, and its page is just as empty.
    offset = min(form.cleaned_data["offset"], MAX_ID)
    # One query: one note more than the page tells whether another page follows.
    notes = Note.objects.all()[offset : offset + limit + 1].as_json()
    # safe=False allows a top-level JSON array.
    response = JsonResponse(notes[:limit], safe=False)
    if len(notes) > limit:
        url = f"{reverse('notes:api-list')}?limit={limit}&offset={offset + limit}"
        response["Link"] = f'<{url}>; rel="next"'
    return response


@csrf_exempt
@require_http_methods(["GET", "HEAD", "DELETE"])
def note_detail(request, pk):
    if request.method == "DELETE":
        return delete_note(request, pk)
    note = Note.objects.filter(pk=pk).first()
    if note is None:
        return error(404, f"Note {pk} does not exist.")
    return JsonResponse(note.as_json())


def read_json_object(request):
    """The JSON object sent, or the error answer: 415, 413 or 400, in that order."""
    if request.content_type != "application/json":
        return None, error(415, "Send the note as Content-Type: application/json.")
    # Read one byte past the limit, never more, whatever length the client declared
    # (or none: a chunked body, which wsgi.py makes readable).
    body = request.read(MAX_BODY_BYTES + 1)
    if len(body) > MAX_BODY_BYTES:
        return None, error(413, f"The request body is over {MAX_BODY_BYTES} bytes.")
    try:
        data = json.loads(body.decode("utf-8"))
    except (ValueError, RecursionError):
        # UnicodeDecodeError (not UTF-8) and JSONDecodeError are both ValueErrors.
        return None, error(400, "The request body is not valid UTF-8 JSON.")
    if not isinstance(data, dict):
        return None, error(400, "The request body must be a JSON object.")
    return data, None


@token_required
def create_note(request):
    data, failure = read_json_object(request)
    if failure:
        return failure
    # Form fields would turn 42 into "42"; JSON clients must send strings.
    not_strings = {
        field: "Must be a string."
        for field in ("title", "body")
        if field in data and not isinstance(data[field], str)
    }
    # The same ModelForm as the HTML page validates the fields (and trims the title).
    form = NoteForm({k: v for k, v in data.items() if k not in not_strings})
    if not form.is_valid() or not_strings:
        return invalid(form, **not_strings)
    note = form.save()
    response = JsonResponse(note.as_json(), status=201)
    response["Location"] = reverse("notes:api-detail", args=[note.pk])
    return response


@token_required
def delete_note(request, pk):
    deleted, _ = Note.objects.filter(pk=pk).delete()
    if not deleted:
        return error(404, f"Note {pk} does not exist.")
    response = HttpResponse(status=204)
    # HttpResponse labels every answer text/html; a 204 has no body to label.
    del response["Content-Type"]
    return response
