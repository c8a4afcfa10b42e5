"""Load a template's hook files as modules, so fwscaffold applies the very rules they hold.

The hooks are the one source of truth for validation and post-processing (contract 1.3):
plain cookiecutter runs them as scripts; fwscaffold imports them and calls their functions,
which also spares two Python subprocesses per bake.
"""

from __future__ import annotations

import sys
import types
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path


@cache
def load_hook(path: Path) -> types.ModuleType:
    """Execute a hook file as a fresh module, without writing bytecode into the template."""
    module = types.ModuleType(f"_fwscaffold_hook_{path.stem}")
    module.__file__ = str(path)
    exec(compile(path.read_text("utf-8"), str(path), "exec"), module.__dict__)  # noqa: S102
    return module


@contextmanager
def template_importable(template_dir: Path) -> Iterator[None]:
    """Cookiecutter imports a template's `_extensions` (local_extensions.py) from its folder."""
    saved = list(sys.path)
    sys.path.append(str(template_dir))
    try:
        yield
    finally:
        sys.path[:] = saved
