"""Run a generated README as a newcomer would: the steps a template describes in
`_fwscaffold.steps`, which its README renders, pasted into a shell in the project folder.

The steps go through the same `for_project` filter the README uses (the templates' shared
`local_extensions.py`), so what runs here is what the reader sees; `check_readme_shows`
also finds every command and every line of code in the baked README.

Sections of `steps` (docs/TEMPLATES.md has the full description):
- `install`: the first shell block, from a bare shell (it makes and activates the venv);
- `dev` / `prod`: `{"url": ..., "steps": [...]}`, a block whose last line is a server;
- `check`: the tests and the linters;
- `walkthrough`: `{"steps": [...], "checks": [...]}`, the "first page, endpoint and model"
  changes (`run`, `write`, `append`, `insert_after` + `path`), then `get` checks against the
  production server started again and `command` checks whose output must show `contains`.
Every later block runs with the venv active, as in the reader's shell.
"""

from __future__ import annotations

import fcntl
import importlib.util
import json
import os
import re
import shlex
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from . import conformance
from .project import coverage_of, free_port, run, stop

SHARED = Path(__file__).resolve().parents[2] / "templates" / "_shared" / "local_extensions.py"
ACTIVATE = ". .venv/bin/activate"


def _extensions() -> Any:
    spec = importlib.util.spec_from_file_location("fwscaffold_shared_extensions", SHARED)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_SHARED_EXTENSIONS = _extensions()
for_project = _SHARED_EXTENSIONS.for_project
release_steps = _SHARED_EXTENSIONS.release_steps
RELEASE_COMMENT = _SHARED_EXTENSIONS.RELEASE_COMMENT


def answers_of(project: Path) -> dict[str, Any]:
    return json.loads((project / ".fwscaffold.json").read_text("utf-8"))["answers"]


def block(steps: Any, answers: Mapping[str, Any]) -> list[dict[str, Any]]:
    return for_project(steps or [], dict(answers))


def script(steps: list[dict[str, Any]]) -> str:
    return "\n".join(step["run"] for step in steps if "run" in step)


def check_readme_shows(project: Path, described: Mapping[str, Any]) -> None:
    """Every command and every line of code the steps hold is in the baked README."""
    readme = (project / "README.md").read_text("utf-8")
    answers = answers_of(project)
    blocks = [described.get("install"), described.get("check")]
    blocks += [(described.get(k) or {}).get("steps") for k in ("dev", "prod")]
    blocks.append((described.get("walkthrough") or {}).get("steps"))
    for steps in blocks:
        for step in block(steps, answers):
            for text in [step.get("run"), *step.get("lines", [])]:
                # Code is shown dedented (its place is said in words).
                if text and text.strip():
                    assert text.strip() in readme, f"README.md does not show {text!r}"


