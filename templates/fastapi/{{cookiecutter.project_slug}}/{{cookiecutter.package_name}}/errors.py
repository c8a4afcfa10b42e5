"""Exception handlers: every error answer is JSON, `{"message": "..."}`, plus `"errors"`
naming each invalid field on 422.

FastAPI's defaults answer `{"detail": ...}`; handlers registered with
`app.add_exception_handler` replace them.
https://fastapi.tiangolo.com/tutorial/handling-errors/#override-the-default-exception-handlers
"""

from __future__ import annotations

from http import HTTPStatus

from fastapi import FastAPI, Request, status
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match
{%- if cookiecutter.include_example == "yes" %}

from .schemas import PATTERN_PROBLEMS
{%- endif %}

# Sentences for the errors Starlette raises itself, whose detail is the status phrase.
MESSAGES = {
    status.HTTP_404_NOT_FOUND: "There is nothing at this path.",
    status.HTTP_405_METHOD_NOT_ALLOWED: "This path does not answer that method.",
}


async def handle_http_error(
    request: Request, exc: StarletteHTTPException
) -> JSONResponse:
    """Starlette's HTTPException (404, 405) and FastAPI's (raised by our code)."""
    message = exc.detail
    if message == HTTPStatus(exc.status_code).phrase:
        message = MESSAGES.get(exc.status_code, f"{message}.")
    headers = dict(exc.headers or {})
    if exc.status_code == status.HTTP_405_METHOD_NOT_ALLOWED:
        headers["Allow"] = allowed_methods(request)
    return JSONResponse({"message": message}, exc.status_code, headers)


# The methods an Allow header may name.
METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE")


def allowed_methods(request: Request) -> str:
    """Every method some route answers at this path.

    Starlette's own `Allow` lists the methods of the first route with the path, but
    `@router.get` and `@router.post` on one path are two routes: ask each of them.
    """
    return ", ".join(method for method in METHODS if _answers(request, method))


def _answers(request: Request, method: str) -> bool:
    """Whether a route would take this request with `method` instead."""
    scope = {**request.scope, "method": method}
    routes = request.app.router.routes
    return any(route.matches(scope)[0] is Match.FULL for route in routes)


async def handle_validation_error(
    request: Request, exc: RequestValidationError
) -> JSONResponse:
    """FastAPI's 422 (`{"detail": [...]}`) in the contract's shape."""
    errors: dict[str, str] = {}
    for error in exc.errors():
        # loc is e.g. ("body", "title") or ("query", "limit"): last comes the field.
        field = str(error["loc"][-1])
        errors.setdefault(field, _problem(field, error))
    return JSONResponse(
        {"message": "Some fields are invalid; see errors.", "errors": errors},
        status.HTTP_422_UNPROCESSABLE_CONTENT,
    )


def _problem(field: str, error: dict) -> str:
{%- if cookiecutter.include_example == "yes" %}
    if error["type"] == "string_pattern_mismatch" and field in PATTERN_PROBLEMS:
        return PATTERN_PROBLEMS[field]
{%- endif %}
    return f"{error['msg']}."


async def handle_server_error(request: Request, exc: Exception) -> JSONResponse:
    """Any other exception: a 500 without details; the traceback goes to the log."""
    return JSONResponse(
        {"message": "The server failed to answer; the error is in its log."},
        status.HTTP_500_INTERNAL_SERVER_ERROR,
    )


def add_exception_handlers(app: FastAPI) -> None:
    app.add_exception_handler(StarletteHTTPException, handle_http_error)
    app.add_exception_handler(RequestValidationError, handle_validation_error)
    # Starlette calls the Exception handler, then re-raises so that uvicorn logs it.
    app.add_exception_handler(Exception, handle_server_error)
