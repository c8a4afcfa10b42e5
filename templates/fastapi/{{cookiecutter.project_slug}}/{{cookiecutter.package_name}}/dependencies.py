"""Dependencies: what path operations declare with `Annotated[..., Depends(...)]`, and
FastAPI provides per request (and tests replace with `app.dependency_overrides`).

https://fastapi.tiangolo.com/tutorial/dependencies/
"""

from __future__ import annotations
{% if cookiecutter.include_example == "yes" %}
import hmac
import json
from collections.abc import AsyncIterator
{%- endif %}
from typing import Annotated

from fastapi import Depends, {% if cookiecutter.include_example == "yes" %}HTTPException, {% endif %}Request{% if cookiecutter.include_example == "yes" %}, status
from fastapi.exceptions import RequestValidationError
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import ValidationError
from sqlalchemy.ext.asyncio import AsyncSession
{%- endif %}

from .config import Settings
{%- if cookiecutter.include_example == "yes" %}
from .schemas import NoteIn

MAX_BODY_BYTES = 1024 * 1024
{%- endif %}


def get_settings(request: Request) -> Settings:
    """The settings the app was created with (main.create_app)."""
    return request.app.state.settings


SettingsDep = Annotated[Settings, Depends(get_settings)]
{%- if cookiecutter.include_example == "yes" %}


async def get_session(request: Request) -> AsyncIterator[AsyncSession]:
    """One database session per request, closed once the answer is sent."""
    async with request.app.state.sessionmaker() as session:
        yield session


SessionDep = Annotated[AsyncSession, Depends(get_session)]

# FastAPI's security utility reads `Authorization: Bearer <token>` and puts the scheme
# in the OpenAPI document (the "Authorize" button of /docs). auto_error=False: a missing
# token comes back as None, so require_token chooses the 401 answer and its header.
bearer_scheme = HTTPBearer(
    scheme_name="bearer", description="The API_TOKEN of the server.", auto_error=False
)


async def require_token(
    settings: SettingsDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer_scheme)],
) -> None:
    """Refuse a write without the API token (RFC 6750)."""
    # compare_digest takes as long for a near miss as for a wild guess.
    if credentials is None or not hmac.compare_digest(
        credentials.credentials.encode(), settings.api_token.encode()
    ):
        raise HTTPException(
            status_code=status.HTTP_401_UNAUTHORIZED,
            detail="Send the API token as `Authorization: Bearer <token>`.",
            headers={"WWW-Authenticate": "Bearer"},
        )


async def read_note(request: Request) -> NoteIn:
    """The request body as a NoteIn, checked in this order: 415, 413, 400, 422.

    A `note: NoteIn` parameter would make FastAPI parse the body before any dependency
    runs, so a client without the token would hear about its JSON first; reading it
    here lets `require_token` answer first. The route documents the body for OpenAPI.
    """
    media_type = request.headers.get("content-type", "").partition(";")[0]
    if media_type.strip().lower() != "application/json":
        raise HTTPException(
            status.HTTP_415_UNSUPPORTED_MEDIA_TYPE,
            "Send the note as JSON, with `Content-Type: application/json`.",
        )
    body = await _read_body(request, MAX_BODY_BYTES)
    try:
        data = json.loads(body.decode("utf-8"))
    except (ValueError, RecursionError):  # not UTF-8, not JSON, or nested too deep
        raise HTTPException(
            status.HTTP_400_BAD_REQUEST, "The body is not valid JSON."
        ) from None
    if not isinstance(data, dict):
        raise HTTPException(
            status.HTTP_400_BAD_REQUEST, "The body must be a JSON object."
        )
    try:
        return NoteIn.model_validate(data)
    except ValidationError as error:
        # The exception FastAPI raises for its own validation: one 422 handler for both.
        errors = [
            {**e, "loc": ("body", *e["loc"])} for e in error.errors(include_url=False)
        ]
        raise RequestValidationError(errors, body=data) from None


async def _read_body(request: Request, limit: int) -> bytes:
    """Read at most `limit` bytes (a chunked upload has no Content-Length to check)."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise _too_large(limit)
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise _too_large(limit)
        chunks.append(chunk)
    return b"".join(chunks)


def _too_large(limit: int) -> HTTPException:
    return HTTPException(
        status.HTTP_413_CONTENT_TOO_LARGE, f"The body must not exceed {limit} bytes."
    )


NoteInDep = Annotated[NoteIn, Depends(read_note)]
{%- endif %}
