"""Which served checks a variant gets, read only from its template's `_fwscaffold` metadata.

No framework names here: a new template gets every check by declaring what it serves.
"""

from __future__ import annotations

from typing import Any

import pytest

from .fixtures import FRAMEWORKS, TEMPLATES, VARIANTS
from .project import Variant

# Variants that only toggle Docker or CI files run no code differently: tier 2 covers them.
RUNTIME = [v for v in VARIANTS if v.runs_code_differently]


def flag(variant: Variant, name: str) -> bool:
    """A capability the template declares in its `_fwscaffold` metadata (http_api, ...)."""
    return bool(FRAMEWORKS[variant.framework].metadata.get(name))


def has_notes(variant: Variant) -> bool:
    """It serves the notes API of contract §5, so every §7.6 served check applies."""
    return flag(variant, "http_api") and not variant.wants("include_example", "no")


def _procfile_template(variant: Variant) -> str:
    procfile = TEMPLATES / variant.framework / "{{cookiecutter.project_slug}}" / "Procfile"
    return procfile.read_text("utf-8")


def has_release_step(variant: Variant) -> bool:
    """Its Procfile template has a `release:` line (tables made before `web:` starts)."""
    return "release:" in _procfile_template(variant)


def serves_http(variant: Variant) -> bool:
    """Its Procfile has a `web:` line: a server to start, probe and stop. A crawler's
    Procfile has only a `worker:` job, so none of the served checks apply to it."""
    return any(line.startswith("web:") for line in _procfile_template(variant).splitlines())


def crawl_spec(variant: Variant) -> dict[str, Any] | None:
    """The crawl a template declares (`_fwscaffold.crawl`), when this variant has it.

    Keys: `command` (the README's one-command crawl), `site` (a command serving the site
    to crawl on `{port}`), `env` (values may use `{port}`, `{database}` and `{feed}`),
    `table` and `key` (where the items land in SQLite) and `expect` (the exact keys),
    `when` ("variable=value", optional).
    """
    framework = FRAMEWORKS[variant.framework]
    spec = framework.metadata.get("crawl")
    if not spec:
        return None
    key, _, value = spec.get("when", "").partition("=")
    if key and variant.answers.get(key, framework.variable(key).default) != value:
        return None
    return dict(spec)


def uses_postgres(variant: Variant) -> bool:
    return variant.wants("database", "postgresql")


def app_processes(variant: Variant) -> int:
    """How many app servers the load run starts on one database. On a database server
    (database=postgresql) two, on different ports: every write acknowledged by one must be
    listed by the other, which proves the app keeps no state of its own and can grow past
    one machine. A SQLite file belongs to one machine: one server."""
    return 2 if uses_postgres(variant) else 1


def sqlite_url(database_url: str) -> bool:
    return database_url.startswith("sqlite:///")


def only(predicate):
    """Parametrize over the runtime variants `predicate` selects."""
    chosen = [v for v in RUNTIME if predicate(v)]
    return pytest.mark.parametrize("variant", chosen, ids=[v.id for v in chosen])
