"""Copy templates/_shared into every template, so each stays a self-contained cookiecutter template.

`templates/_shared` is the one editable copy of what all templates share (hooks, Jinja filters,
base files that templates extend, plain project files). Run this after editing it; `--check`
changes nothing and exits 1 when a template has drifted (the test suite runs it).
It also writes `templates/cookiecutter.json`, the menu for `cookiecutter templates/`.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
SHARED = TEMPLATES / "_shared"
PROJECT_DIR = "{{cookiecutter.project_slug}}"

# (folder under _shared, folder under each template, whether the target folder is ours alone)
MAPPINGS = (
    ("hooks", "hooks", True),
    ("templates/shared", "templates/shared", True),
    ("project", PROJECT_DIR, False),
    (".", ".", False),
)


def template_dirs() -> list[Path]:
    return sorted(
        path.parent for path in TEMPLATES.glob("*/cookiecutter.json") if path.parent != SHARED
    )


def _shared_files(source: Path, top_level_only: bool) -> Iterator[Path]:
    pattern = "*" if top_level_only else "**/*"
    for path in sorted(source.glob(pattern)):
        if path.is_file() and "__pycache__" not in path.parts:
            yield path


def expected_files(template: Path) -> dict[Path, bytes]:
    """Every shared file's path inside `template`, with the bytes it must hold."""
    files: dict[Path, bytes] = {}
    for source_name, target_name, _ in MAPPINGS:
        source = SHARED / source_name
        for path in _shared_files(source, top_level_only=source_name == "."):
            files[template / target_name / path.relative_to(source)] = path.read_bytes()
    return files


def stale_files(template: Path, expected: dict[Path, bytes]) -> list[Path]:
    """Files in a folder that only _shared fills, which _shared no longer has."""
    stale = []
    for _, target_name, owned in MAPPINGS:
        target = template / target_name
        if owned and target.is_dir():
            stale += [p for p in _shared_files(target, False) if p not in expected]
    return stale


def menu() -> bytes:
    entries = {}
    for template in template_dirs():
        meta = json.loads((template / "cookiecutter.json").read_text("utf-8"))["_fwscaffold"]
        entries[template.name] = {
            "path": f"./{template.name}",
            "title": meta["title"],
            "description": meta["description"],
        }
    return (json.dumps({"templates": entries}, indent=2) + "\n").encode()


def drift() -> list[str]:
    problems = []
    for template in template_dirs():
        expected = expected_files(template)
        for path, content in expected.items():
            if not path.is_file() or path.read_bytes() != content:
                problems.append(f"{path.relative_to(TEMPLATES)} differs from templates/_shared")
        problems += [
            f"{p.relative_to(TEMPLATES)} is not in templates/_shared"
            for p in stale_files(template, expected)
        ]
    menu_file = TEMPLATES / "cookiecutter.json"
    if not menu_file.is_file() or menu_file.read_bytes() != menu():
        problems.append("cookiecutter.json (the template menu) is out of date")
    return problems


def sync() -> None:
    for template in template_dirs():
        expected = expected_files(template)
        for path in stale_files(template, expected):
            path.unlink()
        for path, content in expected.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            if not path.is_file() or path.read_bytes() != content:
                path.write_bytes(content)
    (TEMPLATES / "cookiecutter.json").write_bytes(menu())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report drift, change nothing")
    args = parser.parse_args(argv)
    if args.check:
        problems = drift()
        for problem in problems:
            print(f"drift: {problem}", file=sys.stderr)
        return 1 if problems else 0
    sync()
    return 0


if __name__ == "__main__":
    sys.exit(main())
