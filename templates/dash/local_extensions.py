"""Jinja filters every template shares; cookiecutter loads this file through `_extensions`."""

from __future__ import annotations

import json

from jinja2 import Environment
from jinja2.ext import Extension


def str_literal(value: object) -> str:
    """Quote free text as a double-quoted literal that is valid Python and valid TOML.

    The pre-generation hook admits only printable text, so JSON escaping (quotes and
    backslashes) is all both languages need; non-ASCII stays as it is.
    """
    return json.dumps(str(value), ensure_ascii=False)


class LiteralExtension(Extension):
    """Adds the `str_literal` filter: `{{ cookiecutter.description | str_literal }}`."""

    def __init__(self, environment: Environment) -> None:
        super().__init__(environment)
        environment.filters["str_literal"] = str_literal
