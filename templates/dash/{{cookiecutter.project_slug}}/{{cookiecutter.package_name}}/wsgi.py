"""What the production server imports (the Procfile's web: line): the app, checked.

Production refuses to start without its own SECRET_KEY, rather than falling back to
the development key that settings.py uses for the dev server and the tests.
"""

import os

from .app import server

if not os.environ.get("SECRET_KEY"):
    raise RuntimeError(
        "SECRET_KEY is not set: production needs it in the environment "
        "(or run the development server: python -m {{ cookiecutter.package_name }})."
    )

__all__ = ["server"]
