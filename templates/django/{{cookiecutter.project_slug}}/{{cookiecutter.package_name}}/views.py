"""Project-wide views; each app keeps its own views in its own views.py."""

from django.http import JsonResponse
from django.views.decorators.http import require_GET


@require_GET
def health(request):
    """Tell load balancers and container runtimes that the app is up."""
    return JsonResponse({"status": "ok"})
