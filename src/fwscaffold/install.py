"""`--install`: a venv inside the project, the project installed with its dev extra, one test run.

uv makes this take seconds; where uv can't be found, the standard `venv` + pip path is used and
the caller is told so.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from fwscaffold.errors import InstallError

Progress = Callable[[str], None]


@dataclass(frozen=True)
class InstallReport:
    installer: str
    seconds: float
    tests_passed: bool
    test_summary: str


def find_uv() -> str | None:
    """uv from PATH, else the binary that the `uv` wheel (a dependency of ours) ships."""
    found = shutil.which("uv")
    if found:
        return found
    try:
        from uv import find_uv_bin
    except ImportError:
        return None
    try:
        return str(find_uv_bin())
    except FileNotFoundError:
        return None


def _run(argv: list[str], cwd: Path, what: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in {"VIRTUAL_ENV", "PYTHONPATH"}}
    result = subprocess.run(  # noqa: S603 - argv built here, no shell
        argv, cwd=cwd, capture_output=True, text=True, env=env, check=False
    )
    if result.returncode != 0 and what:
        lines = (result.stderr or result.stdout).strip().splitlines()
        raise InstallError(f"{what} failed: {lines[-1] if lines else 'no output'}")
    return result


def _last_line(text: str) -> str:
    lines = [line.strip("= ").strip() for line in text.strip().splitlines() if line.strip()]
    return lines[-1] if lines else "no output"


def install_project(project: Path, progress: Progress, *, use_uv: bool = True) -> InstallReport:
    """Create `.venv`, install `.[dev]` into it, run the tests once; report how it went."""
    start = time.perf_counter()
    venv = project / ".venv"
    python = venv / "bin" / "python"
    uv = find_uv() if use_uv else None
    if uv:
        progress("creating .venv with uv")
        _run([uv, "venv", "--quiet", "--python", sys.executable, str(venv)], project, "uv venv")
        progress("installing the project and its dev extra")
        _run(
            [uv, "pip", "install", "--quiet", "--python", str(python), "-e", ".[dev]"],
            project,
            "uv pip install",
        )
        installer = "uv"
    else:
        progress("uv not found: using python -m venv and pip (slower)")
        _run([sys.executable, "-m", "venv", str(venv)], project, "python -m venv")
        progress("installing the project and its dev extra")
        _run(
            [str(python), "-m", "pip", "install", "--quiet", "-e", ".[dev]"], project, "pip install"
        )
        installer = "pip"
    progress("running the project's tests")
    tests = _run([str(python), "-m", "pytest", "-q", "-p", "no:cacheprovider"], project, "")
    return InstallReport(
        installer=installer,
        seconds=time.perf_counter() - start,
        tests_passed=tests.returncode == 0,
        test_summary=_last_line(tests.stdout),
    )
