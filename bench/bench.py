"""Benchmark fwscaffold against what a user would do instead, in the same run, on this machine.

    python bench/bench.py [--runs N] [--frameworks flask,django] [--skip-green] [--profile]

Prints a Markdown table per measure (median and min-max seconds, and the ratio of the medians)
for the README, then where the time to green goes, step by step, and with `--profile` a
cProfile of each generated project's first test run. Not a test: nothing here asserts.

Both tools run from one fresh venv in build/bench-venv, where fwscaffold (with cookiecutter,
its dependency) is installed the way a user gets it: from the checkout, not editable, with
bytecode compiled as `pip install` does. So both pay the same interpreter start-up, and neither
pays for compiling its own source on every run.
"""

from __future__ import annotations

import argparse
import pstats
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BENCH_VENV = REPO / "build" / "bench-venv"
BIN = BENCH_VENV / "bin"
STEPS = re.compile(r"\(venv ([\d.]+) s, install ([\d.]+) s, tests ([\d.]+) s\)")
FRAMEWORKS = sorted(p.parent.name for p in (REPO / "templates").glob("[!_]*/cookiecutter.json"))


def run_timed(argv: list[str], cwd: Path) -> tuple[float, str]:
    """Run `argv`; return its wall-clock seconds and its stdout. A failure ends the benchmark."""
    start = time.perf_counter()
    result = subprocess.run(argv, cwd=cwd, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed:\n{result.stdout}{result.stderr}")
    return elapsed, result.stdout


def timed(argv: list[str], cwd: Path) -> float:
    return run_timed(argv, cwd)[0]


def fwscaffold_new(fw: str, out: Path, *options: str) -> list[str]:
    return [str(BIN / "fwscaffold"), "new", fw, "x", "--no-input", *options, "-o", str(out)]


def cookiecutter_bake(fw: str, out: Path) -> list[str]:
    template = str(REPO / "templates" / fw)
    return [str(BIN / "cookiecutter"), template, "--no-input", "-o", str(out), "project_slug=x"]


def sample(runs: int, once: Callable[[Path], float]) -> list[float]:
    times = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as tmp:
            times.append(once(Path(tmp)))
    return times


def paired(
    runs: int, ours: Callable[[Path], float], theirs: Callable[[Path], float]
) -> tuple[list[float], list[float]]:
    """Alternate the two, so a drift in the machine's load falls on both alike."""
    mine: list[float] = []
    other: list[float] = []
    for _ in range(runs):
        mine += sample(1, ours)
        other += sample(1, theirs)
    return mine, other


def fmt(times: list[float]) -> str:
    return f"{statistics.median(times):.3f} ({min(times):.3f}-{max(times):.3f})"


def row(label: str, ours: list[float], theirs: list[float], target: str) -> str:
    ratio = statistics.median(ours) / statistics.median(theirs)
    return f"| {label} | {fmt(ours)} | {fmt(theirs)} | {ratio:.2f}x | {target} |"


def header(title: str, ours: str, theirs: str) -> None:
    print(f"\n### {title}\n\n| case | {ours} s, median (min-max) | {theirs} s | ratio | target |")
    print("|---|---|---|---|---|")


def startup(runs: int) -> None:
    header("CLI start-up", "fwscaffold", "`cookiecutter --help`")
    for args in (["--help"], ["list"], ["info", "flask"]):
        ours, theirs = paired(
            runs,
            lambda d, a=args: timed([str(BIN / "fwscaffold"), *a], d),
            lambda d: timed([str(BIN / "cookiecutter"), "--help"], d),
        )
        print(row(f"`fwscaffold {' '.join(args)}`", ours, theirs, "<= 0.30x"))


def generation(runs: int, frameworks: list[str]) -> None:
    header("Generation, `--no-input`", "`fwscaffold new`", "`cookiecutter templates/FW`")
    for fw in frameworks:
        ours, theirs = paired(
            runs,
            lambda d, f=fw: timed(fwscaffold_new(f, d), d),
            lambda d, f=fw: timed(cookiecutter_bake(f, d), d),
        )
        print(row(fw, ours, theirs, "<= 0.80x"))


def _plain_path(fw: str, tmp: Path) -> float:
    start = time.perf_counter()
    timed(cookiecutter_bake(fw, tmp), tmp)
    project = tmp / "x"
    timed([sys.executable, "-m", "venv", ".venv"], project)
    timed(
        [str(project / ".venv/bin/python"), "-m", "pip", "install", "-q", "-e", ".[dev]"], project
    )
    timed([str(project / ".venv/bin/python"), "-m", "pytest", "-q"], project)
    return time.perf_counter() - start


def _green_once(fw: str, tmp: Path, steps: list[tuple[float, ...]]) -> float:
    elapsed, stdout = run_timed(fwscaffold_new(fw, tmp, "--install"), tmp)
    found = STEPS.search(stdout)
    if not found:
        raise SystemExit(f"no step breakdown in the --install report:\n{stdout}")
    venv, install, tests = (float(g) for g in found.groups())
    steps.append((elapsed - venv - install - tests, venv, install, tests))
    return elapsed


def green(runs: int, frameworks: list[str], plain_runs: int) -> None:
    header(
        "Time to green (new + .venv + install `.[dev]` + tests), warm cache",
        "`fwscaffold new --install`",
        "cookiecutter + venv + pip + pytest",
    )
    breakdown: dict[str, list[tuple[float, ...]]] = {}
    for fw in frameworks:
        steps = breakdown.setdefault(fw, [])
        ours = sample(runs, lambda d, f=fw, s=steps: _green_once(f, d, s))
        theirs = sample(plain_runs, lambda d, f=fw: _plain_path(f, d))
        target = "<= 3 s, >= 5x faster" if fw == "flask" else "<= 5 s, >= 5x faster"
        print(row(fw, ours, theirs, target))
    print("\n### Where the time to green goes (medians, seconds, as `--install` reports them)\n")
    print("| case | start-up + generation | `uv venv` | `uv pip install` | project's tests |")
    print("|---|---|---|---|---|")
    for fw, steps in breakdown.items():
        cells = " | ".join(
            f"{statistics.median(column):.2f}" for column in zip(*steps, strict=True)
        )
        print(f"| {fw} | {cells} |")


def _profile_tests(fw: str, tmp: Path) -> str:
    """cProfile one first test run of a freshly installed project; name where the time goes."""
    timed(fwscaffold_new(fw, tmp, "--install"), tmp)
    project = tmp / "x"
    for cache in list(project.rglob("__pycache__")):
        shutil.rmtree(cache)  # back to the state right after install: no bytecode yet
    out = tmp / "tests.prof"
    python = str(project / ".venv" / "bin" / "python")
    argv = [
        python,
        "-m",
        "cProfile",
        "-o",
        str(out),
        "-m",
        "pytest",
        "-q",
        "-p",
        "no:cacheprovider",
    ]
    timed(argv, project)
    stats = pstats.Stats(str(out))
    total = stats.total_tt  # type: ignore[attr-defined]
    rows = stats.stats  # type: ignore[attr-defined]
    compiling = "<built-in method builtins.compile>"
    compile_s = sum(v[2] for k, v in rows.items() if k[2] == compiling)
    # cProfile counts a recursive function's cumulative time once, at its outermost call.
    imports_s = sum(v[3] for k, v in rows.items() if k[2] == "_find_and_load")
    tests_s = sum(v[3] for k, v in rows.items() if k[2] == "pytest_runtestloop")
    top = sorted(rows.items(), key=lambda item: item[1][2], reverse=True)
    others = [f"{_where(key)} {value[2]:.2f}" for key, value in top if key[2] != compiling][:3]
    return (
        f"| {fw} | {total:.2f} | {imports_s:.2f} | {compile_s:.2f} ({compile_s / total:.0%}) "
        f"| {tests_s:.2f} | {'; '.join(others)} |"
    )


def _where(key: tuple[str, int, str]) -> str:
    filename, line, name = key
    if filename == "~":
        return f"`{name.strip('<>')}`"
    return f"`{Path(filename).parent.name}/{Path(filename).name}:{name}`"


def profile(frameworks: list[str]) -> None:
    print(
        "\n### Profile of each project's first test run, before any bytecode is compiled, "
        "without the warmer (cProfile, seconds)\n"
    )
    print(
        "| case | total | importing modules | of which compiling source to bytecode "
        "| running the tests | biggest own times besides compiling |"
    )
    print("|---|---|---|---|---|---|")
    for fw in frameworks:
        with tempfile.TemporaryDirectory() as tmp:
            print(_profile_tests(fw, Path(tmp)))


def make_bench_venv() -> None:
    """Install fwscaffold from this checkout as a user would get it (see the module docstring)."""
    uv = shutil.which("uv") or shutil.which("uv", path=str(Path(sys.executable).parent))
    if uv is None:
        raise SystemExit("uv is needed to build the benchmark venv: pip install uv")
    shutil.rmtree(BENCH_VENV, ignore_errors=True)
    for argv in (
        [uv, "venv", "--quiet", "--python", sys.executable, str(BENCH_VENV)],
        [
            uv,
            "pip",
            "install",
            "--quiet",
            "--compile-bytecode",
            "--python",
            str(BIN / "python"),
            ".",
        ],
    ):
        subprocess.run(argv, cwd=REPO, check=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--green-runs", type=int, default=3)
    parser.add_argument("--plain-runs", type=int, default=1)
    parser.add_argument("--frameworks", default=",".join(FRAMEWORKS))
    parser.add_argument("--skip-green", action="store_true")
    parser.add_argument("--profile", action="store_true", help="cProfile each project's tests")
    args = parser.parse_args()
    frameworks = [f for f in args.frameworks.split(",") if f]
    make_bench_venv()
    print(f"Python {sys.version.split()[0]}, {args.runs} runs each; seconds")
    startup(args.runs)
    generation(args.runs, frameworks)
    if not args.skip_green:
        green(args.green_runs, frameworks, args.plain_runs)
    if args.profile:
        profile(frameworks)


if __name__ == "__main__":
    main()
