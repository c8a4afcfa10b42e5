"""The production entry point: gunicorn serves `application` from py4web's `wsgi()`.

https://py4web.com/_documentation/static/en/chapter-03.html#wsgi
With `gunicorn --preload` the apps load once, before the workers start, so a failed
start-up check stops the server with one line instead of a traceback per worker.
`python -m {{ cookiecutter.package_name }}.wsgi` loads the apps once and exits: with
`DB_MIGRATE=1` that creates the tables (the Procfile's `release:` step).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from py4web.core import Reloader, wsgi

APPS_FOLDER = Path(__file__).resolve().parent


def load_apps() -> Any:
    """Load every app in production mode; exit with one line when one fails to load."""
    # Production settings: secrets from the environment, no automatic migrations.
    os.environ.setdefault("APP_ENV", "production")
    application = wsgi(apps_folder=str(APPS_FOLDER))
    for name, error in sorted(Reloader.ERRORS.items()):
        if error:
            # py4web logs a failed app and serves the others; production stops instead,
            # with the traceback's last unindented line (a driver may add hints below).
            lines = error.strip().splitlines()
            reason = [line for line in lines if line and not line[0].isspace()][-1]
            sys.exit(f"Error: the app {name} did not load: {reason}")
    return application


if __name__ == "__main__":
    load_apps()
    print("Apps loaded; with DB_MIGRATE=1 the tables now exist.")
else:
    application = load_apps()
