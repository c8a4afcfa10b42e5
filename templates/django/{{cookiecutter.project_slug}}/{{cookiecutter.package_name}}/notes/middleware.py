"""Middleware: code that sees every request and response.

https://docs.djangoproject.com/en/5.2/topics/http/middleware/
"""

from django.http import JsonResponse

# Headers an error answer must keep, e.g. the methods a 405 allows.
KEPT_HEADERS = ("Allow", "WWW-Authenticate")


class JsonApiErrorsMiddleware:
    """Give every error under /api/ a JSON body with a `message`, like the API's own.

    Django answers some errors itself, outside the API views: `require_http_methods`
    sends an empty 405, an unknown URL gets an HTML 404.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            request.path_info.startswith("/api/")
            and response.status_code >= 400
            and response.get("Content-Type") != "application/json"
        ):
            json_response = JsonResponse(
                {"message": response.reason_phrase}, status=response.status_code
            )
            for header in KEPT_HEADERS:
                if header in response:
                    json_response[header] = response[header]
            return json_response
        return response
