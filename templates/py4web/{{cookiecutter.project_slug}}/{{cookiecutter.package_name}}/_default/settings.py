"""Settings of the app, read from the environment.

`py4web run` is development: secrets generated for this project. The WSGI entry point
(`{{ cookiecutter.package_name }}/wsgi.py`, used by gunicorn) sets `APP_ENV=production`:
secrets must come from the environment, and the app refuses to load without them.
"""

from __future__ import annotations

import os
{%- if cookiecutter.include_example == "yes" and cookiecutter.database == "postgresql" %}
from getpass import getuser
{%- endif %}
from pathlib import Path
{%- if cookiecutter.include_example == "yes" and cookiecutter.database == "postgresql" %}
from urllib.parse import urlsplit
{%- endif %}

APP_FOLDER = Path(__file__).resolve().parent
PROJECT_NAME = {{ cookiecutter.project_name | py_str }}
PRODUCTION = os.environ.get("APP_ENV", "development") == "production"

DEV_SECRET_KEY = "{{ cookiecutter.__dev_secret_key }}"  # noqa: S105
{%- if cookiecutter.include_example == "yes" %}
DEV_API_TOKEN = "{{ cookiecutter.__dev_api_token }}"  # noqa: S105
{%- if cookiecutter.database == "postgresql" %}
# Without DATABASE_URL, development connects over the local Unix socket, as your own
# user, to this database (create it once: `createdb {{ cookiecutter.package_name }}`).
DEV_DATABASE_URL = "postgresql:///{{ cookiecutter.package_name }}"
# Where Debian's and Ubuntu's PostgreSQL listen on the local socket.
SOCKET_FOLDER = "/var/run/postgresql"
{%- endif %}
{%- endif %}


def from_environment(name: str, development_default: str) -> str:
    """A secret{% if cookiecutter.include_example == "yes" and cookiecutter.database == "postgresql" %} or the database{% endif %}: required in production, a default in development."""
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

{%- if cookiecutter.database == "postgresql" %}


def pydal_uri(url: str) -> str:
    """pyDAL's form of a PostgreSQL URL: `postgres://user:password@host[:port]/name`.

    Hosts and tools hand out libpq's `postgresql://` URLs, where the user and the host
    may be left out (`postgresql:///name`: your own user, over the local socket); pyDAL
    needs both, and names the socket with `unix_socket=`.
    https://py4web.com/_documentation/static/en/chapter-07.html
    """
    parts = urlsplit(url)
    if parts.scheme not in ("postgres", "postgresql"):
        # The scheme only: the rest of the URL may hold a password.
        scheme = parts.scheme or "no scheme"
        raise RuntimeError(f"DATABASE_URL must be a postgresql:// URL, not {scheme}.")
    credentials, _, address = parts.netloc.rpartition("@")
    user, _, password = credentials.partition(":")
    arguments = [parts.query] if parts.query else []
    if not parts.hostname:
        arguments.append(f"unix_socket={SOCKET_FOLDER}/.s.PGSQL.{parts.port or 5432}")
        address = ""
    # pyDAL decodes %-escapes in the password (decode_credentials), even an empty one.
    login = f"{user or getuser()}:{password}"
    query = "?" + "&".join(arguments) if arguments else ""
    return f"postgres://{login}@{address}{parts.path}{query}"


def whole_number(name: str, default: int) -> int:
    value = os.environ.get(name) or str(default)
    if not (value.isascii() and value.isdigit()):
        raise RuntimeError(f"{name} must be a whole number, not {value!r}.")
    return int(value)


# The PostgreSQL server and database; production names it, development has a default.
DATABASE_URL = pydal_uri(from_environment("DATABASE_URL", DEV_DATABASE_URL))
# Connections each process keeps open between requests. A gunicorn worker serves one
# request at a time, so one is enough; give it as many as its threads (`--threads`).
DB_POOL_SIZE = whole_number("DB_POOL_SIZE", 1)
{%- else %}
# pyDAL's connection string; a relative SQLite path lives in DB_FOLDER.
DATABASE_URL = os.environ.get("DATABASE_URL") or "sqlite://storage.sqlite"
# pyDAL keeps its migration files (*.table) here.
DB_FOLDER = os.environ.get("DB_FOLDER") or str(APP_FOLDER / "databases")
{%- endif %}
# Development migrates at start; production only in the release step (DB_MIGRATE=1).
DB_MIGRATE = os.environ.get("DB_MIGRATE", "0" if PRODUCTION else "1") == "1"
{%- endif %}
