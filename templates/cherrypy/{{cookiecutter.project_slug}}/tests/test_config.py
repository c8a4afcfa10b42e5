"""Settings from the environment, and the config files."""

from __future__ import annotations

from pathlib import Path

import pytest
from cherrypy.lib import reprconf

from {{ cookiecutter.package_name }} import config


def global_section(path: Path) -> dict[str, object]:
    return reprconf.Parser().dict_from_file(str(path))["global"]


def test_production_defaults_come_from_the_config_file() -> None:
{%- if cookiecutter.include_example == "yes" %}
    settings = config.load_settings({"API_TOKEN": "secret"}, development=False)
{%- else %}
    settings = config.load_settings({}, development=False)
{%- endif %}
    assert config.server_config(settings) == {}


def test_environment_overrides_host_and_port() -> None:
    environ = {"HOST": "0.0.0.0", "PORT": "9000"}  # noqa: S104
{%- if cookiecutter.include_example == "yes" %}
    environ["API_TOKEN"] = "secret"
{%- endif %}
    settings = config.load_settings(environ, development=False)
    assert config.server_config(settings) == {
        "server.socket_host": "0.0.0.0",  # noqa: S104
        "server.socket_port": 9000,
    }


@pytest.mark.parametrize("port", ["http", "0", "70000", "²"])
def test_bad_port_is_refused(port: str) -> None:
    with pytest.raises(config.ConfigError, match="PORT"):
        config.load_settings({"PORT": port, "API_TOKEN": "secret"}, development=True)


def test_production_config_file() -> None:
    production = global_section(config.CONFIG_FILE)
    # No autoreload, no tracebacks in answers.
    assert production["environment"] == "production"
    # cheroot's default listen queue of 5 drops connections under load.
    assert production["server.socket_queue_size"] >= 128
    assert production["server.max_request_body_size"] == 10 * 1024 * 1024
    assert global_section(config.DEV_CONFIG_FILE)["engine.autoreload.on"] is True
{%- if cookiecutter.include_example == "yes" %}


@pytest.mark.parametrize("environ", [{}, {"API_TOKEN": ""}, {"API_TOKEN": "  "}])
def test_production_refuses_to_start_without_api_token(
    environ: dict[str, str],
) -> None:
    with pytest.raises(config.ConfigError, match="API_TOKEN"):
        config.load_settings(environ, development=False)


def test_development_has_a_token_and_a_database_of_its_own() -> None:
    settings = config.load_settings({}, development=True)
    assert settings.api_token == config.DEV_API_TOKEN
    assert settings.database_path == Path("instance/notes.sqlite3")


@pytest.mark.parametrize(
    ("url", "path"),
    [
        ("sqlite:////var/data/notes.sqlite3", Path("/var/data/notes.sqlite3")),
        ("sqlite:///data/notes.sqlite3", Path("data/notes.sqlite3")),
    ],
)
def test_database_url(url: str, path: Path) -> None:
    assert config.database_path(url) == path


@pytest.mark.parametrize(
    "url", ["postgresql://localhost/notes", "sqlite:///", "sqlite:///:memory:"]
)
def test_unusable_database_url_is_refused(url: str) -> None:
    with pytest.raises(config.ConfigError, match="DATABASE_URL"):
        config.database_path(url)
{%- endif %}
