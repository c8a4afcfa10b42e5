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


def make_app(global_conf: dict[str, Any], **app_conf: Any) -> Any:
    """Build the WSGI application (`paste.app_factory` entry point in pyproject.toml).

    A RuntimeError raised here (a missing setting{% if cookiecutter.include_example == "yes" %}, a database without tables{% endif %})
    stops gunicorn with one `Error: ...` line, before any worker starts.
    """
    if asbool(app_conf.get("settings_from_environment", False)):
        app_conf.update(settings_from_environment())
    app = base_config.make_wsgi_app(global_conf, app_conf, wrap_app=None)
{%- if cookiecutter.include_example == "yes" %}
    if asbool(app_conf.get("check_database", False)):
        # Refuse to serve from a database that `gearbox setup-app` has not prepared.
        check_database()
{%- endif %}
    return app
