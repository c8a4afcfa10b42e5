"""Turn what the user typed into a template's full context, checking every rule first.

Values the user types are kept as literal text: only the template author's defaults are
rendered as Jinja. (Plain cookiecutter renders typed values too, so `{{ 7*7 }}` became 49.)
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from fwscaffold.errors import InvalidAnswerError, UnknownVariableError, UsageError
from fwscaffold.frameworks import Framework, Variable
from fwscaffold.hooks import load_hook

Ask = Callable[[Variable, str], str]
# Renders one of the template author's defaults against the context filled so far.
Render = Callable[[Any, Mapping[str, Any]], Any]
PRIVATE_PREFIX = "_"
PROMPTS_KEY = "__prompts__"
# Values made per project that nobody needs to choose: fwscaffold never prompts for them
# (plain cookiecutter does, with the random default). `--set` may still give one.
GENERATED = frozenset({"project_seed", "copyright_year"})


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


def _apply_rule(framework: Framework, rule: str, *args: Any) -> None:
    """Call one of the template's pre-generation rules (the hook is their one source)."""
    rules = load_hook(framework.hooks_dir / "pre_gen_project.py")
    try:
        getattr(rules, rule)(*args)
    except rules.AnswerError as error:
        raise InvalidAnswerError(str(error)) from None


def check_slug(framework: Framework, slug: str) -> None:
    """Check the project name alone, before anything else is asked."""
    _apply_rule(framework, "check_slug", slug)


def check_answer(framework: Framework, key: str, value: str) -> None:
    """Check one typed answer with the rule the hook applies to it, so a prompt can ask again
    at once instead of failing after the last question."""
    rules = load_hook(framework.hooks_dir / "pre_gen_project.py")
    if key == "package_name":
        _apply_rule(framework, "check_package_name", value)
    elif key in rules.TEXT_FIELDS:
        _apply_rule(framework, "check_text", key, value)


def resolve_context(
    framework: Framework,
    render: Render,
    given: Mapping[str, str],
    ask: Ask | None,
    version: str,
    defaults: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """Fill every variable in template order: typed value, else answer to `ask`, else default.

    `defaults` replaces the template's default for a variable (e.g. the author from git).

    Mirrors cookiecutter's own pass over cookiecutter.json (private `_` keys copied, `__` keys
    rendered, `__prompts__` dropped), except that typed values are never rendered: only the
    template author's defaults go through `render`, with the context filled so far.
    """
    context: dict[str, Any] = {}
    for key, raw in framework.raw_context.items():
        if key == PROMPTS_KEY:
            continue
        if key.startswith(PRIVATE_PREFIX) and not key.startswith("__"):
            context[key] = raw
        elif key.startswith("__"):
            context[key] = render(raw, context)
        elif key in given:
            context[key] = given[key]
        else:
            variable = framework.variable(key)
            if defaults and key in defaults:
                default = defaults[key]
            else:
                default = render(raw[0] if isinstance(raw, list) else raw, context)
            if ask is not None and variable is not None and key not in GENERATED:
                context[key] = ask(variable, default)
            else:
                context[key] = default
    context["_fwscaffold_version"] = version
    _apply_rule(framework, "validate", context)
    return context
