"""Run the server: the production one, or the development one with `--dev`.

    python -m {{ cookiecutter.package_name }}
    python -m {{ cookiecutter.package_name }} --dev
{%- if cookiecutter.include_example == "yes" %}
    python -m {{ cookiecutter.package_name }} --init-db    (the release step: create the tables)
{%- endif %}

CherryPy's engine starts every subscribed server and plugin, then blocks until a signal
stops them all. https://docs.cherrypy.dev/en/latest/advanced.html#deal-with-signals
"""

from __future__ import annotations

import argparse
import os
import sys

import cherrypy

from .app import mount
from .config import (
    CONFIG_FILE,
    DEV_CONFIG_FILE,
    ConfigError,
    load_settings,
    server_config,
)
{%- if cookiecutter.include_example == "yes" %}
from .database import DatabaseNotReady, check_schema, create_schema
{%- endif %}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog=f"python -m {__package__}", description="Run the CherryPy server."
    )
    parser.add_argument(
        "--dev",
        action="store_true",
        help="development: autoreload, development secrets",
    )
{%- if cookiecutter.include_example == "yes" %}
    parser.add_argument(
        "--init-db",
        action="store_true",
        help="create the database tables when missing, then exit (the release step)",
    )
{%- endif %}
    args = parser.parse_args(argv)
    try:
{%- if cookiecutter.include_example == "yes" %}
        # The release step writes no note, so it needs no API_TOKEN.
        settings = load_settings(os.environ, development=args.dev or args.init_db)
{%- else %}
        settings = load_settings(os.environ, development=args.dev)
{%- endif %}
{%- if cookiecutter.include_example == "yes" %}
        if args.init_db or args.dev:
            create_schema(settings.database_path)
        if args.init_db:
            return 0
        # Refuse to start, rather than answer /health while every note request fails.
        check_schema(settings.database_path)
    except (ConfigError, DatabaseNotReady) as error:
{%- else %}
    except ConfigError as error:
{%- endif %}
        print(f"Error: {error}", file=sys.stderr)
        return 1
    # The config files first, then the environment's values on top of them.
    cherrypy.config.update(str(CONFIG_FILE))
    if args.dev:
        cherrypy.config.update(str(DEV_CONFIG_FILE))
    cherrypy.config.update(server_config(settings))
    mount(settings)
    # Stop cleanly on SIGTERM (process managers, `docker stop`) and Ctrl-C.
    cherrypy.engine.signals.subscribe()
    cherrypy.engine.start()
    cherrypy.engine.block()
    return 0


if __name__ == "__main__":
    sys.exit(main())
