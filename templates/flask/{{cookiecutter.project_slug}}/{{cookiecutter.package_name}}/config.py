"""Configuration classes, one per environment, with values read from the environment.

https://flask.palletsprojects.com/en/stable/config/#development-production
"""

from __future__ import annotations

import os

# Development-only secrets, generated for this project when it was created. Production
# never uses them: it reads its own from the environment.
DEV_SECRET_KEY = "{{ cookiecutter.__dev_secret_key }}"  # noqa: S105
{%- if cookiecutter.include_example == "yes" %}
DEV_API_TOKEN = "{{ cookiecutter.__dev_api_token }}"  # noqa: S105

{%- if cookiecutter.database == "postgresql" %}

# Without DATABASE_URL, development connects over the local Unix socket, as your own
# user, to this database (create it once: `createdb {{ cookiecutter.package_name }}`).
DEFAULT_DATABASE_URL = "postgresql:///{{ cookiecutter.package_name }}"
{%- else %}

# A relative SQLite path is created in the instance/ folder (Flask-SQLAlchemy).
DEFAULT_DATABASE_URL = "sqlite:///db.sqlite3"
{%- endif %}
{%- endif %}


class ConfigError(RuntimeError):
    """A setting production needs is missing; the message names it."""


def _required(name: str) -> str:
    """The variable's value; unset and empty are refused alike."""
    value = os.environ.get(name, "")
    if not value:
        raise ConfigError(
            f"{name} is not set: production needs it in the environment "
            "(or run the development server with --debug)."
        )
    return value
{%- if cookiecutter.include_example == "yes" and cookiecutter.database == "postgresql" %}


def sqlalchemy_url(database_url: str) -> str:
    """The URL with SQLAlchemy's name for psycopg 3, which plain `postgresql://` lacks.

    Hosts hand out `postgresql://` (or `postgres://`) URLs; SQLAlchemy would load
    psycopg2 for those. https://docs.sqlalchemy.org/en/20/dialects/postgresql.html
    """
    scheme, separator, rest = database_url.partition("://")
    if scheme in ("postgres", "postgresql"):
        return f"postgresql+psycopg://{rest}"
    return database_url


def _count(name: str, default: int) -> int:
    value = os.environ.get(name) or str(default)
    if not value.isdigit():
        raise ConfigError(f"{name} must be a whole number, not {value!r}.")
    return int(value)


def engine_options() -> dict[str, object]:
    """Each process's connection pool (every gunicorn worker has its own).

    DB_POOL_SIZE connections stay open, DB_MAX_OVERFLOW more open under bursts; keep
    workers x (both) below the server's max_connections. pre_ping replaces a connection
    the server closed (a restart, an idle timeout) before a request gets it.
    https://docs.sqlalchemy.org/en/20/core/pooling.html
    """
    return {
        "pool_size": _count("DB_POOL_SIZE", 5),
        "max_overflow": _count("DB_MAX_OVERFLOW", 5),
        "pool_pre_ping": True,
    }
{%- endif %}


class Config:
    """Settings every environment shares."""

    PROJECT_NAME = {{ cookiecutter.project_name | py_str }}
{%- if cookiecutter.project_name | length > 33 %}  # noqa: E501{% endif %}
{%- if cookiecutter.include_example == "yes" %}
    # Larger request bodies are a 413 when the view reads them.
    MAX_CONTENT_LENGTH = 1024 * 1024
{%- endif %}


class ProductionConfig(Config):
    """What gunicorn runs. Instantiated, so the environment is read at app creation."""

    # The session cookie{% if cookiecutter.include_example == "yes" %} (it holds the CSRF token){% endif %} is sent over HTTPS only,
    # and not with requests that other sites start (cross-site forms, scripts).
    # https://flask.palletsprojects.com/en/stable/web-security/#set-cookie-options
    SESSION_COOKIE_SECURE = True
    SESSION_COOKIE_SAMESITE = "Lax"

    def __init__(self) -> None:
        self.SECRET_KEY = _required("SECRET_KEY")
{%- if cookiecutter.include_example == "yes" %}
        self.API_TOKEN = _required("API_TOKEN")
{%- if cookiecutter.database == "postgresql" %}
        # Production names its database server: no local default.
        self.SQLALCHEMY_DATABASE_URI = sqlalchemy_url(_required("DATABASE_URL"))
        self.SQLALCHEMY_ENGINE_OPTIONS = engine_options()
{%- else %}
        self.SQLALCHEMY_DATABASE_URI = os.environ.get(
            "DATABASE_URL", DEFAULT_DATABASE_URL
        )
{%- endif %}
{%- endif %}


class DevelopmentConfig(Config):
    """What `flask run --debug` runs: the environment may override the dev secrets."""

    def __init__(self) -> None:
        self.SECRET_KEY = os.environ.get("SECRET_KEY", DEV_SECRET_KEY)
{%- if cookiecutter.include_example == "yes" %}
        self.API_TOKEN = os.environ.get("API_TOKEN", DEV_API_TOKEN)
{%- if cookiecutter.database == "postgresql" %}
        self.SQLALCHEMY_DATABASE_URI = sqlalchemy_url(
            os.environ.get("DATABASE_URL", DEFAULT_DATABASE_URL)
        )
        self.SQLALCHEMY_ENGINE_OPTIONS = engine_options()
{%- else %}
        self.SQLALCHEMY_DATABASE_URI = os.environ.get(
            "DATABASE_URL", DEFAULT_DATABASE_URL
        )
{%- endif %}
{%- endif %}


class TestingConfig(Config):
    """What the tests run: fixed secrets, never the environment's."""

    TESTING = True
    SECRET_KEY = DEV_SECRET_KEY
{%- if cookiecutter.include_example == "yes" %}
    API_TOKEN = DEV_API_TOKEN
{%- if cookiecutter.database == "postgresql" %}
    # tests/conftest.py passes the URL of a test_ database of its own.
    SQLALCHEMY_DATABASE_URI = sqlalchemy_url(DEFAULT_DATABASE_URL)
{%- else %}
    # An empty in-memory database, unless a test passes another.
    SQLALCHEMY_DATABASE_URI = "sqlite://"
{%- endif %}
{%- endif %}
