"""Served performance (contract §8): each HTTP starter against a bare app of its framework.

    python bench/served.py [--frameworks flask,falcon] [--duration 5] [--runs 3] [--profile]

For every template whose metadata says `http_api: true` (each `interface` value apart) and that
has a bare app in bench/bare/<framework>.py, this bakes the project with default answers,
installs it in its own venv with uv, runs its Procfile's `release:` and serves its `web:` line
in production (HOST=127.0.0.1, a free PORT, SECRET_KEY, API_TOKEN, an SQLite DATABASE_URL), then
POSTs 50 notes. Next to it runs the bare app (in-memory JSON, no database, no middleware) from
the same `web:` command with only the application swapped: same venv, server and workers.
After a warm-up it loads `GET /health` and `GET /api/notes`, alternating starter and bare run
by run, and prints a Markdown table per endpoint: medians of requests per second and of the
p50/p99 latencies, the ratio starter/bare of each pair of runs (median and min-max: a pair runs
back to back, so a change in the machine's load falls on both), and §8's targets, marking
misses. Not a test: nothing fails on a miss.

The load generator is `wrk` (Debian's `wrk` package): written in C and event-driven, two
threads keep 32 connections busy for little CPU, so on 2 cores it does not compete with the
servers for Python time as a Python client (locust, a thread pool) would, and its `--latency`
gives p50 and p99 from every request. wrk is closed-loop (each connection waits for its answer
before the next request), so a stalled server slows the load down rather than queueing it:
p99 is the latency at the rate the server sustains, not at a fixed offered rate.

`--profile` serves each starter that missed a target again (`--profile all`: every starter)
with every process and thread of its `web:` line under cProfile (the sitecustomize in PROFILER
below: gunicorn's forked workers, uvicorn and cheroot's threads alike) for one load run of each
endpoint that missed, and prints where the time goes. cProfile rather than a sampler: it needs
no extra package and no ptrace rights, and it counts every call; its overhead (2-3x on
call-heavy code) inflates small functions, so read its shares, not its absolute times.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import pstats
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BENCH = REPO / "bench"
sys.path[:0] = [str(REPO / "src"), str(REPO), str(BENCH)]

from bare.notes import COUNT, seeds  # noqa: E402

from fwscaffold.frameworks import Framework, load_frameworks  # noqa: E402
from fwscaffold.generate import generate_project  # noqa: E402
from tests._harness.project import (  # noqa: E402
    free_port,
    make_venv,
    procfile,
    production_env,
    project_env,
    release,
    stop,
)

ENDPOINTS = {"/health": 0.9, "/api/notes": 0.5}  # §8: least ratio of the bare app's RPS
P99_MS = 50.0
# Django's production settings redirect plain HTTP; a proxy in front would send this header.
HEADERS = {"X-Forwarded-Proto": "https"}
ASGI_SERVERS = re.compile(r"\b(uvicorn|hypercorn|daphne|granian)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Case:
    framework: Framework
    answers: dict[str, str]

    @property
    def label(self) -> str:
        return " ".join([self.framework.name, *(f"({v})" for v in self.answers.values())])


@dataclass(frozen=True)
class Load:
    rps: float
    p50_ms: float
    p99_ms: float
    errors: int


def cases(names: list[str] | None, templates: Path) -> list[Case]:
    """Every HTTP starter with a bare app; each value of an `interface` variable apart."""
    frameworks = load_frameworks(templates)
    http = [f for f in frameworks.values() if f.metadata.get("http_api")]
    unknown = set(names or ()) - {f.name for f in http}
    if unknown:
        known = ", ".join(f.name for f in http)
        raise SystemExit(f"Error: not an HTTP starter: {', '.join(sorted(unknown))} ({known}).")
    chosen = [f for f in http if names is None or f.name in names]
    lacking = [f.name for f in chosen if not (BENCH / "bare" / f"{f.name}.py").is_file()]
    if lacking:
        print(f"no bare app (bench/bare/<name>.py), skipped: {', '.join(lacking)}", file=sys.stderr)
    found = []
    for framework in chosen:
        if framework.name in lacking:
            continue
        interface = framework.variable("interface")
        for value in interface.choices if interface else ("",):
            found.append(Case(framework, {"interface": value} if value else {}))
    return found


def bare_command(web: str, package: str, framework: str) -> str:
    """The starter's `web:` command with its application swapped for `bare.<framework>`.

    The application is `python -m <package>` (CherryPy serves itself) or the server's app
    argument: `pkg.wsgi`, `"pkg:create_app()"`, `pkg.app:create_app`. Other mentions of the
    package, such as a start-up check `python -m pkg.database check &&`, stay as they are.
    """
    module = f"bare.{framework}"
    runs_package = re.compile(rf"(-m\s+){package}(?![\w.])")
    if runs_package.search(web):
        return runs_package.sub(rf"\g<1>{module}", web)
    source = (BENCH / "bare" / f"{framework}.py").read_text("utf-8")
    asgi = ASGI_SERVERS.search(web) and re.search(r"^asgi_app\b", source, re.M)
    target = re.compile(rf"""(?<![\w.])(["']?){package}(\.\w+)*(:[\w.()]*)?\1(?![\w.:])""")
    apps = [m for m in target.finditer(web) if not re.search(r"-m\s+$", web[: m.start()])]
    if not apps:
        raise SystemExit(f"Error: cannot find the application of {package} in web: {web}")
    app = next((m for m in apps if m.group(3)), apps[-1])
    swapped = f"{web[: app.start()]}{module}:{'asgi_app' if asgi else 'app'}{web[app.end() :]}"
    return re.sub(r"\s--factory\b", "", swapped)


def request(url: str, data: bytes | None = None, token: str = "") -> tuple[int, bytes]:
    headers = {**HEADERS, "Content-Type": "application/json"} if data else dict(HEADERS)
    if token:
        headers["Authorization"] = f"Bearer {token}"
    req = urllib.request.Request(url, data=data, headers=headers)  # noqa: S310
    try:
        with urllib.request.urlopen(req, timeout=10) as answer:  # noqa: S310  # nosec B310
            return answer.status, answer.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def wait_ready(proc: subprocess.Popen[bytes], base: str, log: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"Error: {base} exited at start:\n{log.read_text()[-3000:]}")
        try:
            if request(base + "/health")[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise SystemExit(f"Error: {base}/health did not answer 200 within 60 s")


@dataclass(frozen=True)
class Served:
    base: str
    session: int  # the process group of the server and its workers


@contextmanager
def serve(
    command: str, project: Path, venv: Path, env: dict[str, str], log: Path
) -> Iterator[Served]:
    """Run `command` like a Procfile line, in a session of its own; stop it afterwards."""
    with log.open("wb") as output:
        proc = subprocess.Popen(
            ["sh", "-c", f"exec {command}"],
            cwd=project,
            env=project_env(venv, env),
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    base = f"http://127.0.0.1:{env['PORT']}"
    try:
        wait_ready(proc, base, log)
        yield Served(base, proc.pid)
    finally:
        stop(proc)


def seed(base: str, token: str) -> None:
    for note in seeds():
        status, body = request(base + "/api/notes", json.dumps(note).encode(), token)
        if status != 201:
            raise SystemExit(f"Error: POST {base}/api/notes answered {status}: {body[:300]!r}")
    status, body = request(base + "/api/notes")
    listed = json.loads(body) if status == 200 else None
    if not isinstance(listed, list) or len(listed) != COUNT:
        raise SystemExit(f"Error: GET {base}/api/notes does not list the {COUNT} notes seeded")


WRK_LATENCY = re.compile(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s)\s*$", re.M)
UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def wrk(url: str, duration: float, connections: int) -> Load:
    header = [arg for name, value in HEADERS.items() for arg in ("-H", f"{name}: {value}")]
    argv = ["wrk", "-t2", f"-c{connections}", f"-d{duration:g}s", "--latency", *header, url]
    result = subprocess.run(
        argv, capture_output=True, text=True, timeout=duration + 30, check=False
    )
    rps = re.search(r"^Requests/sec:\s+([\d.]+)", result.stdout, re.M)
    if result.returncode != 0 or not rps:
        raise SystemExit(f"Error: wrk failed on {url}:\n{result.stdout}{result.stderr}")
    latency = {q: float(v) * UNITS[unit] for q, v, unit in WRK_LATENCY.findall(result.stdout)}
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", result.stdout)
    sockets = re.search(r"Socket errors:(.*)", result.stdout)
    errors = int(non_2xx.group(1)) if non_2xx else 0
    errors += sum(int(n) for n in re.findall(r"\d+", sockets.group(1))) if sockets else 0
    return Load(float(rps.group(1)), latency["50"], latency["99"], errors)


def measure(urls: dict[str, str], path: str, args: argparse.Namespace) -> dict[str, list[Load]]:
    """Warm both up, then alternate them run by run (who goes first alternates too)."""
    for url in urls.values():
        wrk(url + path, min(2.0, args.duration), args.connections)
    loads: dict[str, list[Load]] = {name: [] for name in urls}
    order = list(urls)
    for run in range(args.runs):
        for name in order if run % 2 == 0 else order[::-1]:
            loads[name].append(wrk(urls[name] + path, args.duration, args.connections))
    return loads


@dataclass(frozen=True)
class Row:
    label: str
    path: str
    starter: list[Load]
    bare: list[Load]

    def median(self, loads: list[Load], field: str) -> float:
        return float(statistics.median(getattr(load, field) for load in loads))

    @property
    def ratios(self) -> list[float]:
        """Starter over bare, run by run: each pair ran back to back, under the same load."""
        return [s.rps / b.rps for s, b in zip(self.starter, self.bare, strict=True)]

    @property
    def ratio(self) -> float:
        return statistics.median(self.ratios)

    @property
    def misses(self) -> list[str]:
        missed = []
        if self.ratio < ENDPOINTS[self.path]:
            missed.append(f"ratio < {ENDPOINTS[self.path]}x")
        if self.median(self.starter, "p99_ms") >= P99_MS:
            missed.append(f"p99 >= {P99_MS:g} ms")
        errors = sum(load.errors for load in self.starter)
        if errors:
            missed.append(f"{errors} errors")
        return missed

    def markdown(self) -> str:
        def latency(loads: list[Load]) -> str:
            return f"{self.median(loads, 'p50_ms'):.1f} / {self.median(loads, 'p99_ms'):.1f}"

        verdict = "met" if not self.misses else "**missed: " + ", ".join(self.misses) + "**"
        bare_errors = sum(load.errors for load in self.bare)
        if bare_errors:
            verdict += f" (bare: {bare_errors} errors)"
        return (
            f"| {self.label} | {self.median(self.starter, 'rps'):,.0f} "
            f"| {self.median(self.bare, 'rps'):,.0f} "
            f"| {self.ratio:.2f}x ({min(self.ratios):.2f}-{max(self.ratios):.2f}) "
            f"| {latency(self.starter)} | {latency(self.bare)} | {verdict} |"
        )


def table(path: str, rows: list[Row], args: argparse.Namespace) -> None:
    target = f">= {ENDPOINTS[path]}x bare RPS, p99 < {P99_MS:g} ms"
    print(
        f"\n#### `GET {path}`, {args.connections} connections, {args.runs} runs of "
        f"{args.duration:g} s\n\nMedians; the ratio is starter/bare for each pair of runs, "
        f"median (min-max). §8 target: {target}.\n"
    )
    print(
        "| framework | starter RPS | bare RPS | ratio (min-max) | starter p50 / p99 ms "
        "| bare p50 / p99 ms | target |"
    )
    print("|---|---|---|---|---|---|---|")
    for row in rows:
        if row.path == path:
            print(row.markdown())


# Loaded by every Python process of the profiled server through PYTHONPATH. cProfile's own
# wall-clock timer: a CPU-time timer (time.thread_time, a system call per event) slowed the
# servers tenfold here. So with threads (cheroot), time spent waiting for the GIL lands on the
# call that released it (send, flush). Threads other than the main one are profiled from their
# start; the main thread from the first SIGPROF, which served.py sends once the server answers
# (start-up and imports stay out). The second SIGPROF writes <pid>.prof: uvicorn ends itself
# by re-raising SIGTERM, so an atexit hook would never run. Other threads' profilers are only
# read, never stopped.
PROFILER = """\
import cProfile, os, pstats, signal, threading

_out = os.environ.get("SERVED_PROFILE_DIR")
if _out:
    _profiles, _main = [], []
    _bootstrap = threading.Thread._bootstrap_inner

    class _Taken:
        def __init__(self, profile):
            profile.snapshot_stats()
            self.stats = profile.stats

        def create_stats(self):
            pass

    def _start():
        profile = cProfile.Profile()
        _profiles.append(profile)
        profile.enable()
        return profile

    def _profiled_thread(thread):
        _start()
        _bootstrap(thread)

    def _on_sigprof(signum, frame):
        if not _main:
            _main.append(_start())
            return
        _main[0].disable()
        taken = [t for t in map(_Taken, _profiles) if t.stats]
        if taken:
            path = os.path.join(_out, f"{os.getpid()}.prof")
            pstats.Stats(*taken).dump_stats(path + ".part")
            os.rename(path + ".part", path)

    threading.Thread._bootstrap_inner = _profiled_thread
    signal.signal(signal.SIGPROF, _on_sigprof)
    os.register_at_fork(after_in_child=_profiles.clear)
"""
# Where a server waits for the network or for work: one total, not hot spots.
WAITS = re.compile(
    r"select|poll|accept|recv|readinto|sleep|acquire|'wait'|waitpid|run_forever|posix\.read\b"
    r"|'get' of '_queue"
)


def profile(
    case: Case, project: Path, venv: Path, env: dict[str, str], path: str, args: argparse.Namespace
) -> str:
    """One load run of `path` with the starter under cProfile; where the time goes, as text."""
    with tempfile.TemporaryDirectory() as out:
        Path(out, "sitecustomize.py").write_text(PROFILER)
        profiled = {**env, "PORT": str(free_port()), "PYTHONPATH": out, "SERVED_PROFILE_DIR": out}
        command = procfile(project)["web"].strip()
        with serve(command, project, venv, profiled, Path(out, "server.log")) as server:
            os.killpg(server.session, signal.SIGPROF)
            time.sleep(0.2)
            load = wrk(server.base + path, args.duration, args.connections)
            os.killpg(server.session, signal.SIGPROF)
            dumps = _written(Path(out))
        if not dumps:
            return f"\n(no profile was written for {case.label}, `GET {path}`)"
        with redirect_stdout(io.StringIO()) as text:
            report(case, path, load, pstats.Stats(*dumps), len(dumps), project)
        return text.getvalue()


def _written(folder: Path) -> list[str]:
    """The processes' dumps, once no new one has appeared for half a second (10 s at most)."""
    seen: list[str] = []
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        time.sleep(0.5)
        found = sorted(str(p) for p in folder.glob("*.prof"))
        if found and found == seen:
            break
        seen = found
    return seen


def report(
    case: Case, path: str, load: Load, stats: pstats.Stats, processes: int, project: Path
) -> None:
    package = _package(project)
    work: list[tuple[float, float, int, str]] = []
    waited = total = 0.0
    for (file, line, name), (_, calls, own, cumulative, _) in stats.stats.items():  # type: ignore[attr-defined]
        total += own
        if WAITS.search(name):
            waited += own
        else:
            where = name if file == "~" else f"{_short(file, project)}:{line}({name})"
            work.append((own, cumulative, calls, where))
    busy = total - waited or 1e-9
    print(
        f"\n#### Profile: {case.label}, `GET {path}` under cProfile "
        f"({load.rps:,.0f} req/s, p99 {load.p99_ms:.1f} ms)\n"
    )
    print(
        f"{total:.2f} s in the server's {processes} process(es) and their threads, "
        f"{waited:.2f} s of "
        f"them in select, accept, recv, locks and sleep; the other {busy:.2f} s by function:\n"
    )
    print("| own s | % of work | cumulative s | calls | function (top by own time) |")
    print("|---|---|---|---|---|")
    for own, cumulative, calls, where in sorted(work, reverse=True)[:15]:
        print(f"| {own:.3f} | {100 * own / busy:.0f}% | {cumulative:.3f} | {calls} | `{where}` |")
    # The starter's own code and every middleware (its own, the framework's, a library's):
    # cumulative times, so an outer middleware includes the ones inside it and the view.
    mine = [
        w
        for w in work
        if (w[3].startswith(f"{package}/") or "middleware" in w[3]) and "<module>" not in w[3]
    ]
    print()
    print(
        "| cumulative s | % of work | calls | the starter's code and middleware (by cumulative) |"
    )
    print("|---|---|---|---|")
    shown = sorted(mine, key=lambda w: -w[1])[:12]
    for _, cumulative, calls, where in shown:
        print(f"| {cumulative:.3f} | {100 * cumulative / busy:.0f}% | {calls} | `{where}` |")
    if any(w[1] > busy for w in shown):
        print(
            "\n(Over 100%: cProfile counts a coroutine's time from its first call to its end, "
            "awaits included; read the own times above for async code.)"
        )


def _short(file: str, project: Path) -> str:
    file = file.removeprefix(f"{project}/")
    return re.sub(r"^.*/(site-packages|lib/python3\.\d+)/", "", file)


def _package(project: Path) -> str:
    answers = json.loads((project / ".fwscaffold.json").read_text("utf-8"))["answers"]
    return str(answers["package_name"])


def bench_case(case: Case, args: argparse.Namespace, tmp: Path) -> tuple[list[Row], list[str]]:
    """The starter's rows, and the profiles that `--profile` asks for."""

    def say(text: str) -> None:
        print(f"{case.label}: {text}", file=sys.stderr, flush=True)

    say("baking and installing")
    project = generate_project(case.framework, "bench-app", output_dir=tmp, given=case.answers)
    venv = make_venv(project)
    env = production_env(f"sqlite:///{tmp / 'notes.sqlite3'}")
    release(project, venv, env)
    package = _package(project)
    web = procfile(project)["web"].strip()
    bare_env = {
        **env,
        "PORT": str(free_port()),
        "PYTHONPATH": str(BENCH),
        "BARE_STARTER_PACKAGE": str(project / package),
    }
    bare = bare_command(web, package, case.framework.name)
    say(f"bare app served by: {bare}")
    rows = []
    with (
        serve(web, project, venv, env, tmp / "starter.log") as starter,
        serve(bare, project, venv, bare_env, tmp / "bare.log") as floor,
    ):
        seed(starter.base, env["API_TOKEN"])
        for path in ENDPOINTS:
            say(f"loading GET {path}")
            loads = measure({"starter": starter.base, "bare": floor.base}, path, args)
            rows.append(Row(case.label, path, loads["starter"], loads["bare"]))
    profiles = []
    for row in rows:
        if args.profile == "all" or (args.profile and row.misses):
            say(f"profiling GET {row.path}")
            profiles.append(profile(case, project, venv, env, row.path, args))
    return rows, profiles


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="bench/served.py",
        description="Serve each HTTP starter next to a bare app of its framework and compare "
        "them under wrk (contract §8). Prints Markdown tables for the README.",
    )
    parser.add_argument(
        "--frameworks",
        type=lambda text: [name.strip() for name in text.split(",") if name.strip()],
        help="comma-separated templates (default: every http_api template with a bare app; "
        "every `interface` value of each is measured)",
    )
    parser.add_argument(
        "--templates",
        type=Path,
        default=REPO / "templates",
        help="the templates folder to bake from (default: this checkout's templates/)",
    )
    parser.add_argument(
        "--duration",
        type=float,
        default=5.0,
        help="seconds of each measured wrk run (default 5; the warm-up is min(2, this))",
    )
    parser.add_argument(
        "--connections",
        type=int,
        default=32,
        help="concurrent connections, over 2 wrk threads (default 32, as §8 says)",
    )
    parser.add_argument(
        "--runs",
        type=int,
        default=3,
        help="measured runs per endpoint and app, starter and bare alternating (default 3)",
    )
    parser.add_argument(
        "--profile",
        nargs="?",
        const="missed",
        choices=["missed", "all"],
        help="afterwards, one load run under cProfile of each endpoint where the starter "
        "missed a target (or of every endpoint with `all`); prints the top functions",
    )
    args = parser.parse_args(argv)
    if args.duration <= 0 or args.runs < 1 or args.connections < 2:
        parser.error("--duration must be > 0, --runs >= 1 and --connections >= 2")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if shutil.which("wrk") is None:
        raise SystemExit(
            "Error: wrk is not installed; it is the load generator (Debian: apt-get install wrk)."
        )
    chosen = cases(args.frameworks, args.templates)
    if not chosen:
        raise SystemExit("Error: no HTTP starter with a bare app to measure.")
    before = os.getloadavg()[0]
    rows: list[Row] = []
    profiles: list[str] = []
    failed: list[str] = []
    for case in chosen:
        # One starter that cannot be baked, installed or served does not stop the others.
        try:
            with tempfile.TemporaryDirectory(prefix="served-") as tmp:
                measured, profiled = bench_case(case, args, Path(tmp))
            rows += measured
            profiles += profiled
        except (SystemExit, AssertionError) as error:  # ours, or the harness's helpers'
            reason = str(error).removeprefix("Error: ")
            print(f"{case.label}: not measured: {reason}", file=sys.stderr)
            failed.append(f"{case.label} ({reason.splitlines()[0]})")
    if not rows:
        raise SystemExit("Error: no starter could be measured (the reasons are above).")
    after = os.getloadavg()[0]
    version = subprocess.run(["wrk", "--version"], capture_output=True, text=True, check=False)
    print(
        f"\n{os.cpu_count()} cores, Python {sys.version.split()[0]}, wrk "
        f"{version.stdout.split()[1]}, load average (1 min) {before:.2f} before, {after:.2f} after."
    )
    for path in ENDPOINTS:
        table(path, rows, args)
    if failed:
        print(f"\nNot measured: {'; '.join(failed)}.")
    for text in profiles:
        print(text, end="")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
