"""The notes API: one router, included by the app under /api/notes.

https://fastapi.tiangolo.com/tutorial/bigger-applications/
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request, Response, status
from pydantic import BeforeValidator, Field
from pydantic_core import PydanticCustomError
from sqlalchemy import delete, select

from ..dependencies import NoteInDep, SessionDep, require_token
from ..models import NoteRecord
from ..schemas import MAX_ID, Error, InvalidFields, Note, NoteIn

MAX_PAGE = 100


def _ascii_digits(value: Any) -> Any:
    """Only plain digits: int() would also take "+5", " 5" and "1_0"."""
    if isinstance(value, str) and not (value.isascii() and value.isdigit()):
        raise PydanticCustomError("digits", "must be a whole number in digits 0-9")
    return value


# Annotated types: the constraints show in OpenAPI, and a broken one is a 422.
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE), BeforeValidator(_ascii_digits)]
Offset = Annotated[int, Query(ge=0), BeforeValidator(_ascii_digits)]
Page = Annotated[list[Note], Field(max_length=MAX_PAGE)]


def _header(description: str) -> dict[str, Any]:
    return {"description": description, "schema": {"type": "string"}}


# The error answers, as path operations document them in OpenAPI (`responses=`).
ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": Error, "description": "The body is not a JSON object"},
    401: {
        "model": Error,
        "description": "No valid API token",
        "headers": {"WWW-Authenticate": _header("Bearer")},
    },
    404: {"model": Error, "description": "No such note"},
    405: {
        "model": Error,
        "description": "The path does not answer this method",
        "headers": {"Allow": _header("The methods it answers")},
    },
    413: {"model": Error, "description": "The body is over 1 MiB"},
    415: {"model": Error, "description": "The body is not JSON"},
    422: {"model": InvalidFields, "description": "Invalid fields"},
}
NEXT_PAGE = {"headers": {"Link": _header('The next page, rel="next"')}}
# The id is read by note_id(): declared as a parameter, FastAPI would also document a
# 422 that never comes, as Starlette's `int` convertor routes only digits here.
ID_PARAMETER = {
    "name": "id",
    "in": "path",
    "required": True,
    "schema": {"type": "integer", "minimum": 1, "maximum": MAX_ID},
}
ITEM = {"parameters": [ID_PARAMETER]}


def errors(*codes: int) -> dict[int | str, dict[str, Any]]:
    return {code: ERRORS[code] for code in codes}


LIST_RESPONSES = {200: NEXT_PAGE, **errors(405, 422)}
ITEM_ROUTE: dict[str, Any] = {"responses": errors(404, 405), "openapi_extra": ITEM}


# Every route below gets the prefix and the tag (the section of /docs it is listed in).
router = APIRouter(prefix="/api/notes", tags=["notes"])


# FastAPI, unlike Starlette, adds no HEAD route for a GET: the second decorator does.
@router.get("", operation_id="listNotes", responses=LIST_RESPONSES)
@router.head("", operation_id="headNotes", responses=LIST_RESPONSES)
async def list_notes(
    session: SessionDep, response: Response, limit: Limit = 50, offset: Offset = 0
) -> Page:
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
    operation_id="createNote",
    status_code=status.HTTP_201_CREATED,
    # require_token runs first, so a client without the token learns nothing else.
    dependencies=[Depends(require_token)],
    responses={
        201: {"headers": {"Location": _header("The new note's path")}},
        **errors(400, 401, 405, 413, 415, 422),
    },
    # The read_note dependency reads the body; this documents it in OpenAPI.
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": NoteIn.model_json_schema()}},
        }
    },
)
async def create_note(note: NoteInDep, session: SessionDep, response: Response) -> Note:
    """Add a note; the answer's Location header is its path."""
    record = NoteRecord(title=note.title, body=note.body)
    session.add(record)
    await session.commit()
    response.headers["Location"] = f"/api/notes/{record.id}"
    return Note.model_validate(record)


def not_found(note_id: int) -> HTTPException:
    return HTTPException(status.HTTP_404_NOT_FOUND, f"Note {note_id} does not exist.")


async def note_id(request: Request) -> int:
    """The id of the path, or 404 unless the database could hold it."""
    value: int = request.path_params["id"]
    if not 1 <= value <= MAX_ID:
        raise not_found(value)
    return value


NoteId = Annotated[int, Depends(note_id)]


async def get_record(note_id: NoteId, session: SessionDep) -> NoteRecord:
    """The note of the path, or 404: a dependency that routes share."""
    record = await session.get(NoteRecord, note_id)
    if record is None:
        raise not_found(note_id)
    return record


# `{id:int}` is Starlette's path convertor: only digits route here, others get 404.
@router.get("/{id:int}", operation_id="getNote", **ITEM_ROUTE)
@router.head("/{id:int}", operation_id="headNote", **ITEM_ROUTE)
async def get_note(record: Annotated[NoteRecord, Depends(get_record)]) -> Note:
    return Note.model_validate(record)


@router.delete(
    "/{id:int}",
    operation_id="deleteNote",
    status_code=status.HTTP_204_NO_CONTENT,
    # Response, not JSONResponse: a 204 has no body and so no Content-Type.
    response_class=Response,
    dependencies=[Depends(require_token)],
    responses=errors(401, 404, 405),
    openapi_extra=ITEM,
)
async def delete_note(note_id: NoteId, session: SessionDep) -> None:
    """Delete a note; deleting it again is a 404."""
    result = await session.execute(delete(NoteRecord).where(NoteRecord.id == note_id))
    await session.commit()
    if not result.rowcount:
        raise not_found(note_id)
