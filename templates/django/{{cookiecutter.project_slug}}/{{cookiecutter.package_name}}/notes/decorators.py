"""A view decorator: the API's writes need `Authorization: Bearer <API_TOKEN>`.

https://docs.djangoproject.com/en/5.2/topics/http/decorators/
"""

import secrets
from functools import wraps

from django.conf import settings
from django.http import JsonResponse


def bearer_token(request):
    """The token of `Authorization: Bearer <token>` (scheme in any case), or ""."""
    scheme, _, token = request.headers.get("Authorization", "").strip().partition(" ")
    return token.strip() if scheme.lower() == "bearer" else ""


def token_required(view):
    """Answer 401 unless the request carries the API token, before the view runs."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        token = bearer_token(request)
        # compare_digest takes as long whatever the token, so timing reveals nothing.
        # An empty token never matches, even if API_TOKEN were empty.
        if not token or not secrets.compare_digest(
            token.encode(), settings.API_TOKEN.encode()
        ):
            response = JsonResponse(
                {"message": "A valid bearer token is required."}, status=401
            )
            response["WWW-Authenticate"] = "Bearer"
            return response
        return view(request, *args, **kwargs)

    return wrapper
