"""production.ini refuses to start without the settings the environment gives it."""

from __future__ import annotations

import pytest
from paste.deploy import loadapp

from {{ cookiecutter.package_name }}.config.middleware import (
    ENVIRONMENT_SETTINGS,
    ConfigError,
)
from tests import PROJECT


@pytest.mark.parametrize("variable", sorted(ENVIRONMENT_SETTINGS))
@pytest.mark.parametrize("value", [None, ""])
def test_production_refuses_to_start_without(
    monkeypatch: pytest.MonkeyPatch, variable: str, value: str | None
) -> None:
    for name in ENVIRONMENT_SETTINGS:
        monkeypatch.setenv(name, "set")
    if value is None:
        monkeypatch.delenv(variable)
    else:
        monkeypatch.setenv(variable, value)
    with pytest.raises(ConfigError, match=variable):
        loadapp("config:production.ini", relative_to=str(PROJECT))
{%- if cookiecutter.include_example == "no" %}


def test_production_starts_with_its_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SECRET_KEY", "set")
    assert loadapp("config:production.ini", relative_to=str(PROJECT)) is not None
{%- endif %}
