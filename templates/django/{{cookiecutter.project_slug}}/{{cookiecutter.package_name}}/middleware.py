"""Middleware: code that sees every request and response.

https://docs.djangoproject.com/en/5.2/topics/http/middleware/
"""

from django.http import JsonResponse

# Paths whose clients read JSON: the health check and everything under /api.
JSON_PATHS = ("/health", "/api")
# Replaced along with the body; every other header (Allow, WWW-Authenticate...) is kept.
BODY_HEADERS = {"content-type", "content-length"}


def is_json_path(path):
    return any(path == prefix or path.startswith(f"{prefix}/") for prefix in JSON_PATHS)


class JsonErrorsMiddleware:
    """Give every error answer on a JSON path the body `{"message": "..."}`.

    Django answers some errors itself, outside the API views: `require_http_methods`
    sends an empty 405, an unknown URL gets an HTML 404, an exception an HTML 500.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            response.status_code < 400
            or response.get("Content-Type") == "application/json"
            or not is_json_path(request.path_info)
        ):
            return response
        json_response = JsonResponse(
            {"message": f"{response.reason_phrase}."}, status=response.status_code
        )
        for header, value in response.items():
            if header.lower() not in BODY_HEADERS:
                json_response[header] = value
        json_response["Content-Length"] = len(json_response.content)
        return json_response
