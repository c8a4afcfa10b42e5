"""The FastAPI application: settings, lifespan, exception handlers and routers.

The servers run `app` (`uvicorn {{ cookiecutter.package_name }}.main:app`); tests call `create_app(settings)`
with their own settings.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from .config import Settings
{%- if cookiecutter.include_example == "yes" %}
from .database import check_schema, create_engine, sessionmaker
{%- endif %}
from .errors import add_exception_handlers
from .routers import health, home{% if cookiecutter.include_example == "yes" %}, notes{% endif %}


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings.from_env()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        """Runs in each worker process: before `yield` at start-up, after it at exit."""
{%- if cookiecutter.include_example == "yes" %}
        settings.check()
{%- if cookiecutter.database == "postgresql" %}
        engine = create_engine(settings.database_url, **settings.pool_options())
{%- else %}
        engine = create_engine(settings.database_url)
{%- endif %}
        try:
            # Fail at start, not at the first request, if the release step did not run.
            await check_schema(engine)
            app.state.sessionmaker = sessionmaker(engine)
            yield
        finally:
            await engine.dispose()
{%- else %}
        # Open shared resources (database engines, HTTP clients) here, close them after.
        yield
{%- endif %}

    app = FastAPI(
        title=settings.project_name,
        version="0.1.0",
        lifespan=lifespan,
        # The interactive docs and the OpenAPI document: in development, or with DOCS=1.
        docs_url="/docs" if settings.docs else None,
        redoc_url=None,
        openapi_url="/openapi.json" if settings.docs else None,
        # /health/ is not /health: no redirect from one path to the other.
        redirect_slashes=False,
    )
    app.state.settings = settings
    add_exception_handlers(app)
    app.include_router(home.router)
    app.include_router(health.router)
{%- if cookiecutter.include_example == "yes" %}
    app.include_router(notes.router)
{%- endif %}
    return app


app = create_app()
