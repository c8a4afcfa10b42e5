"""Create the tables that do not exist yet; safe to run on every deploy."""

from __future__ import annotations

from typing import Any

from {{ cookiecutter.package_name }} import model
from {{ cookiecutter.package_name }}.config.middleware import make_app


def setup_schema(conf: Any) -> None:
    """Load the app from the .ini settings (so production reads DATABASE_URL too),
    then create every table of the model that is missing."""
    make_app(conf.global_conf, **{**conf.local_conf, "check_database": "false"})
    engine = model.DBSession.get_bind()
    model.metadata.create_all(bind=engine)
    engine.dispose()
    print("Created the missing tables.")
