"""The health check that load balancers and the Docker HEALTHCHECK poll."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict

router = APIRouter(tags=["health"])


class Health(BaseModel):
    model_config = ConfigDict(extra="forbid")

    status: Literal["ok"]


# FastAPI, unlike Starlette, adds no HEAD route for a GET: the second decorator does.
@router.get("/health", operation_id="getHealth")
@router.head("/health", operation_id="headHealth")
async def health() -> Health:
    """Answers while the process can serve requests; it never touches the database."""
    return Health(status="ok")
