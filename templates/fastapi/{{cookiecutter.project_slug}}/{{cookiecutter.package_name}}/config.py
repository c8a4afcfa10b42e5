"""Settings from the environment: one code base for development, tests and production.

Production is the default; `DEBUG=1` selects development defaults for what is not set.
{%- if cookiecutter.include_example == "no" %}
Add a field for each new setting, and read it in `Settings.from_env`.
{%- endif %}
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

PROJECT_NAME = {{ cookiecutter.project_name | py_str }}
TRUE_VALUES = frozenset({"1", "true", "yes", "on"})
{%- if cookiecutter.include_example == "yes" %}
{%- if cookiecutter.database == "postgresql" %}
# Development only (DEBUG=1): the local server over its Unix socket, as your own user
# (create the database once: `createdb {{ cookiecutter.package_name }}`). Production names its server.
DEFAULT_DATABASE_URL = "postgresql:///{{ cookiecutter.package_name }}"
{%- else %}
# A git-ignored file under instance/ in the working directory.
DEFAULT_DATABASE_URL = "sqlite:///instance/{{ cookiecutter.package_name }}.sqlite3"
{%- endif %}
# Generated for this project, used only with DEBUG=1: production never falls back to it.
DEVELOPMENT_API_TOKEN = {{ cookiecutter.__dev_api_token | str_literal }}  # noqa: S105  # nosec B105


class ConfigError(RuntimeError):
    """A setting is missing; the message names the variable to set."""
{%- endif %}


@dataclass(frozen=True)
class Settings:
    debug: bool = False
    # Serve the interactive API docs (/docs) and the OpenAPI document (/openapi.json).
    docs: bool = False
{%- if cookiecutter.include_example == "yes" %}
    api_token: str = ""
    database_url: str = DEFAULT_DATABASE_URL
{%- if cookiecutter.database == "postgresql" %}
    # Each worker's connection pool, as read (check() says when they are not numbers).
    db_pool_size: str = "5"
    db_max_overflow: str = "5"
{%- endif %}
{%- endif %}
    project_name: str = PROJECT_NAME

    @classmethod
    def from_env(cls, environ: Mapping[str, str] = os.environ) -> Settings:
        """Read the settings{% if cookiecutter.include_example == "yes" %}; reading never fails, `check` says what is missing{% endif %}."""
        debug = _flag(environ, "DEBUG")
        return cls(
            debug=debug,
            docs=debug or _flag(environ, "DOCS"),
{%- if cookiecutter.include_example == "yes" %}
            api_token=environ.get("API_TOKEN")
            or (DEVELOPMENT_API_TOKEN if debug else ""),
{%- if cookiecutter.database == "postgresql" %}
            database_url=environ.get("DATABASE_URL")
            or (DEFAULT_DATABASE_URL if debug else ""),
            db_pool_size=environ.get("DB_POOL_SIZE") or "5",
            db_max_overflow=environ.get("DB_MAX_OVERFLOW") or "5",
{%- else %}
            database_url=environ.get("DATABASE_URL") or DEFAULT_DATABASE_URL,
{%- endif %}
{%- endif %}
        )
{%- if cookiecutter.include_example == "yes" %}

    def check(self) -> None:
        """Refuse to serve without the secrets production needs."""
        if not self.api_token:
            raise ConfigError(
                "API_TOKEN is not set: production needs the bearer token that guards "
                "writes to the API (or set DEBUG=1 to use the development defaults)."
            )
{%- if cookiecutter.database == "postgresql" %}
        if not self.database_url:
            raise ConfigError(
                "DATABASE_URL is not set: production needs the URL of its PostgreSQL "
                "server (or set DEBUG=1 to use the local development database)."
            )
        for name, value in [
            ("DB_POOL_SIZE", self.db_pool_size),
            ("DB_MAX_OVERFLOW", self.db_max_overflow),
        ]:
            if not value.isdigit():
                raise ConfigError(f"{name} must be a whole number, not {value!r}.")

    def pool_options(self) -> dict[str, int]:
        """Each worker's pool: DB_POOL_SIZE connections kept open, DB_MAX_OVERFLOW more
        under bursts. https://docs.sqlalchemy.org/en/20/core/pooling.html"""
        return {
            "pool_size": int(self.db_pool_size),
            "max_overflow": int(self.db_max_overflow),
        }
{%- endif %}
{%- endif %}


def _flag(environ: Mapping[str, str], name: str) -> bool:
    return environ.get(name, "").lower() in TRUE_VALUES
