"""The health check that load balancers and the Docker HEALTHCHECK poll."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter
from fastapi.responses import Response
from pydantic import BaseModel, ConfigDict

router = APIRouter(tags=["health"])


class Health(BaseModel):
    model_config = ConfigDict(extra="forbid")

    status: Literal["ok"]


HEALTHY = Health(status="ok").model_dump_json().encode()


# FastAPI, unlike Starlette, adds no HEAD route for a GET: the second decorator does.
@router.get("/health", operation_id="getHealth", response_model=Health)
@router.head("/health", operation_id="headHealth", response_model=Health)
async def health() -> Response:
    """Answers while the process can serve requests; it never touches the database.

    A Response is sent as it is: the constant answer skips validation and serialization,
    so the check costs no more than in a bare app. `response_model` still documents it.
    """
    return Response(HEALTHY, media_type="application/json")
