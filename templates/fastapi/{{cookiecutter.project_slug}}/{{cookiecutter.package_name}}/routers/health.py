"""The health check that load balancers and the Docker HEALTHCHECK poll."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter(tags=["health"])


# FastAPI, unlike Starlette, adds no HEAD route for a GET: the second decorator does.
@router.get("/health")
@router.head("/health", include_in_schema=False)
async def health() -> dict[str, str]:
    """Answers while the process can serve requests; it never touches the database."""
    return {"status": "ok"}
