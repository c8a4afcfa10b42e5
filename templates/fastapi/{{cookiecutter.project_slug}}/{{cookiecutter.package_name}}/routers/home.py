"""The home page: HTML from a Jinja template.

https://fastapi.tiangolo.com/advanced/templates/
"""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from ..dependencies import SettingsDep

# Jinja2Templates escapes every value it inserts into HTML.
templates = Jinja2Templates(directory=Path(__file__).parent.parent / "templates")
router = APIRouter(tags=["pages"])


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
@router.head("/", response_class=HTMLResponse, include_in_schema=False)
async def home(request: Request, settings: SettingsDep) -> HTMLResponse:
    context = {"project_name": settings.project_name, "docs": settings.docs}
    return templates.TemplateResponse(request, "home.html", context)
