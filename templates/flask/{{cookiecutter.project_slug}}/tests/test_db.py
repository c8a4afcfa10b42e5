"""The `flask init-db` command."""

from __future__ import annotations

from flask import Flask
from flask.testing import FlaskCliRunner
from sqlalchemy import inspect

from {{ cookiecutter.package_name }}.db import db
from {{ cookiecutter.package_name }}.models import Note


def test_init_db_creates_the_tables(app: Flask, runner: FlaskCliRunner) -> None:
    with app.app_context():
        db.drop_all()
    result = runner.invoke(args=["init-db"])
    assert result.exit_code == 0
    assert "Initialized the database." in result.output
    with app.app_context():
        assert "note" in inspect(db.engine).get_table_names()


def test_init_db_keeps_existing_data(app: Flask, runner: FlaskCliRunner) -> None:
    with app.app_context():
        db.session.add(Note(title="Keep me"))
        db.session.commit()
    assert runner.invoke(args=["init-db"]).exit_code == 0
    with app.app_context():
        assert db.session.query(Note).count() == 1
