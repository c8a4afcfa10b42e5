"""`gearbox setup-app -c <file>.ini`: prepare the database (the Procfile's `release:`).

https://turbogears.readthedocs.io/en/latest/turbogears/gearbox.html
"""

from __future__ import annotations

from typing import Any

from {{ cookiecutter.package_name }}.websetup.schema import setup_schema


def setup_app(command: Any, conf: Any, variables: Any) -> None:
    """Called by `gearbox setup-app` with the .ini file's settings."""
    setup_schema(conf)
