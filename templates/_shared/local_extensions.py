"""Jinja filters and functions every template shares; cookiecutter loads this file through
`_extensions`. Standard library and Jinja only."""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import string
import textwrap

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


LETTERS = string.ascii_letters


def derived_secret(seed: object, label: str, length: int) -> str:
    """A development secret of `length` ASCII letters, derived from the project's seed.

    The seed (the `project_seed` answer, random by default, recorded in `.fwscaffold.json`
    and by cruft in `.cruft.json`) makes two projects differ, while re-rendering one project
    (`fwscaffold update`, `cruft update`) gives back the same secrets. HMAC-SHA256 in counter
    mode; bytes >= 208 are dropped so each of the 52 letters is equally likely.
    """
    key = str(seed).encode("utf-8")
    letters: list[str] = []
    counter = 0
    while len(letters) < length:
        block = hmac.new(key, f"{label}:{counter}".encode(), hashlib.sha256).digest()
        letters += [LETTERS[byte % 52] for byte in block if byte < 208]
        counter += 1
    return "".join(letters[:length])


def template_fingerprint(template_dir: object = None) -> str:
    """`sha256:<hex>` over every file of a template (path and bytes), `__pycache__` excluded.

    Without an argument it hashes the current folder: cookiecutter renders a template's hooks
    from inside the template's folder. `fwscaffold update` uses it to know which template made
    a project.
    """
    root = os.path.abspath(os.fspath(template_dir) if template_dir is not None else os.getcwd())
    digest = hashlib.sha256()
    paths = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if d != "__pycache__"]
        paths += [os.path.join(folder, f) for f in files if not f.endswith(".pyc")]
    for path in sorted(paths, key=lambda p: os.path.relpath(p, root).replace(os.sep, "/")):
        relative = os.path.relpath(path, root).replace(os.sep, "/")
        with open(path, "rb") as file:
            content = file.read()
        digest.update(f"{relative}\0{len(content)}\0".encode())
        digest.update(content)
    return "sha256:" + digest.hexdigest()


# The answers a step's text may name, written `{package_name}`; other braces stay as they are,
# so code in a step (dicts, f-strings, framework templates) needs no escaping.
STEP_PLACEHOLDERS = ("package_name", "project_slug")


def _filled(value: object, answers: dict) -> object:
    if isinstance(value, str):
        for name in STEP_PLACEHOLDERS:
            value = value.replace("{" + name + "}", str(answers[name]))
        return value
    if isinstance(value, list):
        return [_filled(item, answers) for item in value]
    if isinstance(value, dict):
        return {key: _filled(item, answers) for key, item in value.items()}
    return value


def step_applies(step: dict, answers: dict) -> bool:
    """A step's `when` ("variable=value", or a list of them) holds for these answers."""
    when = step.get("when", [])
    conditions = [when] if isinstance(when, str) else when
    return all(answers.get(k) == v for k, _, v in (c.partition("=") for c in conditions))


def for_project(steps: object, answers: dict) -> list:
    """The README steps (`_fwscaffold.steps`) that apply to this project, placeholders filled.

    The generated README renders them and fwscaffold's harness runs them, both through this
    function, so what a newcomer reads is what the tests ran.
    """
    if not steps:
        return []
    items = [steps] if isinstance(steps, dict) else list(steps)
    return [_filled(step, dict(answers)) for step in items if step_applies(step, dict(answers))]


# The comment that marks the production step running the Procfile's release: line. The README
# words its production section from it; fwscaffold's harness checks it against the Procfile.
RELEASE_COMMENT = "the Procfile's release: step"


def release_steps(steps: object, answers: dict) -> list:
    """The commands of this project's README steps marked as the Procfile's release step."""
    return [s["run"] for s in for_project(steps, answers) if s.get("comment") == RELEASE_COMMENT]


def shown_code(lines: list) -> str:
    """A step's lines as the README shows them: without the blank lines that only separate
    them from the code around them, and dedented (the README says where they go), so the
    block is what `ruff format` would write for a Markdown code block."""
    text = "\n".join(lines).strip("\n")
    return textwrap.dedent(text)


class LiteralExtension(Extension):
    """Adds `str_literal` (TOML and Python) and `py_str` (Python, formatted as ruff would), and
    the functions `derived_secret` and `template_fingerprint`, and the filters `for_project`
    (the README steps that apply to a project) and `release_steps` (those marked as the
    release step)."""

    def __init__(self, environment: Environment) -> None:
        super().__init__(environment)
        environment.filters["str_literal"] = str_literal
        environment.filters["py_str"] = py_str
        environment.globals["derived_secret"] = derived_secret
        environment.globals["template_fingerprint"] = template_fingerprint
        environment.filters["for_project"] = for_project
        environment.filters["release_steps"] = release_steps
        environment.filters["shown_code"] = shown_code
