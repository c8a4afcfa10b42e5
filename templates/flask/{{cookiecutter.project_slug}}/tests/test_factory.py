"""create_app picks the configuration: testing, development (--debug) or production."""

from __future__ import annotations

import pytest

from {{ cookiecutter.package_name }} import create_app
from {{ cookiecutter.package_name }}.config import {% if cookiecutter.include_example == "yes" %}(
    DEFAULT_DATABASE_URL,
    ConfigError,
    DevelopmentConfig,
{%- if cookiecutter.database == "postgresql" %}
    sqlalchemy_url,
{%- endif %}
)
{%- else %}ConfigError{% endif %}
{%- if cookiecutter.include_example == "yes" %}

SECRETS = ["SECRET_KEY", "API_TOKEN"]
{%- if cookiecutter.database == "postgresql" %}
# Production also needs its database server's URL: no local default there.
REQUIRED = [*SECRETS, "DATABASE_URL"]
{%- else %}
REQUIRED = SECRETS
{%- endif %}
{%- else %}

SECRETS = REQUIRED = ["SECRET_KEY"]
{%- endif %}


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
{%- if cookiecutter.database == "postgresql" %}
    assert app.config["SQLALCHEMY_DATABASE_URI"].startswith("postgresql+psycopg://")
{%- else %}
    assert app.config["SQLALCHEMY_DATABASE_URI"].endswith("/production.sqlite3")
{%- endif %}
{%- endif %}


def test_production_session_cookie_is_https_only_and_same_site(
    production_env: pytest.MonkeyPatch,
) -> None:
    app = create_app()
    assert app.config["SESSION_COOKIE_SECURE"] is True
    assert app.config["SESSION_COOKIE_SAMESITE"] == "Lax"
    assert app.config["SESSION_COOKIE_HTTPONLY"] is True


@pytest.mark.parametrize("name", REQUIRED)
def test_production_refuses_to_start_without_a_secret(
    production_env: pytest.MonkeyPatch, name: str
) -> None:
    production_env.delenv(name)
    with pytest.raises(ConfigError, match=name):
        create_app()


@pytest.mark.parametrize("name", REQUIRED)
def test_production_refuses_an_empty_secret(
    production_env: pytest.MonkeyPatch, name: str
) -> None:
    production_env.setenv(name, "")
    with pytest.raises(ConfigError, match=name):
        create_app()


def test_debug_selects_development_with_its_own_secrets(
    production_env: pytest.MonkeyPatch,
) -> None:
    production_env.setenv("FLASK_DEBUG", "1")
    for name in SECRETS:
        production_env.delenv(name)
    app = create_app()
    assert app.debug
    assert not app.config.get("SESSION_COOKIE_SECURE")
    assert all(app.config[name] for name in SECRETS)
{%- if cookiecutter.include_example == "yes" %}
{%- if cookiecutter.database == "postgresql" %}


def test_database_defaults_to_the_local_server(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DATABASE_URL", raising=False)
    assert DEFAULT_DATABASE_URL == "postgresql:///{{ cookiecutter.package_name }}"
    uri = DevelopmentConfig().SQLALCHEMY_DATABASE_URI
    assert uri == "postgresql+psycopg:///{{ cookiecutter.package_name }}"


@pytest.mark.parametrize(
    ("given", "used"),
    [
        ("postgresql://u:p@db:5432/n", "postgresql+psycopg://u:p@db:5432/n"),
        ("postgres://u:p@db/n", "postgresql+psycopg://u:p@db/n"),
        ("postgresql+psycopg://db/n", "postgresql+psycopg://db/n"),
    ],
)
def test_postgresql_urls_use_psycopg_3(given: str, used: str) -> None:
    assert sqlalchemy_url(given) == used


@pytest.mark.parametrize("name", ["DB_POOL_SIZE", "DB_MAX_OVERFLOW"])
def test_pool_sizes_must_be_whole_numbers(
    production_env: pytest.MonkeyPatch, name: str
) -> None:
    production_env.setenv(name, "many")
    with pytest.raises(ConfigError, match=name):
        create_app()
{%- else %}


def test_database_defaults_to_sqlite(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DATABASE_URL", raising=False)
    assert DevelopmentConfig().SQLALCHEMY_DATABASE_URI == DEFAULT_DATABASE_URL
{%- endif %}
{%- endif %}
