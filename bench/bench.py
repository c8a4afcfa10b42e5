"""Benchmark fwscaffold against what a user would do instead, in the same run, on this machine.

    python bench/bench.py [--runs N] [--frameworks flask,django] [--skip-green]

Prints a Markdown table per measure (median and min-max seconds, and the ratio of the medians)
for the README. Commands run as subprocesses from the venv this script runs in, so both tools
pay the same interpreter start-up. Not a test: nothing here asserts.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
FRAMEWORKS = sorted(p.parent.name for p in (REPO / "templates").glob("[!_]*/cookiecutter.json"))


def timed(argv: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    result = subprocess.run(argv, cwd=cwd, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed:\n{result.stdout}{result.stderr}")
    return elapsed


def sample(runs: int, once: Callable[[Path], float]) -> list[float]:
    times = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as tmp:
            times.append(once(Path(tmp)))
    return times


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
    theirs = sample(runs, lambda d: timed([str(BIN / "cookiecutter"), "--help"], d))
    for args in (["--help"], ["list"], ["info", "flask"]):
        ours = sample(runs, lambda d, a=args: timed([str(BIN / "fwscaffold"), *a], d))
        print(row(f"`fwscaffold {' '.join(args)}`", ours, theirs, "<= 0.30x"))


def generation(runs: int, frameworks: list[str]) -> None:
    header("Generation, `--no-input`", "`fwscaffold new`", "`cookiecutter templates/FW`")
    for fw in frameworks:
        ours = sample(
            runs,
            lambda d, f=fw: timed(
                [str(BIN / "fwscaffold"), "new", f, "x", "--no-input", "-o", str(d)], d
            ),
        )
        theirs = sample(
            runs,
            lambda d, f=fw: timed(
                [
                    str(BIN / "cookiecutter"),
                    str(REPO / "templates" / f),
                    "--no-input",
                    "-o",
                    str(d),
                    "project_slug=x",
                ],
                d,
            ),
        )
        print(row(fw, ours, theirs, "<= 0.80x"))


def _plain_path(fw: str, tmp: Path) -> float:
    start = time.perf_counter()
    timed(
        [
            str(BIN / "cookiecutter"),
            str(REPO / "templates" / fw),
            "--no-input",
            "-o",
            str(tmp),
            "project_slug=x",
        ],
        tmp,
    )
    project = tmp / "x"
    timed([sys.executable, "-m", "venv", ".venv"], project)
    timed(
        [str(project / ".venv/bin/python"), "-m", "pip", "install", "-q", "-e", ".[dev]"], project
    )
    timed([str(project / ".venv/bin/python"), "-m", "pytest", "-q"], project)
    return time.perf_counter() - start


def green(runs: int, frameworks: list[str], plain_runs: int) -> None:
    header(
        "Time to green (new + .venv + install `.[dev]` + tests), warm cache",
        "`fwscaffold new --install`",
        "cookiecutter + venv + pip + pytest",
    )
    for fw in frameworks:
        ours = sample(
            runs,
            lambda d, f=fw: timed(
                [str(BIN / "fwscaffold"), "new", f, "x", "--no-input", "--install", "-o", str(d)], d
            ),
        )
        theirs = sample(plain_runs, lambda d, f=fw: _plain_path(f, d))
        target = "<= 3 s, >= 5x faster" if fw == "flask" else "<= 5 s, >= 5x faster"
        print(row(fw, ours, theirs, target))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--green-runs", type=int, default=3)
    parser.add_argument("--plain-runs", type=int, default=1)
    parser.add_argument("--frameworks", default=",".join(FRAMEWORKS))
    parser.add_argument("--skip-green", action="store_true")
    args = parser.parse_args()
    frameworks = [f for f in args.frameworks.split(",") if f]
    if not (BIN / "fwscaffold").exists() or not shutil.which("uv", path=str(BIN)):
        raise SystemExit(
            "run from the venv where fwscaffold is installed (pip install -e '.[test]')"
        )
    print(f"Python {sys.version.split()[0]}, {args.runs} runs each; seconds")
    startup(args.runs)
    generation(args.runs, frameworks)
    if not args.skip_green:
        green(args.green_runs, frameworks, args.plain_runs)


if __name__ == "__main__":
    main()
