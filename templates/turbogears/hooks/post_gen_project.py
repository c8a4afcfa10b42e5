"""Finish a baked project: drop the files its options turned off and record its provenance.

Driven by the template's `_fwscaffold` metadata in cookiecutter.json, so every template shares
this one hook. It stays valid Python before rendering; fwscaffold imports it and calls `finish`.
Standard library only.
"""

from __future__ import annotations

import json
import shutil
import sys
import types
from collections.abc import Mapping
from pathlib import Path
from typing import Any

# Rendered by cookiecutter; `tojson` escapes quotes, so no answer can break out of the string.
CONTEXT_JSON = r"""{{ cookiecutter | tojson }}"""

# Rendered by cookiecutter, which renders hooks from inside the template's folder; left as
# it is when fwscaffold imports this file (then the template is this file's grandparent).
RENDERED_FINGERPRINT = r"""{{ template_fingerprint() }}"""

METADATA_FILE = ".fwscaffold.json"

# Options every template has; a template adds its own under `_fwscaffold.remove_if`.
COMMON_REMOVALS = {
    "docker=no": ["Dockerfile", ".dockerignore"],
    "ci=none": [".github", ".pre-commit-config.yaml"],
}


def public_answers(context: Mapping[str, Any]) -> dict[str, Any]:
    """The answers a user gave or accepted: every variable not starting with `_`."""
    return {key: value for key, value in context.items() if not key.startswith("_")}


def paths_to_remove(context: Mapping[str, Any]) -> list[str]:
    """Relative paths that `remove_if` turns off, e.g. {"docker=no": ["Dockerfile"]}."""
    template_rules = context.get("_fwscaffold", {}).get("remove_if", {})
    answers = public_answers(context)
    paths: list[str] = []
    for condition, targets in [*COMMON_REMOVALS.items(), *template_rules.items()]:
        key, _, value = condition.partition("=")
        if str(answers.get(key)) == value:
            paths.extend(target.format(**answers) for target in targets)
    return paths


def remove_paths(project_dir: Path, paths: list[str]) -> None:
    root = project_dir.resolve()
    for relative in paths:
        target = (root / relative).resolve()
        if root not in target.parents:
            raise ValueError(f"refusing to remove {relative!r}: it is outside the project")
        if target.is_dir():
            shutil.rmtree(target)
        elif target.exists():
            target.unlink()


def template_fingerprint() -> str | None:
    """The fingerprint of the template that made this project (see local_extensions.py)."""
    if not RENDERED_FINGERPRINT.startswith("{"):
        return RENDERED_FINGERPRINT
    template = Path(__file__).resolve().parent.parent
    extensions = template / "local_extensions.py"
    if not (template / "cookiecutter.json").is_file() or not extensions.is_file():
        return None
    # Executed from source, so no bytecode is written into the template.
    module = types.ModuleType("_fwscaffold_local_extensions")
    code = compile(extensions.read_text("utf-8"), str(extensions), "exec")
    exec(code, module.__dict__)  # noqa: S102  # nosec B102: the template's own file
    fingerprint: str = module.template_fingerprint(template)
    return fingerprint


def provenance(context: Mapping[str, Any]) -> dict[str, Any]:
    """What `.fwscaffold.json` records, so the project can later be checked against or updated
    from its template: the answers (the development secrets derive from `project_seed`, one
    of them) and the template's fingerprint, which together rebuild the same render."""
    version = context.get("_fwscaffold_version") or None
    record: dict[str, Any] = {
        "framework": context.get("_fwscaffold", {}).get("framework"),
        "generator": f"fwscaffold {version}" if version else "cookiecutter",
        "fwscaffold_version": version,
        "answers": public_answers(context),
    }
    fingerprint = template_fingerprint()
    if fingerprint:
        record["template"] = fingerprint
    return record


def finish(project_dir: Path, context: Mapping[str, Any]) -> None:
    remove_paths(project_dir, paths_to_remove(context))
    text = json.dumps(provenance(context), indent=2, ensure_ascii=False)
    (project_dir / METADATA_FILE).write_text(text + "\n", encoding="utf-8")


def main() -> int:
    try:
        finish(Path.cwd(), json.loads(CONTEXT_JSON))
    except (OSError, ValueError) as error:
        print(f"Error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
