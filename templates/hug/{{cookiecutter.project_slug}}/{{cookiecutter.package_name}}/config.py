"""Settings from the environment: one code base for development, tests and production.
{%- if cookiecutter.include_example == "yes" %}

Production is the default; `DEBUG=1` selects development defaults for what is not set.
Hug has no application factory: an API is a module, so the settings are read once per
process, when first needed (`settings()`), and tests clear that cache.
{%- else %}

This starter needs none yet: add a field, and read it in `Settings.from_env`.
{%- endif %}
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
{%- if cookiecutter.include_example == "yes" %}
from functools import cache
from pathlib import Path
{%- endif %}

PROJECT_NAME = {{ cookiecutter.project_name | py_str }}
{%- if cookiecutter.include_example == "yes" %}
TRUE_VALUES = frozenset({"1", "true", "yes", "on"})
SQLITE_PREFIX = "sqlite:///"
# A git-ignored file under instance/ in the working directory.
DEFAULT_DATABASE_URL = "sqlite:///instance/{{ cookiecutter.package_name }}.sqlite3"
# Generated for this project, used only with DEBUG=1: production never falls back to it.
DEVELOPMENT_API_TOKEN = {{ cookiecutter.__dev_api_token | str_literal }}  # noqa: S105  # nosec B105


class ConfigError(RuntimeError):
    """A setting is missing or malformed; the message names the variable to set."""


@dataclass(frozen=True)
class Settings:
    api_token: str
    database_path: Path
    project_name: str = PROJECT_NAME

    @classmethod
    def from_env(cls, environ: Mapping[str, str] = os.environ) -> Settings:
        """Production settings, unless DEBUG turns on the development defaults."""
        debug = environ.get("DEBUG", "").lower() in TRUE_VALUES
        # An empty or blank token would let `Authorization: Bearer` with no token write.
        api_token = environ.get("API_TOKEN", "").strip()
        if not api_token and debug:
            api_token = DEVELOPMENT_API_TOKEN
        if not api_token:
            raise ConfigError(
                "API_TOKEN is not set: production needs the bearer token that guards "
                "writes to the API (or set DEBUG=1 to use the development defaults)."
            )
        return cls(api_token=api_token, database_path=database_path(environ))


@cache
def settings() -> Settings:
    """The settings of this process, read from the environment on first use."""
    return Settings.from_env()


def database_path(environ: Mapping[str, str] = os.environ) -> Path:
    """The SQLite file of DATABASE_URL, or the default one; no other setting needed."""
    url = environ.get("DATABASE_URL") or DEFAULT_DATABASE_URL
    path = url.removeprefix(SQLITE_PREFIX)
    if path == url or not path:
        raise ConfigError(
            f"DATABASE_URL must look like {SQLITE_PREFIX}relative/path or "
            f"{SQLITE_PREFIX}/absolute/path, not {url!r}."
        )
    return Path(path)
{%- else %}


@dataclass(frozen=True)
class Settings:
    project_name: str = PROJECT_NAME

    @classmethod
    def from_env(cls, environ: Mapping[str, str] = os.environ) -> Settings:
        """The settings read from `environ`: none yet."""
        return cls()
{%- endif %}
