"""Bare Django app in one file: settings, URLconf and views, with no apps and no middleware.

Django's "single file" pattern: settings.configure() before anything imports the settings.
"""

from __future__ import annotations

import secrets

from django.conf import settings

settings.configure(
    DEBUG=False,
    SECRET_KEY=secrets.token_urlsafe(50),
    ALLOWED_HOSTS=["127.0.0.1", "localhost"],
    ROOT_URLCONF=__name__,
    INSTALLED_APPS=[],
    MIDDLEWARE=[],
    DATABASES={},
)

from django.core.wsgi import get_wsgi_application  # noqa: E402
from django.http import HttpRequest, JsonResponse  # noqa: E402
from django.urls import path  # noqa: E402

from .notes import NOTES  # noqa: E402


def health(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"status": "ok"})


def notes(request: HttpRequest) -> JsonResponse:
    # safe=False: the top level is a list, as the starters answer.
    return JsonResponse(NOTES, safe=False)


urlpatterns = [path("health", health), path("api/notes", notes)]

app = get_wsgi_application()
