"""A view decorator: the API's writes need `Authorization: Bearer <API_TOKEN>`.

https://docs.djangoproject.com/en/5.2/topics/http/decorators/
"""

import secrets
from functools import wraps

from django.conf import settings
from django.http import JsonResponse


def token_required(view):
    """Answer 401 unless the request carries the API token, before the view runs."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        scheme, _, token = request.headers.get("Authorization", "").partition(" ")
        # compare_digest takes as long whatever the token, so timing reveals nothing.
        if scheme.lower() != "bearer" or not secrets.compare_digest(
            token.encode(), settings.API_TOKEN.encode()
        ):
            message = "a valid bearer token is required"
            response = JsonResponse({"message": message}, status=401)
            response["WWW-Authenticate"] = "Bearer"
            return response
        return view(request, *args, **kwargs)

    return wrapper
