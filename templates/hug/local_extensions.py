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


def py_str(value: object) -> str:
    """Quote free text as a Python literal in the quotes `ruff format` would choose.

    Double quotes, unless the text holds more double than single quotes (then ruff prefers
    single quotes, which need fewer escapes). TOML has no such choice: use `str_literal` there.
    """
    text = str(value)
    if text.count('"') > text.count("'"):
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"
    return str_literal(text)


class LiteralExtension(Extension):
    """Adds `str_literal` (TOML and Python) and `py_str` (Python, formatted as ruff would)."""

    def __init__(self, environment: Environment) -> None:
        super().__init__(environment)
        environment.filters["str_literal"] = str_literal
        environment.filters["py_str"] = py_str