def newcomer_env(home: Path, extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """A bare shell: `python` is Python 3.11 (no venv active), nothing of ours set."""
    bin_dir = home / "bin"
    bin_dir.mkdir(parents=True, exist_ok=True)
    python = bin_dir / "python"
    if not python.exists():
        python.symlink_to(getattr(sys, "_base_executable", sys.executable))
    env = {
        "HOME": os.environ.get("HOME", str(home)),
        "LANG": "C.UTF-8",
        "PATH": f"{bin_dir}:/usr/local/bin:/usr/bin:/bin",
        "TMPDIR": os.environ.get("TMPDIR", "/tmp"),
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
    }
    env.update(extra or {})
    return env


def shell(project: Path, env: Mapping[str, str], text: str, what: str, timeout: float = 900):
    """Run `text` as the reader's shell would (the venv active unless `what` is install);
    any failing line fails the block."""
    prefix = "" if what == "install" else ACTIVATE + "\n"
    result = run(["bash", "-e", "-c", prefix + text], project, env, timeout=timeout)
    output = result.stdout + result.stderr
    assert result.returncode == 0, f"README {what} block failed:\n{text}\n---\n{output[-4000:]}"
    return output


def _port_of(url: str) -> int:
    match = re.match(r"https?://127\.0\.0\.1:(\d+)$", url)
    assert match, f"a README server must listen on http://127.0.0.1:<port>, not {url}"
    return int(match.group(1))


def _free(port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) != 0


def _session_environ(pgid: int, name: str) -> str | None:
    """`name` from the environment of a process of the server's session (the shell's
    `export`s reach the server only through it)."""
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if os.getpgid(int(entry.name)) != pgid:
                continue
            raw = (entry / "environ").read_bytes()
        except (OSError, ProcessLookupError):
            continue
        for item in raw.split(b"\0"):
            key, _, value = item.partition(b"=")
            if key.decode(errors="replace") == name:
                return value.decode("utf-8", errors="replace")
    return None


class Served:
    def __init__(self, url: str, proc: subprocess.Popen[bytes]) -> None:
        self.url, self.proc = url, proc

    def environ(self, name: str) -> str | None:
        return _session_environ(self.proc.pid, name)


@contextmanager
def _port_held(port: int) -> Iterator[None]:
    """Hold a fixed port for one README server at a time across test processes (several
    templates' development servers use 8000; pytest-xdist runs two frameworks at once): an
    exclusive lock on a file named after the port, then wait until the port is free (a server
    stopped a moment ago, or another program, may still hold it)."""
    path = Path(tempfile.gettempdir()) / f"fwscaffold-readme-port-{port}.lock"
    with path.open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            deadline = time.monotonic() + 120
            while not _free(port) and time.monotonic() < deadline:
                time.sleep(0.5)
            assert _free(port), f"port {port} is busy before the README's server starts"
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


@contextmanager
def serving_block(
    project: Path,
    env: Mapping[str, str],
    server: Mapping[str, Any],
    answers: Mapping[str, Any],
    url: str | None = None,
) -> Iterator[Served]:
    """Run a `dev` or `prod` block as written; yield once `/health` answers at its URL
    (`url`, when the environment moved it, e.g. with `PORT`)."""
    url = url or server["url"]
    port = _port_of(url)
    text = script(block(server["steps"], answers))
    with _port_held(port), tempfile.TemporaryFile() as log:
        proc = subprocess.Popen(
            ["bash", "-e", "-c", f"{ACTIVATE}\n{text}"],
            cwd=project,
            env=dict(env),
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            conformance.wait_for_health(url, 90, proc)
            yield Served(url, proc)
        except AssertionError as error:
            log.seek(0)
            tail = log.read().decode("utf-8", errors="replace")[-3000:]
            raise AssertionError(
                f"{error}\n--- README block ---\n{text}\n--- output ---\n{tail}"
            ) from None
        finally:
            stop(proc)


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - loopback
            return response.status, response.read().decode("utf-8", errors="replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", errors="replace")


def check_page(url: str, contains: str = "") -> None:
    status, body = get(url)
    assert status == 200, f"GET {url} -> {status}:\n{body[:1000]}"
    assert contains in body, f"GET {url}: {contains!r} not in:\n{body[:1000]}"


def apply_step(project: Path, env: Mapping[str, str], step: Mapping[str, Any]) -> None:
    """One walkthrough step, done the way the README says."""
    text = "\n".join(step.get("lines", [])) + "\n"
    if "run" in step:
        shell(project, env, step["run"], "walkthrough")
    elif "write" in step:
        target = project / step["write"]
        assert not target.exists(), f"the walkthrough would overwrite {step['write']}"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, "utf-8")
    elif "append" in step:
        target = project / step["append"]
        assert target.is_file(), f"the walkthrough appends to {step['append']}, which is absent"
        current = target.read_text("utf-8")
        assert current.endswith("\n"), f"{step['append']} does not end with a newline"
        target.write_text(current + text, "utf-8")
    elif "insert_after" in step:
        target = project / step["path"]
        lines = target.read_text("utf-8").split("\n")
        where = [i for i, line in enumerate(lines) if line == step["insert_after"]]
        assert len(where) == 1, (
            f"{step['path']}: the line {step['insert_after']!r} occurs {len(where)} times"
        )
        lines[where[0] + 1 : where[0] + 1] = step["lines"]
        target.write_text("\n".join(lines), "utf-8")


def passed_count(output: str) -> int:
    found = re.findall(r"(\d+) passed", output)
    assert found, f"no test ran:\n{output[-3000:]}"
    return int(found[-1])


def check_prod_steps_follow_the_procfile(
    project: Path, described: Mapping[str, Any], answers: Mapping[str, str]
) -> None:
    """The production steps end with the Procfile's web: line, and run its release: line (if
    it has one) in the one step marked as the release step, from which the README words its
    production section."""
    if not described.get("prod"):
        return
    shown = block(described["prod"]["steps"], answers)
    web = procfile_line(project, "web")
    assert web, "the Procfile has no web: line"
    last = shown[-1]["run"]
    assert last == web, f"the README's server line {last!r} is not the Procfile's {web!r}"
    release = procfile_line(project, "release")
    marked = release_steps(described["prod"]["steps"], dict(answers))
    assert marked == ([release] if release else []), (
        f"the Procfile's release: line is {release!r}; the README's production steps mark "
        f"{marked!r} with the comment {RELEASE_COMMENT!r}"
    )


def run_readme(
    project: Path,
    described: Mapping[str, Any],
    env: Mapping[str, str],
    *,
    notes_api: bool,
    html_notes: bool,
) -> float | None:
    """Every block of the README in order, then the walkthrough, as a newcomer would.

    Returns the branch coverage the project's own tests reported in the README's first
    `check` block (a fresh venv holding only `.[dev]`), or None when they printed none."""
    answers = answers_of(project)
    check_readme_shows(project, described)
    check_prod_steps_follow_the_procfile(project, described, answers)
    shell(project, env, script(block(described["install"], answers)), "install")
    checks = script(block(described["check"], answers))
    output = shell(project, env, checks, "check")
    before = passed_count(output)
    coverage = coverage_of(output)

    if described.get("dev"):
        with serving_block(project, env, described["dev"], answers) as dev:
            check_page(dev.url + "/")
    prod = described.get("prod")
    if prod:
        # The README says the server binds $HOST:$PORT: a free port keeps this run clear of
        # any other server on the machine.
        env = {**env, "PORT": str(free_port())}
        moved = f"http://127.0.0.1:{env['PORT']}"
        with serving_block(project, env, prod, answers, moved) as server:
            check_page(server.url + "/")
            if notes_api:
                token = server.environ("API_TOKEN")
                assert token, "the README's production block sets no API_TOKEN"
                conformance.check_notes_api(server.url, token, html_notes=html_notes)

    walkthrough = described.get("walkthrough") or {}
    steps = block(walkthrough.get("steps"), answers)
    for step in steps:
        apply_step(project, env, step)
    if not steps:
        return coverage
    after = passed_count(shell(project, env, checks, "check after the walkthrough"))
    new_tests = [s for s in steps if str(s.get("write", "")).startswith("tests/")]
    assert after >= before + len(new_tests), (
        f"{len(new_tests)} test files added, but passed went from {before} to {after}"
    )
    wanted = block(walkthrough.get("checks"), answers)
    pages = [c for c in wanted if "get" in c]
    if pages:
        with serving_block(project, env, prod, answers, moved) as server:
            for page in pages:
                check_page(server.url + page["get"], page.get("contains", ""))
    for command in (c for c in wanted if "command" in c):
        output = shell(project, env, command["command"], "walkthrough check")
        assert command["contains"] in output, f"{command['command']}: no {command['contains']!r}"
    return coverage


def procfile_line(project: Path, kind: str) -> str | None:
    """The command of the Procfile's `kind:` line (`web`, `release`), or None."""
    for line in (project / "Procfile").read_text("utf-8").splitlines():
        if line.startswith(f"{kind}:"):
            return line.removeprefix(f"{kind}:").strip()
    return None


# --- Docker: what the image's CMD and HEALTHCHECK run must exist in the installed project ---

_EXEC_FORM = re.compile(r"^(?:HEALTHCHECK\b.*?\s)?CMD\s+(\[.*\])\s*$", re.M)


_ASSIGNMENT = re.compile(r"[A-Za-z_]\w*=\S*")


def docker_commands(dockerfile: str) -> list[list[str]]:
    """Each command the image runs: the CMD and HEALTHCHECK exec forms, with `sh -c`
    scripts split into their commands (`&&`, `;`) and a leading `exec` and `NAME=value`
    environment assignments dropped."""
    joined = dockerfile.replace("\\\n", " ")
    commands = []
    for match in _EXEC_FORM.finditer(joined):
        argv = json.loads(match.group(1))
        if argv[:2] == ["sh", "-c"]:
            for part in re.split(r"&&|;", argv[2]):
                words = shlex.split(part)
                while words and (words[0] == "exec" or _ASSIGNMENT.fullmatch(words[0])):
                    words = words[1:]
                commands.append(words)
        else:
            commands.append(argv)
    return [c for c in commands if c]


def check_docker_commands(project: Path, uv: str) -> None:
    """Install the project as the image does (`pip install .`, no dev tools), then every
    program its CMD and HEALTHCHECK name must exist there, and every `module:attribute`
    argument (a WSGI/ASGI target) must name a module of the installed project."""
    commands = docker_commands((project / "Dockerfile").read_text("utf-8"))
    assert commands, "the Dockerfile has no exec-form CMD"
    with tempfile.TemporaryDirectory() as folder:
        venv = Path(folder) / "image"
        result = run([uv, "venv", "--quiet", "--python", sys.executable, str(venv)], project)
        assert result.returncode == 0, result.stderr
        python = str(venv / "bin" / "python")
        result = run([uv, "pip", "install", "--quiet", "--python", python, "."], project)
        assert result.returncode == 0, f"pip install . failed:\n{result.stderr[-3000:]}"
        for argv in commands:
            program = argv[0]
            assert program == "python" or (venv / "bin" / program).is_file(), (
                f"the image runs {program!r}, which `pip install .` does not install"
            )
            targets = [a for a in argv[1:] if re.fullmatch(r"[A-Za-z_][\w.]*:[A-Za-z_]\w*", a)]
            if program == "python" and argv[1:2] == ["-m"]:
                targets.append(f"-m {argv[2]}")  # `python -m module`: the module must be there
            for target in targets:
                module = target.removeprefix("-m ").split(":")[0]
                probe = (
                    "import importlib.util, sys; "
                    f"sys.exit(importlib.util.find_spec({module!r}) is None)"
                )
                found = run([python, "-I", "-c", probe], Path(folder))
                assert found.returncode == 0, f"the image's {program} names {target}: no module"
