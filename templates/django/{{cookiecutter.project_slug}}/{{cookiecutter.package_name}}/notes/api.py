"""The notes JSON API in plain Django: function views returning JsonResponse.

https://docs.djangoproject.com/en/5.2/ref/request-response/#jsonresponse-objects
"""

import json

from django.http import HttpResponse, JsonResponse
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from .decorators import token_required
from .forms import NoteForm
from .models import Note

MAX_BODY_BYTES = 1024 * 1024


def error(status, message, **extra):
    """Every API error is a JSON object with a `message`."""
    return JsonResponse({"message": message, **extra}, status=status)


# CSRF protection guards browser sessions, which send their cookie with any request; the
# API trusts only a bearer token, which a forged cross-site request cannot carry
# (https://docs.djangoproject.com/en/5.2/ref/csrf/).
@csrf_exempt
@require_http_methods(["GET", "POST"])
def note_collection(request):
    if request.method == "POST":
        return create_note(request)
    notes = [note.as_json() for note in Note.objects.all()]
    # safe=False allows a top-level JSON array.
    return JsonResponse(notes, safe=False)


@csrf_exempt
@require_http_methods(["GET", "DELETE"])
def note_detail(request, pk):
    if request.method == "DELETE":
        return delete_note(request, pk)
    note = Note.objects.filter(pk=pk).first()
    if note is None:
        return error(404, f"note {pk} not found")
    return JsonResponse(note.as_json())


@token_required
def create_note(request):
    # Refuse oversized bodies by their declared length, before reading them.
    if int(request.headers.get("Content-Length") or 0) > MAX_BODY_BYTES:
        return error(413, f"the request body is over {MAX_BODY_BYTES} bytes")
    try:
        data = json.loads(request.body)
    except (ValueError, RecursionError):
        return error(400, "the request body is not valid JSON")
    if not isinstance(data, dict):
        return error(400, "the request body must be a JSON object")
    for field in ("title", "body"):
        if field in data and not isinstance(data[field], str):
            return error(422, f"{field} must be a string")
    # The same ModelForm as the HTML page validates the fields (and trims the title).
    form = NoteForm(data)
    if not form.is_valid():
        errors = form.errors.get_json_data()
        message = "; ".join(
            f"{field}: {problem['message']}"
            for field, problems in errors.items()
            for problem in problems
        )
        return error(422, message, errors=errors)
    note = form.save()
    response = JsonResponse(note.as_json(), status=201)
    response["Location"] = reverse("notes:api-detail", args=[note.pk])
    return response


@token_required
def delete_note(request, pk):
    deleted, _ = Note.objects.filter(pk=pk).delete()
    if not deleted:
        return error(404, f"note {pk} not found")
    return HttpResponse(status=204)
