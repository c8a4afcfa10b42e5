"""Run the server: the production one, or the development one with `--dev`.

    python -m {{ cookiecutter.package_name }}
    python -m {{ cookiecutter.package_name }} --dev

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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog=f"python -m {__package__}", description="Run the CherryPy server."
    )
    parser.add_argument(
        "--dev",
        action="store_true",
        help="development: autoreload, tracebacks, development secrets",
    )
    args = parser.parse_args(argv)
    try:
        settings = load_settings(os.environ, development=args.dev)
    except ConfigError as error:
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
