"""The application factory, called by `flask --app`, by gunicorn and by the tests.

https://flask.palletsprojects.com/en/stable/patterns/appfactories/
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask import Flask

from .config import DevelopmentConfig, ProductionConfig, TestingConfig


def create_app(test_config: Mapping[str, Any] | None = None) -> Flask:
    """Build the app; tests pass `test_config` to override the testing settings."""
    # instance_relative_config: the instance/ folder holds local data such as SQLite.
    app = Flask(__name__, instance_relative_config=True)
    if test_config is not None:
        app.config.from_object(TestingConfig())
        app.config.from_mapping(test_config)
    elif app.debug:
        # `flask run --debug` sets FLASK_DEBUG, which Flask reads into app.debug.
        app.config.from_object(DevelopmentConfig())
    else:
        app.config.from_object(ProductionConfig())

    # Imported here, once the app exists, as the app factory pattern recommends.
    from . import errors, main

    errors.init_app(app)
    app.register_blueprint(main.bp)
{%- if cookiecutter.include_example == "yes" %}

    from . import api, db, notes

    db.init_app(app)
    # Before the blueprints' routes are added: `<int:...>` means ASCII digits only.
    app.url_map.converters["int"] = api.AsciiIntegerConverter
    app.register_blueprint(notes.bp)
    app.register_blueprint(api.bp)
{%- endif %}
    return app
