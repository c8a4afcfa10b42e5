"""The database: the Flask-SQLAlchemy extension and the `flask init-db` command.

https://flask-sqlalchemy.readthedocs.io/en/stable/quickstart/
"""

from __future__ import annotations

import click
from flask import Flask
from flask.cli import with_appcontext
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy.orm import DeclarativeBase


class Base(DeclarativeBase):
    """The base class of every model; `db.Model` subclasses it."""


# Created without an app, then bound to each app in `init_app` (the extension pattern).
db = SQLAlchemy(model_class=Base)


@click.command("init-db")
# The `flask` command pushes an app context itself; this also covers the tests' runner.
@with_appcontext
def init_db_command() -> None:
    """Create the tables that do not exist yet; safe to run on every deploy."""
    # Creates a table for every model imported so far; the blueprints import them all.
    db.create_all()
    click.echo("Initialized the database.")


def init_app(app: Flask) -> None:
    """Bind the extension and register the CLI command on `app`."""
    db.init_app(app)
    app.cli.add_command(init_db_command)
