"""Project-wide views; each app keeps its own views in its own views.py."""

from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe


# No session or form here, so no CSRF check: a PATCH gets its 405, not a CSRF 403.
@csrf_exempt
# GET and HEAD only: the "safe" methods (https://docs.djangoproject.com/en/5.2/topics/http/decorators/).
@require_safe
def health(request):
    """Tell load balancers and container runtimes that the app is up (no database)."""
    return JsonResponse({"status": "ok"})
