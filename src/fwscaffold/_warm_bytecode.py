"""Compile a fresh venv's packages to bytecode, those the project needs first, until stopped.

`--install` runs this file with the project's own Python (`python -I _warm_bytecode.py NAME`)
on the second core, at the lowest priority, while the project's first test run starts. uv
installs without bytecode, so that run would otherwise compile each module it imports itself.
Installers write bytecode whatever PYTHONDONTWRITEBYTECODE says (pip does by default), and so
does this. It stops between two files on SIGTERM; each .pyc is written atomically, so the test
run reads a whole file or compiles the module itself.

Standalone on purpose: the standard library only, nothing from fwscaffold.
"""

from __future__ import annotations

import compileall
import os
import re
import signal
import sys
import time
from collections import deque
from importlib import metadata
from pathlib import Path

NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")
EXTRA = re.compile(r"""extra\s*==\s*["']([^"']+)["']""")

# A test run imports nearly everything in its first seconds; later, warming would only
# compete with the tests themselves (a browser test uses both cores: measured, the Dash
# starter's tests took 0.6 s longer with an unbounded warmer, and none longer with this).
BUDGET_SECONDS = 3.0

stopping = False


def _stop(signum: int, frame: object) -> None:
    global stopping
    stopping = True


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def dependency_order(root: str, extras: set[str]) -> list[metadata.Distribution]:
    """`root`'s installed requirements, breadth first: its direct runtime needs come first."""
    seen: set[str] = {_normal(root)}
    queue: deque[tuple[str, set[str]]] = deque([(root, extras)])
    found: list[metadata.Distribution] = []
    while queue:
        name, wanted = queue.popleft()
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        if _normal(name) != _normal(root):
            found.append(dist)
        for requirement in dist.requires or []:
            requirement_name, _, marker = requirement.partition(";")
            extra = EXTRA.search(marker)
            match = NAME.match(requirement_name)
            if match is None or (extra and extra.group(1) not in wanted):
                continue
            key = _normal(match.group(1))
            if key not in seen:
                seen.add(key)
                queue.append((match.group(1), set()))
    return found


def sources(dist: metadata.Distribution) -> list[Path]:
    """The distribution's Python files, shallowest first: package `__init__`s import early."""
    files = [f for f in dist.files or [] if f.suffix == ".py" and "__pycache__" not in f.parts]
    files.sort(key=lambda f: (len(f.parts), f.name != "__init__.py", str(f)))
    return [Path(str(dist.locate_file(f))) for f in files]


def main(argv: list[str]) -> int:
    signal.signal(signal.SIGTERM, _stop)
    if hasattr(os, "nice"):
        os.nice(19)  # the lowest priority: the tests always come first
    deadline = time.monotonic() + BUDGET_SECONDS
    for dist in dependency_order(argv[1], set(argv[2:])):
        for path in sources(dist):
            if stopping or time.monotonic() > deadline:
                return 0
            compileall.compile_file(path, quiet=2)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
