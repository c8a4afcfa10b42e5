"""`--install`: a venv inside the project, the project installed with its dev extra, one test run.

uv makes this take seconds: it first installs from its cache alone (`--offline`, no index
round-trips) and only goes to the network when the cache lacks something. Where uv can't be
found, the standard `venv` + pip path is used and the caller is told so.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from fwscaffold.errors import InstallError

Progress = Callable[[str], None]
WARMER = Path(__file__).with_name("_warm_bytecode.py")
# One clause of a requires-python specifier: operator, release, optional ".*".
_CLAUSE = re.compile(r"(===|==|!=|~=|>=|<=|>|<)\s*(\d+(?:\.\d+)*)(\.\*)?")


@dataclass(frozen=True)
class InstallReport:
    installer: str
    seconds: float
    tests_passed: bool
    test_summary: str
    # Seconds per step, in the order run: "venv", "install", "tests".
    steps: dict[str, float] = field(default_factory=dict)
    used_network: bool = False

    def breakdown(self) -> str:
        return ", ".join(f"{name} {seconds:.2f} s" for name, seconds in self.steps.items())


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


class _Steps:
    """Time each step and announce it through `progress`."""

    def __init__(self, progress: Progress) -> None:
        self.progress = progress
        self.seconds: dict[str, float] = {}

    def run(
        self, name: str, message: str, argv: list[str], cwd: Path, what: str
    ) -> subprocess.CompletedProcess[str]:
        self.progress(message)
        start = time.perf_counter()
        try:
            return _run(argv, cwd, what)
        finally:
            self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - start


def _uv_install(uv: str, python: Path, project: Path, steps: _Steps) -> bool:
    """Install `.[dev]` from uv's cache alone; go online only if that fails. True if online."""
    argv = [uv, "pip", "install", "--quiet", "--python", str(python), "-e", ".[dev]"]
    cached = steps.run(
        "install", "installing the project and its dev extra", [*argv, "--offline"], project, ""
    )
    if cached.returncode == 0:
        return False
    steps.run(
        "install",
        "not all in uv's cache: installing from the package index",
        argv,
        project,
        "uv pip install",
    )
    return True


def _start_warmer(python: Path, project: Path) -> subprocess.Popen[bytes] | None:
    """Compile the project's dependencies on the idle core while its tests start (see WARMER)."""
    if (os.cpu_count() or 1) < 2:
        return None
    try:
        name = tomllib.loads((project / "pyproject.toml").read_text("utf-8"))["project"]["name"]
    except (OSError, KeyError, tomllib.TOMLDecodeError):
        return None
    return subprocess.Popen(  # noqa: S603 - argv built here, no shell
        [str(python), "-I", str(WARMER), str(name), "dev"],
        cwd=project,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _stop_warmer(warmer: subprocess.Popen[bytes] | None) -> None:
    if warmer is None:
        return
    warmer.terminate()  # it finishes the file it is on, then exits
    try:
        warmer.wait(timeout=5)
    except subprocess.TimeoutExpired:
        warmer.kill()
        warmer.wait()


def _release(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split("."))


def _padded(version: tuple[int, ...], length: int) -> tuple[int, ...]:
    return (version + (0,) * length)[:length]


def _satisfies(version: tuple[int, ...], clause: str) -> bool:
    """One PEP 440 clause of requires-python (`>=3.11`, `<3.13`, `==3.12.*`, `~=3.11`),
    release numbers only: enough for interpreter versions, without `packaging`."""
    match = _CLAUSE.fullmatch(clause.strip())
    if match is None:
        raise ValueError(clause)
    operator, text, wildcard = match.group(1), match.group(2), match.group(3)
    wanted = _release(text)
    if wildcard or operator == "~=":
        prefix = wanted if wildcard else wanted[:-1]
        within = version[: len(prefix)] == prefix and (bool(wildcard) or version >= wanted)
        return within if operator != "!=" else not within
    size = max(len(version), len(wanted))
    mine, theirs = _padded(version, size), _padded(wanted, size)
    return {
        "==": mine == theirs,
        "===": mine == theirs,
        "!=": mine != theirs,
        ">=": mine >= theirs,
        "<=": mine <= theirs,
        ">": mine > theirs,
        "<": mine < theirs,
    }[operator]


def _running_python() -> tuple[int, ...]:
    return tuple(sys.version_info[:3])


def check_python_range(project: Path, version: tuple[int, ...] | None = None) -> None:
    """Refuse, with one clear line, to install a project on a Python it excludes.

    `version` defaults to the running interpreter, which `--install` builds `.venv` from.
    A missing or unreadable requires-python is no reason to refuse: the install decides.
    """
    try:
        pyproject = tomllib.loads((project / "pyproject.toml").read_text("utf-8"))
        specifier = str(pyproject["project"]["requires-python"])
    except (OSError, KeyError, tomllib.TOMLDecodeError):
        return
    running = version or _running_python()
    try:
        fits = all(_satisfies(running, c) for c in specifier.split(",") if c.strip())
    except ValueError:
        return
    if not fits:
        shown = ".".join(str(part) for part in running)
        raise InstallError(
            f"cannot install {project.name}: it requires Python {specifier} "
            f"(requires-python in its pyproject.toml) and fwscaffold runs on Python {shown}; "
            "the project was generated, so install it with a Python in that range"
        )


def install_project(project: Path, progress: Progress, *, use_uv: bool = True) -> InstallReport:
    """Create `.venv`, install `.[dev]` into it, run the tests once; report how it went."""
    check_python_range(project)
    start = time.perf_counter()
    venv = project / ".venv"
    python = venv / "bin" / "python"
    uv = find_uv() if use_uv else None
    steps = _Steps(progress)
    used_network = True
    if uv:
        steps.run(
            "venv",
            "creating .venv with uv",
            # --seed puts pip in the venv: without it, `pip install` after activating
            # would silently reach another interpreter.
            [uv, "venv", "--quiet", "--seed", "--python", sys.executable, str(venv)],
            project,
            "uv venv",
        )
        used_network = _uv_install(uv, python, project, steps)
        installer = "uv"
    else:
        steps.run(
            "venv",
            "uv not found: creating .venv with python -m venv (slower)",
            [sys.executable, "-m", "venv", str(venv)],
            project,
            "python -m venv",
        )
        steps.run(
            "install",
            "installing the project and its dev extra with pip",
            [str(python), "-m", "pip", "install", "--quiet", "-e", ".[dev]"],
            project,
            "pip install",
        )
        installer = "pip"
    warmer = _start_warmer(python, project)
    try:
        tests = steps.run(
            "tests",
            "running the project's tests",
            [str(python), "-m", "pytest", "-q", "-p", "no:cacheprovider"],
            project,
            "",
        )
    finally:
        _stop_warmer(warmer)
    return InstallReport(
        installer=installer,
        seconds=time.perf_counter() - start,
        tests_passed=tests.returncode == 0,
        test_summary=_last_line(tests.stdout),
        steps=steps.seconds,
        used_network=used_network,
    )
