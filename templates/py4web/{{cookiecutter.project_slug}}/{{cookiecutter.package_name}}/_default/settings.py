"""Settings of the app, read from the environment.

`py4web run` is development: secrets generated for this project. The WSGI entry point
(`{{ cookiecutter.package_name }}/wsgi.py`, used by gunicorn) sets `APP_ENV=production`:
secrets must come from the environment, and the app refuses to load without them.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_FOLDER = Path(__file__).resolve().parent
PROJECT_NAME = {{ cookiecutter.project_name | py_str }}
PRODUCTION = os.environ.get("APP_ENV", "development") == "production"

DEV_SECRET_KEY = "{{ cookiecutter.__dev_secret_key }}"  # noqa: S105
{%- if cookiecutter.include_example == "yes" %}
DEV_API_TOKEN = "{{ cookiecutter.__dev_api_token }}"  # noqa: S105
{%- endif %}


def from_environment(name: str, development_default: str) -> str:
    """A secret: required in production, a generated default in development."""
    value = os.environ.get(name, "")
    if value:
        return value
    if PRODUCTION:
        raise RuntimeError(
            f"{name} is not set: production reads it from the environment."
        )
    return development_default


# Signs the session cookie, which holds the forms' CSRF keys.
SESSION_SECRET_KEY = from_environment("SECRET_KEY", DEV_SECRET_KEY)
{%- if cookiecutter.include_example == "yes" %}
API_TOKEN = from_environment("API_TOKEN", DEV_API_TOKEN)

# pyDAL's connection string; a relative SQLite path lives in DB_FOLDER.
DATABASE_URL = os.environ.get("DATABASE_URL") or "sqlite://storage.sqlite"
# pyDAL keeps its migration files (*.table) here.
DB_FOLDER = os.environ.get("DB_FOLDER") or str(APP_FOLDER / "databases")
# Development migrates at start; production only in the release step (DB_MIGRATE=1).
DB_MIGRATE = os.environ.get("DB_MIGRATE", "0" if PRODUCTION else "1") == "1"
{%- endif %}
