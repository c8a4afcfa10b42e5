"""The WSGI application factory that PasteDeploy calls with an .ini file's settings.

`gunicorn --paste production.ini` and `gearbox serve -c development.ini` both end here.
https://turbogears.readthedocs.io/en/latest/turbogears/configuration/index.html
"""

from __future__ import annotations

import os
from typing import Any

from tg.support.converters import asbool

from {{ cookiecutter.package_name }}.config.app_cfg import base_config
{%- if cookiecutter.include_example == "yes" %}
from {{ cookiecutter.package_name }}.model import check_database
{%- endif %}

# What production.ini leaves to the environment, and the setting each one fills.
ENVIRONMENT_SETTINGS = {
    "SECRET_KEY": "secret_key",
{%- if cookiecutter.include_example == "yes" %}
    "API_TOKEN": "api_token",
    "DATABASE_URL": "sqlalchemy.url",
{%- endif %}
}


class ConfigError(RuntimeError):
    """A setting production needs is missing; the message names it."""


def settings_from_environment() -> dict[str, str]:
    """The secrets{% if cookiecutter.include_example == "yes" %} and the database URL{% endif %}; unset and empty are refused alike."""
    settings = {}
    for variable, setting in ENVIRONMENT_SETTINGS.items():
        value = os.environ.get(variable, "")
        if not value:
            raise ConfigError(
                f"{variable} is not set: production.ini reads it from the environment."
            )
        settings[setting] = value
    return settings


{%- if cookiecutter.include_example == "yes" and cookiecutter.database == "postgresql" %}


def sqlalchemy_url(database_url: str) -> str:
    """The URL with SQLAlchemy's name for psycopg 3, which plain `postgresql://` lacks.

    Hosts hand out `postgresql://` (or `postgres://`) URLs; SQLAlchemy would load
    psycopg2 for those. https://docs.sqlalchemy.org/en/20/dialects/postgresql.html
    """
    scheme, _, rest = database_url.partition("://")
    if scheme in ("postgres", "postgresql"):
        return f"postgresql+psycopg://{rest}"
    return database_url


def _count(variable: str, default: int) -> int:
    value = os.environ.get(variable) or str(default)
    if not value.isdigit():
        raise ConfigError(f"{variable} must be a whole number, not {value!r}.")
    return int(value)


def pool_settings() -> dict[str, object]:
    """Each process's connection pool (every gunicorn worker has its own).

    DB_POOL_SIZE connections stay open, DB_MAX_OVERFLOW more open under bursts; keep
    servers x workers x (both) below the server's max_connections. pre_ping replaces a
    connection the server closed (a restart, an idle timeout) before a request gets it.
    TurboGears hands every `sqlalchemy.*` setting to `engine_from_config`.
    https://docs.sqlalchemy.org/en/20/core/pooling.html
    """
    return {
        "sqlalchemy.pool_size": _count("DB_POOL_SIZE", 5),
        "sqlalchemy.max_overflow": _count("DB_MAX_OVERFLOW", 5),
        "sqlalchemy.pool_pre_ping": True,
    }
{%- endif %}


def make_app(global_conf: dict[str, Any], **app_conf: Any) -> Any:
    """Build the WSGI application (`paste.app_factory` entry point in pyproject.toml).

    A RuntimeError raised here (a missing setting{% if cookiecutter.include_example == "yes" %}, a database without tables{% endif %})
    stops gunicorn with one `Error: ...` line, before any worker starts.
    """
    if asbool(app_conf.get("settings_from_environment", False)):
        app_conf.update(settings_from_environment())
{%- if cookiecutter.include_example == "yes" and cookiecutter.database == "postgresql" %}
        app_conf.update(pool_settings())
    # Whichever .ini file or variable named the database: psycopg 3 drives it.
    app_conf["sqlalchemy.url"] = sqlalchemy_url(app_conf["sqlalchemy.url"])
{%- endif %}
    app = base_config.make_wsgi_app(global_conf, app_conf, wrap_app=None)
{%- if cookiecutter.include_example == "yes" %}
    if asbool(app_conf.get("check_database", False)):
        # Refuse to serve from a database that `gearbox setup-app` has not prepared.
        check_database()
{%- endif %}
    return app
