"""The WSGI entry point that gunicorn imports (`{{ cookiecutter.package_name }}.wsgi:app`)."""

from __future__ import annotations

import importlib
import sys
from types import ModuleType

import pytest
from flask import Flask
{%- if cookiecutter.include_example == "yes" %}

from {{ cookiecutter.package_name }} import create_app
from {{ cookiecutter.package_name }}.db import DatabaseNotReadyError, db
{%- endif %}


def import_wsgi() -> ModuleType:
    """A fresh import, as each server start does."""
    sys.modules.pop("{{ cookiecutter.package_name }}.wsgi", None)
    return importlib.import_module("{{ cookiecutter.package_name }}.wsgi")


@pytest.mark.usefixtures("production_env")
def test_wsgi_builds_the_production_app() -> None:
{%- if cookiecutter.include_example == "yes" %}
    with create_app().app_context():
        db.create_all()  # what the release step, `flask init-db`, does
        db.engine.dispose()
{%- endif %}
    app = import_wsgi().app
    assert isinstance(app, Flask)
    assert not app.debug and not app.testing
{%- if cookiecutter.include_example == "yes" %}


@pytest.mark.usefixtures("production_env")
def test_wsgi_refuses_to_start_before_the_release_step() -> None:
    with pytest.raises(DatabaseNotReadyError, match="init-db"):
        import_wsgi()
{%- endif %}
