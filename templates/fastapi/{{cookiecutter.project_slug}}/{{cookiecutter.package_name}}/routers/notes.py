"""The notes API: one router, included by the app under /api/notes.

https://fastapi.tiangolo.com/tutorial/bigger-applications/
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Response, status
from pydantic import BeforeValidator
from pydantic_core import PydanticCustomError
from sqlalchemy import delete, select

from ..dependencies import NoteInDep, SessionDep, require_token
from ..models import NoteRecord
from ..schemas import Error, InvalidFields, Note, NoteIn

# The largest id SQLite (and PostgreSQL's bigint) can store: larger ones are absent.
MAX_ID = 2**63 - 1


def _ascii_digits(value: Any) -> Any:
    """Only plain digits: int() would also take "+5", " 5" and "1_0"."""
    if isinstance(value, str) and not (value.isascii() and value.isdigit()):
        raise PydanticCustomError("digits", "must be a whole number in digits 0-9")
    return value


# Annotated types: the constraints show in OpenAPI, and a broken one is a 422.
Limit = Annotated[int, Query(ge=1, le=100), BeforeValidator(_ascii_digits)]
Offset = Annotated[int, Query(ge=0), BeforeValidator(_ascii_digits)]

ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": Error, "description": "The body is not a JSON object"},
    401: {"model": Error, "description": "No valid API token"},
    404: {"model": Error, "description": "No such note"},
    413: {"model": Error, "description": "The body is over 1 MiB"},
    415: {"model": Error, "description": "The body is not JSON"},
    422: {"model": InvalidFields, "description": "Invalid fields"},
}


def errors(*codes: int) -> dict[int | str, dict[str, Any]]:
    """The error answers a path operation documents in OpenAPI."""
    return {code: ERRORS[code] for code in codes}


# Every route below gets the prefix and the tag (the section of /docs it is listed in).
router = APIRouter(prefix="/api/notes", tags=["notes"])


@router.get("", responses=errors(422))
@router.head("", include_in_schema=False)
async def list_notes(
    session: SessionDep, response: Response, limit: Limit = 50, offset: Offset = 0
) -> list[Note]:
    """The notes, newest first, one page at a time."""
    # One query; asking for one note more tells whether a next page exists.
    query = select(NoteRecord).order_by(NoteRecord.id.desc())
    records = await session.scalars(query.limit(limit + 1).offset(min(offset, MAX_ID)))
    notes = [Note.model_validate(record) for record in records]
    if len(notes) > limit:
        next_page = f"/api/notes?limit={limit}&offset={offset + limit}"
        response.headers["Link"] = f'<{next_page}>; rel="next"'
    return notes[:limit]


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    # require_token runs first, so a client without the token learns nothing else.
    dependencies=[Depends(require_token)],
    responses=errors(400, 401, 413, 415, 422),
    # The body is read by the read_note dependency; this documents it in OpenAPI.
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": NoteIn.model_json_schema()}},
        }
    },
)
async def create_note(note: NoteInDep, session: SessionDep, response: Response) -> Note:
    """Add a note; the answer's Location header is its URL."""
    record = NoteRecord(title=note.title, body=note.body)
    session.add(record)
    await session.commit()
    response.headers["Location"] = f"/api/notes/{record.id}"
    return Note.model_validate(record)


async def get_record(note_id: int, session: SessionDep) -> NoteRecord:
    """The note of the path, or 404: a dependency that routes share."""
    record = await session.get(NoteRecord, note_id) if 1 <= note_id <= MAX_ID else None
    if record is None:
        raise not_found(note_id)
    return record


# `{note_id:int}` is Starlette's path convertor: only digits route here, others get 404.
@router.get("/{note_id:int}", responses=errors(404))
@router.head("/{note_id:int}", include_in_schema=False)
async def get_note(record: Annotated[NoteRecord, Depends(get_record)]) -> Note:
    return Note.model_validate(record)


@router.delete(
    "/{note_id:int}",
    status_code=status.HTTP_204_NO_CONTENT,
    # Response, not JSONResponse: a 204 has no body and so no Content-Type.
    response_class=Response,
    dependencies=[Depends(require_token)],
    responses=errors(401, 404),
)
async def delete_note(note_id: int, session: SessionDep) -> None:
    """Delete a note; deleting it again is a 404."""
    if 1 <= note_id <= MAX_ID:
        query = delete(NoteRecord).where(NoteRecord.id == note_id)
        result = await session.execute(query)
        await session.commit()
        if result.rowcount:
            return
    raise not_found(note_id)


def not_found(note_id: int) -> HTTPException:
    return HTTPException(status.HTTP_404_NOT_FOUND, f"Note {note_id} does not exist.")
