"""create_app picks the configuration: testing, development (--debug) or production."""

from __future__ import annotations
{%- if cookiecutter.include_example == "yes" %}

from pathlib import Path
{%- endif %}

import pytest

from {{ cookiecutter.package_name }} import create_app
from {{ cookiecutter.package_name }}.config import {% if cookiecutter.include_example == "yes" %}(
    DEFAULT_DATABASE_URL,
    ConfigError,
    DevelopmentConfig,
)
{%- else %}ConfigError{% endif %}


@pytest.fixture
{%- if cookiecutter.include_example == "yes" %}
def production_env(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> pytest.MonkeyPatch:
{%- else %}
def production_env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
{%- endif %}
    monkeypatch.delenv("FLASK_DEBUG", raising=False)
    monkeypatch.setenv("SECRET_KEY", "production-secret")
{%- if cookiecutter.include_example == "yes" %}
    monkeypatch.setenv("API_TOKEN", "production-token")
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'production.sqlite3'}")
{%- endif %}
    return monkeypatch


def test_test_config_selects_testing() -> None:
    app = create_app({"PROJECT_NAME": "Overridden"})
    assert app.testing
    assert app.config["PROJECT_NAME"] == "Overridden"


def test_production_reads_the_environment(production_env: pytest.MonkeyPatch) -> None:
    app = create_app()
    assert not app.debug
    assert not app.testing
    assert app.config["SECRET_KEY"] == "production-secret"
{%- if cookiecutter.include_example == "yes" %}
    assert app.config["API_TOKEN"] == "production-token"
    assert app.config["SQLALCHEMY_DATABASE_URI"].endswith("/production.sqlite3")
{%- endif %}


{% if cookiecutter.include_example == "yes" -%}
@pytest.mark.parametrize("name", ["SECRET_KEY", "API_TOKEN"])
def test_production_refuses_to_start_without_a_secret(
    production_env: pytest.MonkeyPatch, name: str
) -> None:
    production_env.delenv(name)
    with pytest.raises(ConfigError, match=name):
        create_app()
{%- else -%}
def test_production_refuses_to_start_without_a_secret_key(
    production_env: pytest.MonkeyPatch,
) -> None:
    production_env.delenv("SECRET_KEY")
    with pytest.raises(ConfigError, match="SECRET_KEY"):
        create_app()
{%- endif %}


def test_debug_selects_development_with_its_own_secrets(
    production_env: pytest.MonkeyPatch,
) -> None:
    production_env.setenv("FLASK_DEBUG", "1")
    production_env.delenv("SECRET_KEY")
{%- if cookiecutter.include_example == "yes" %}
    production_env.delenv("API_TOKEN")
{%- endif %}
    app = create_app()
    assert app.debug
    assert app.config["SECRET_KEY"]
{%- if cookiecutter.include_example == "yes" %}
    assert app.config["API_TOKEN"]


def test_database_defaults_to_sqlite(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DATABASE_URL", raising=False)
    assert DevelopmentConfig().SQLALCHEMY_DATABASE_URI == DEFAULT_DATABASE_URL
{%- endif %}
