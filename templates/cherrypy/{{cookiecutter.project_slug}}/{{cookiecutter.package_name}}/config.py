"""Settings from the environment, checked once at startup.

CherryPy's own server settings live in the config files next to this module
(`server.conf`, `development.conf`); `server_config` lays the environment over them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

# CherryPy config files: INI sections whose values are Python literals.
# https://docs.cherrypy.dev/en/latest/config.html
CONFIG_FILE = Path(__file__).with_name("server.conf")
DEV_CONFIG_FILE = Path(__file__).with_name("development.conf")
{%- if cookiecutter.include_example == "yes" %}

# Development only, generated for this project; production refuses to start without
# API_TOKEN in the environment.
DEV_API_TOKEN = {{ cookiecutter.__dev_api_token | str_literal }}  # noqa: S105  # nosec B105
# A path relative to the folder the server starts in (git-ignored `instance/`).
DEFAULT_DATABASE_URL = "sqlite:///instance/notes.sqlite3"
SQLITE_PREFIX = "sqlite:///"
{%- endif %}


class ConfigError(Exception):
    """A setting is missing or malformed; the message names the variable."""


@dataclass(frozen=True)
class Settings:
    """What the environment decides; `None` keeps the value of the config file."""

    host: str | None = None
    port: int | None = None
{%- if cookiecutter.include_example == "yes" %}
    api_token: str = ""
    database_path: Path = Path("instance/notes.sqlite3")
{%- endif %}


def load_settings(environ: Mapping[str, str], *, development: bool) -> Settings:
    """Read the environment; raise ConfigError naming a missing or bad variable."""
{%- if cookiecutter.include_example == "yes" %}
    api_token = environ.get("API_TOKEN", "").strip()
    if not api_token and not development:
        raise ConfigError(
            "API_TOKEN is not set (or empty). The production server needs it to "
            "authorize writes to /api/notes; set it to a long random string."
        )
{%- endif %}
    return Settings(
        host=environ.get("HOST") or None,
        port=_port(environ, "PORT"),
{%- if cookiecutter.include_example == "yes" %}
        api_token=api_token or DEV_API_TOKEN,
        database_path=database_path(
            environ.get("DATABASE_URL") or DEFAULT_DATABASE_URL
        ),
{%- endif %}
    )


def server_config(settings: Settings) -> dict[str, object]:
    """The global config keys the environment overrides."""
    config: dict[str, object] = {}
    if settings.host is not None:
        config["server.socket_host"] = settings.host
    if settings.port is not None:
        config["server.socket_port"] = settings.port
    return config


def _port(environ: Mapping[str, str], name: str) -> int | None:
    raw = environ.get(name)
    if not raw:
        return None
    if not (raw.isascii() and raw.isdigit() and 0 < int(raw) < 65536):
        raise ConfigError(f"{name} must be a port number from 1 to 65535, not {raw!r}.")
    return int(raw)
{%- if cookiecutter.include_example == "yes" %}


def database_path(url: str) -> Path:
    """`sqlite:////abs/path.sqlite3` (absolute) or `sqlite:///relative/path.sqlite3`."""
    path = url.removeprefix(SQLITE_PREFIX)
    if not url.startswith(SQLITE_PREFIX) or not path or path == ":memory:":
        raise ConfigError(
            "DATABASE_URL must name an SQLite file, like "
            "sqlite:///instance/notes.sqlite3 or sqlite:////var/data/notes.sqlite3, "
            f"not {url!r}."
        )
    return Path(path)
{%- endif %}
