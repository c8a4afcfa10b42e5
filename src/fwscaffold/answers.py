"""Turn what the user typed into a template's full context, checking every rule first.

Values the user types are kept as literal text: only the template author's defaults are
rendered as Jinja. (Plain cookiecutter renders typed values too, so `{{ 7*7 }}` became 49.)
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from fwscaffold.errors import (
    GenerationError,
    InvalidAnswerError,
    UnknownVariableError,
    UsageError,
)
from fwscaffold.frameworks import Framework, Variable
from fwscaffold.hooks import load_hook, template_importable

Ask = Callable[[Variable, str], str]
PRIVATE_PREFIX = "_"
PROMPTS_KEY = "__prompts__"


def parse_assignments(items: Sequence[str]) -> dict[str, str]:
    """`["docker=no", "description=a=b"]` -> `{"docker": "no", "description": "a=b"}`."""
    values: dict[str, str] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise UsageError(f"--set expects KEY=VALUE, got {item!r}.")
        values[key.strip()] = value
    return values


def check_given(framework: Framework, given: Mapping[str, str]) -> None:
    """Reject unknown variables and invalid choices, naming what is valid."""
    names = [v.name for v in framework.variables]
    for key, value in given.items():
        variable = framework.variable(key)
        if variable is None:
            raise UnknownVariableError(
                f"unknown variable {key!r} for {framework.name}; valid: {', '.join(names)}."
            )
        if variable.choices and value not in variable.choices:
            raise InvalidAnswerError(
                f"invalid value {value!r} for {key}; choose from: {', '.join(variable.choices)}."
            )


def check_rules(framework: Framework, answers: Mapping[str, Any]) -> None:
    """Apply the template's own pre-generation rules (the hook is their one source)."""
    rules = load_hook(framework.hooks_dir / "pre_gen_project.py")
    try:
        rules.validate(answers)
    except rules.AnswerError as error:
        raise InvalidAnswerError(str(error)) from None


def check_slug(framework: Framework, slug: str) -> None:
    """Check the project name alone, before anything else is asked."""
    rules = load_hook(framework.hooks_dir / "pre_gen_project.py")
    try:
        rules.check_slug(slug)
    except rules.AnswerError as error:
        raise InvalidAnswerError(str(error)) from None


def resolve_context(
    framework: Framework,
    raw_context: Mapping[str, Any],
    given: Mapping[str, str],
    ask: Ask | None,
    version: str,
) -> dict[str, Any]:
    """Fill every variable in template order: typed value, else answer to `ask`, else default.

    Mirrors cookiecutter's own pass over cookiecutter.json (private `_` keys copied, `__` keys
    rendered, `__prompts__` dropped), except that typed values are never rendered.
    """
    from cookiecutter.environment import StrictEnvironment
    from cookiecutter.exceptions import CookiecutterException
    from jinja2 import TemplateError

    try:
        with template_importable(framework.path):
            env = StrictEnvironment(
                context={"cookiecutter": raw_context}, keep_trailing_newline=True
            )
    except CookiecutterException as error:
        raise GenerationError(f"the {framework.name} template cannot be loaded: {error}") from None
    context: dict[str, Any] = {}

    def render(raw: Any) -> Any:
        if not isinstance(raw, str):
            return raw
        try:
            return env.from_string(raw).render(cookiecutter=context)
        except TemplateError as error:
            raise GenerationError(
                f"the {framework.name} template's default {raw!r} failed to render: {error}"
            ) from None

    for key, raw in raw_context.items():
        if key == PROMPTS_KEY:
            continue
        if key.startswith(PRIVATE_PREFIX) and not key.startswith("__"):
            context[key] = raw
        elif key.startswith("__"):
            context[key] = render(raw)
        elif key in given:
            context[key] = given[key]
        else:
            variable = framework.variable(key)
            default = render(raw[0] if isinstance(raw, list) else raw)
            context[key] = ask(variable, default) if ask and variable else default
    context["_fwscaffold_version"] = version
    check_rules(framework, context)
    return context
