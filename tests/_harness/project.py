"""Bake, inspect, install, test and serve a generated project: the harness's building blocks.

Plain functions over paths, so the tier-2/3 tests and the harness's own planted-defect tests
call the same code. Each check raises AssertionError with a message that names the problem.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import tomllib
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fwscaffold.frameworks import Framework, load_frameworks
from fwscaffold.generate import generate_project

BIN = Path(sys.executable).parent
LEFTOVER = re.compile(r"\{[{%]-?[^}\n]*cookiecutter|\{%-?\s*(?:raw|endraw)\s*-?%\}")
RAW_BLOCK = re.compile(r"\{%-?\s*raw\s*-?%\}(.*?)\{%-?\s*endraw\s*-?%\}", re.S)
# Development secrets are runs of 32+ ASCII letters; they differ between bakes by design.
SECRET = re.compile(r"\b[A-Za-z]{32,}\b")
# Options that change no code that runs; tier 3 skips them (tier 2 still bakes and lints them).
STATIC_OPTIONS = {"docker", "ci", "license"}


@dataclass(frozen=True)
class Variant:
    """One bake: a framework with at most one option moved off its default."""

    framework: str
    overrides: tuple[tuple[str, str], ...] = ()

    @property
    def id(self) -> str:
        moved = ",".join(f"{key}={value}" for key, value in self.overrides)
        return f"{self.framework}-{moved or 'default'}"

    @property
    def answers(self) -> dict[str, str]:
        return dict(self.overrides)

    @property
    def runs_code_differently(self) -> bool:
        return not any(key in STATIC_OPTIONS for key, _ in self.overrides)

    def wants(self, key: str, value: str) -> bool:
        return self.answers.get(key) == value


def variants(frameworks: Mapping[str, Framework]) -> list[Variant]:
    """Defaults, then every non-default value of every choice, one at a time."""
    found = []
    for name, framework in frameworks.items():
        found.append(Variant(name))
        for variable in framework.variables:
            found += [Variant(name, ((variable.name, c),)) for c in variable.choices[1:]]
    return found


def bake(template_root: Path, variant: Variant, output_dir: Path, slug: str = "demo-app") -> Path:
    framework = load_frameworks(template_root)[variant.framework]
    return generate_project(framework, slug, output_dir=output_dir, given=variant.answers)


def files_of(project: Path) -> list[str]:
    skip = {".venv", "__pycache__", ".pytest_cache", ".ruff_cache", "instance"}
    return sorted(
        str(p.relative_to(project))
        for p in project.rglob("*")
        if p.is_file()
        and not skip.intersection(p.relative_to(project).parts)
        and not p.name.startswith(".coverage")
    )


def check_no_leftovers(project: Path) -> None:
    for relative in files_of(project):
        assert "{{" not in relative and "{%" not in relative, f"unrendered path {relative}"
        text = (project / relative).read_text("utf-8", errors="replace")
        match = LEFTOVER.search(text)
        assert match is None, f"leftover template syntax {match.group(0)!r} in {relative}"


def check_raw_blocks_survive(template_dir: Path, project: Path, package: str) -> None:
    """Framework syntax kept in `{% raw %}` in the template must reach the project verbatim."""
    source_root = template_dir / "{{cookiecutter.project_slug}}"
    for source in source_root.rglob("*"):
        if not source.is_file():
            continue
        text = source.read_text("utf-8", errors="replace")
        blocks = RAW_BLOCK.findall(text)
        relative = str(source.relative_to(source_root)).replace(
            "{{cookiecutter.package_name}}", package
        )
        baked = project / relative
        if not blocks or not baked.exists():
            continue
        baked_text = baked.read_text("utf-8")
        # Blocks inside an `{% if %}` of cookiecutter's may be switched off; one must survive.
        survived = [b for b in blocks if b.strip() in baked_text]
        assert survived, f"{relative}: no {{% raw %}} block survived rendering"
        assert "{{" in baked_text or "{%" in baked_text, f"{relative}: framework syntax is gone"


def check_python_and_toml(project: Path) -> None:
    for source in project.rglob("*.py"):
        if ".venv" not in source.parts:
            compile(source.read_text("utf-8"), str(source), "exec")
    tomllib.loads((project / "pyproject.toml").read_text("utf-8"))


def run(
    argv: list[str], cwd: Path, env: Mapping[str, str] | None = None, timeout: float = 600
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        argv,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        env=dict(env) if env is not None else None,
        check=False,
    )


def check_lint(project: Path) -> None:
    ruff = str(BIN / "ruff")
    for argv in (
        [ruff, "check", "--no-cache", "."],
        [ruff, "format", "--no-cache", "--check", "."],
    ):
        result = run(argv, project)
        assert result.returncode == 0, f"{' '.join(argv[1:])}:\n{result.stdout}{result.stderr}"


def check_bandit(project: Path, package: str) -> None:
    result = run([str(BIN / "bandit"), "-q", "-ll", "-r", package], project)
    assert result.returncode == 0, f"bandit found medium/high issues:\n{result.stdout}"


def normalized(project: Path) -> dict[str, str]:
    """Every file's text with dev secrets masked, and provenance reduced to the answers."""
    texts = {}
    for relative in files_of(project):
        text = (project / relative).read_text("utf-8", errors="replace")
        if relative == ".fwscaffold.json":
            text = json.dumps(json.loads(text)["answers"], sort_keys=True)
        texts[relative] = SECRET.sub("<secret>", text)
    return texts


