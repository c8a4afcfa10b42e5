"""Fixtures shared by every tier: the CLI runner and the template registry."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from fwscaffold.frameworks import Framework, load_frameworks

REPO = Path(__file__).resolve().parent.parent
TEMPLATES = REPO / "templates"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(scope="session")
def frameworks() -> dict[str, Framework]:
    return load_frameworks(TEMPLATES)


def snapshot(root: Path) -> dict[str, bytes | None]:
    """Every path under `root` with its content (None for folders), to prove nothing changed."""
    return {
        str(p.relative_to(root)): (None if p.is_dir() else p.read_bytes())
        for p in sorted(root.rglob("*"))
    }


def pytest_collection_modifyitems(config, items):
    """Under pytest-xdist (`--dist loadgroup`), tier 3 runs each framework's tests on one
    worker: the session bakery there makes each variant's venv once, and a framework's fixed
    ports (its development server, dash_duo's 8050 inside Dash's own tests) see one user."""
    for item in items:
        variant = getattr(getattr(item, "callspec", None), "params", {}).get("variant")
        if "generated" in item.path.parts and hasattr(variant, "framework"):
            item.add_marker(pytest.mark.xdist_group(variant.framework))


def pytest_sessionfinish(session):
    """On an xdist worker: hand its timing and coverage tables to the controller."""
    from tests._harness.fixtures import COVERAGE, TIMINGS

    if hasattr(session.config, "workeroutput"):
        session.config.workeroutput["fwscaffold"] = json.dumps(
            {"timings": TIMINGS, "coverage": COVERAGE}
        )


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error):
    """On the xdist controller: add a finished worker's tables to the ones printed below."""
    from tests._harness.fixtures import COVERAGE, TIMINGS

    sent = json.loads(getattr(node, "workeroutput", {}).get("fwscaffold", "{}"))
    for framework, phases in sent.get("timings", {}).items():
        for phase, seconds in phases.items():
            TIMINGS[framework][phase] += seconds
    COVERAGE.update(sent.get("coverage", {}))


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    """A per-template timing table, so the slow parts of the harness are visible."""
    from tests._harness.fixtures import COVERAGE, TIMINGS

    if COVERAGE:
        terminalreporter.section("generated projects: branch coverage of their own tests")
        for variant_id, percent in sorted(COVERAGE.items()):
            terminalreporter.write_line(
                f"{variant_id:<36}{percent:>7.1f}%"
                if percent is not None
                else f"{variant_id:<36}   none"
            )
    if not TIMINGS:
        return
    phases = sorted({phase for row in TIMINGS.values() for phase in row})
    terminalreporter.section("seconds per template")
    terminalreporter.write_line(
        f"{'template':<10}" + "".join(f"{p:>11}" for p in phases) + f"{'total':>9}"
    )
    for framework, row in sorted(TIMINGS.items()):
        cells = "".join(f"{row.get(p, 0.0):>11.1f}" for p in phases)
        terminalreporter.write_line(f"{framework:<10}{cells}{sum(row.values()):>9.1f}")
