"""Framework cards: what `list` and `info` say about each framework, as data.

Read from each template's `_fwscaffold.card` metadata (kinds, good_for, versions, server,
status, tutorial), so the CLI, `--json` and the README say the same thing.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from fwscaffold.frameworks import Framework

# Kind -> heading, in the order `list` shows them.
KINDS: dict[str, str] = {
    "full-stack": "Full-stack",
    "micro": "Micro",
    "async": "Asynchronous",
    "data": "Data apps",
    "crawling": "Crawling",
}
CARD_FIELDS = ("kinds", "good_for", "versions", "server", "status", "tutorial")


def card(framework: Framework) -> dict[str, Any]:
    """The card's fields, each present (empty where the template does not say)."""
    raw: Mapping[str, Any] = framework.metadata.get("card", {})
    found: dict[str, Any] = {field: raw.get(field, "") for field in CARD_FIELDS}
    found["kinds"] = list(raw.get("kinds", []))
    found["status"] = raw.get("status", "maintained")
    return found


def grouped(frameworks: Mapping[str, Framework]) -> dict[str, list[Framework]]:
    """Kind heading -> frameworks of that kind; a framework of two kinds shows under both."""
    groups: dict[str, list[Framework]] = {}
    for kind, heading in KINDS.items():
        members = [fw for fw in frameworks.values() if kind in card(fw)["kinds"]]
        if members:
            groups[heading] = members
    unsorted = [fw for fw in frameworks.values() if not set(card(fw)["kinds"]) & set(KINDS)]
    if unsorted:
        groups["Other"] = unsorted
    return groups


def summary(framework: Framework) -> dict[str, Any]:
    """One framework as `list --json` shows it."""
    return {
        "name": framework.name,
        "title": framework.title,
        "description": framework.description,
        **card(framework),
    }


def details(framework: Framework) -> dict[str, Any]:
    """One framework as `info --json` shows it: the card, the tour, the variables."""
    return {
        **summary(framework),
        "conventions": [
            {
                "concept": c.concept,
                "path": c.path,
                "needs_example": c.needs_example,
                "when": c.when,
            }
            for c in framework.conventions
        ],
        "variables": [
            {
                "name": v.name,
                "default": v.default,
                "choices": list(v.choices),
                "prompt": v.prompt,
            }
            for v in framework.variables
        ],
        "template": framework.location,
    }