def dev_secrets(project: Path) -> set[str]:
    return {m for r in files_of(project) for m in SECRET.findall((project / r).read_text("utf-8"))}


# --- tier 3: a fresh venv per project, its own tests, its production server --------------


def make_venv(project: Path) -> Path:
    """A venv inside the project holding only what its pyproject declares (`.[dev]`)."""
    uv = shutil.which("uv") or str(BIN / "uv")
    venv = project / ".venv"
    result = run([uv, "venv", "--quiet", "--python", sys.executable, str(venv)], project)
    assert result.returncode == 0, result.stderr
    result = run(
        [uv, "pip", "install", "--quiet", "--python", str(venv / "bin" / "python"), "-e", ".[dev]"],
        project,
    )
    assert result.returncode == 0, f"installing .[dev] failed:\n{result.stderr[-3000:]}"
    return venv


def project_env(venv: Path, extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """A clean environment: no variables of ours leak in, the project's venv first on PATH."""
    keep = {"HOME", "LANG", "LC_ALL", "TMPDIR", "CI", "FWSCAFFOLD_REQUIRE_ALL", "UV_CACHE_DIR"}
    env = {k: v for k, v in os.environ.items() if k in keep}
    env["PATH"] = f"{venv / 'bin'}:/usr/local/bin:/usr/bin:/bin"
    env["VIRTUAL_ENV"] = str(venv)
    env.update(extra or {})
    return env


@dataclass
class ProjectTestRun:
    passed: int
    failed: int
    coverage: float | None
    output: str = field(repr=False)


def coverage_of(output: str) -> float | None:
    """The branch coverage on the TOTAL line of a pytest-cov report, or None without one."""
    total = re.search(r"^TOTAL\s.*?(\d+(?:\.\d+)?)%", output, re.M)
    return float(total.group(1)) if total else None


def run_project_tests(
    project: Path, venv: Path, extra_env: Mapping[str, str] | None = None
) -> ProjectTestRun:
    result = run(
        [str(venv / "bin" / "python"), "-m", "pytest", "-p", "no:cacheprovider"],
        project,
        project_env(venv, extra_env),
    )
    output = result.stdout + result.stderr
    counts = {word: int(n) for n, word in re.findall(r"(\d+) (passed|failed|errors?)", output)}
    report = ProjectTestRun(
        counts.get("passed", 0), counts.get("failed", 0), coverage_of(output), output
    )
    assert result.returncode == 0, f"the project's tests failed:\n{output[-4000:]}"
    assert report.passed > 0, f"the project's tests collected nothing:\n{output[-2000:]}"
    return report


def procfile(project: Path) -> dict[str, str]:
    lines = (project / "Procfile").read_text("utf-8").splitlines()
    return dict(line.split(":", 1) for line in lines if ":" in line and not line.startswith("#"))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def production_env(database_url: str) -> dict[str, str]:
    return {
        "HOST": "127.0.0.1",
        "PORT": str(free_port()),
        "SECRET_KEY": secrets.token_urlsafe(50),
        "API_TOKEN": secrets.token_urlsafe(24),
        "DATABASE_URL": database_url,
    }


def release(project: Path, venv: Path, env: Mapping[str, str]) -> None:
    command = procfile(project).get("release")
    if command:
        result = run(["sh", "-c", command.strip()], project, project_env(venv, env), timeout=120)
        assert result.returncode == 0, f"release: failed:\n{result.stdout}{result.stderr}"


def _start_web(
    project: Path, venv: Path, env: Mapping[str, str], output: Any
) -> subprocess.Popen[bytes]:
    """The Procfile's web: line in a session of its own, so `stop` can end the whole group."""
    command = procfile(project)["web"].strip()
    return subprocess.Popen(
        ["sh", "-c", f"exec {command}"],
        cwd=project,
        env=project_env(venv, env),
        stdout=output,
        stderr=output if output is not subprocess.PIPE else subprocess.STDOUT,
        start_new_session=True,
    )


@contextmanager
def serving(project: Path, venv: Path, env: Mapping[str, str]) -> Iterator[subprocess.Popen[bytes]]:
    """Run the Procfile's web: line; stop the whole process group afterwards."""
    with tempfile.TemporaryFile() as log:
        proc = _start_web(project, venv, env, log)
        try:
            yield proc
        except AssertionError as error:
            log.seek(0)
            tail = log.read().decode("utf-8", errors="replace")[-3000:]
            raise AssertionError(f"{error}\n--- server output ---\n{tail}") from None
        finally:
            stop(proc)


# --- tier 3 for a crawler: a site served on loopback, a crawl job, what it stored -------


def crawl_env(spec: Mapping[str, Any], folder: Path, port: int) -> dict[str, str]:
    """The crawl's environment from its metadata: `{port}` is where the site is served,
    `{database}` and `{feed}` are fresh files in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    places = {
        "port": port,
        "database": folder / "items.sqlite3",
        "feed": folder / "items.jsonl",
    }
    return {name: value.format(**places) for name, value in spec.get("env", {}).items()}


@contextmanager
def background(
    project: Path, venv: Path, env: Mapping[str, str], command: str
) -> Iterator[subprocess.Popen[bytes]]:
    """Run `command` (e.g. the site a crawl needs) in its own session; stop it afterwards."""
    proc = subprocess.Popen(
        ["sh", "-c", f"exec {command}"],
        cwd=project,
        env=project_env(venv, env),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        yield proc
    finally:
        stop(proc)


def wait_for_port(port: int, proc: subprocess.Popen[bytes], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert proc.poll() is None, f"the process serving port {port} exited"
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise AssertionError(f"nothing listened on 127.0.0.1:{port} within {timeout} s")


def check_crawl_outputs(spec: Mapping[str, Any], folder: Path, output: str) -> None:
    """Exactly the expected items, once each, in the SQLite table and in the feed."""
    expected = sorted(spec["expect"])
    database, feed = folder / "items.sqlite3", folder / "items.jsonl"
    assert database.is_file(), f"the crawl wrote no database:\n{output[-3000:]}"
    with sqlite3.connect(database) as connection:
        query = f'SELECT "{spec["key"]}" FROM "{spec["table"]}" ORDER BY 1'  # noqa: S608
        stored = [row[0] for row in connection.execute(query)]
    assert stored == expected, f"stored {stored}, expected {expected}:\n{output[-3000:]}"
    assert feed.is_file(), f"the crawl wrote no feed:\n{output[-3000:]}"
    lines = feed.read_text("utf-8").splitlines()
    assert sorted(json.loads(line)[spec["key"]] for line in lines) == expected


def stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=5)


def refuses_without(
    project: Path, venv: Path, env: Mapping[str, str], variable: str, *, empty: bool = False
) -> str:
    """Start web: without `variable` (or with it set to "" when `empty`); it must exit non-zero
    within 20 s, naming `variable`. Returns its output."""
    reduced = {k: v for k, v in env.items() if k != variable}
    if empty:
        reduced[variable] = ""
    how = f"with {variable} empty" if empty else f"without {variable}"
    output = refuses_to_start(project, venv, reduced, how)
    assert variable in output, f"the refusal does not name {variable}:\n{output[-2000:]}"
    return output


def refuses_to_start(project: Path, venv: Path, env: Mapping[str, str], how: str) -> str:
    """Start web: with `env`; it must exit non-zero within 20 s. Returns its output."""
    proc = _start_web(project, venv, env, subprocess.PIPE)
    try:
        output, _ = proc.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        stop(proc)
        raise AssertionError(f"the server kept running {how}") from None
    text = output.decode("utf-8", errors="replace")
    assert proc.returncode != 0, f"the server exited 0 {how}:\n{text[-2000:]}"
    return text
