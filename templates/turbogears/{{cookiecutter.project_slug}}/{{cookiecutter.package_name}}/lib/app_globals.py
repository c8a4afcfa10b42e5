"""`tg.app_globals`: one object per process, shared by every request.

https://turbogears.readthedocs.io/en/latest/turbogears/configuration/appconfig.html
"""

from __future__ import annotations


class Globals:
    """Constants the templates read as `tg.app_globals` (`g` in templates)."""

    def __init__(self) -> None:
        self.project_name = {{ cookiecutter.project_name | py_str }}
{%- if cookiecutter.project_name | length > 55 %}  # noqa: E501{% endif %}
        self.description = {{ cookiecutter.description | py_str }}
{%- if cookiecutter.description | length > 55 %}  # noqa: E501{% endif %}
