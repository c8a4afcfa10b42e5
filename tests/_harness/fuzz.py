"""Schemathesis against a served starter, driven by docs/notes-api.yaml (contract §7.6).

Every check, every phase (the stateful one follows the document's links: POST 201 -> GET,
HEAD and DELETE by id), a fixed seed, a bounded number of examples, one worker and no example
database, so two runs against the same server send the same requests. On failure the message
holds the exact command (with `$API_TOKEN` in place of the token) so a developer can rerun it
against their own server.
"""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SPEC = REPO / "docs" / "notes-api.yaml"
SEED = 20261201
MAX_EXAMPLES = 12
PHASES = "examples,coverage,fuzzing,stateful"


def command(base_url: str, token: str, *, seed: int = SEED) -> list[str]:
    st = Path(sys.executable).parent / "st"
    return [
        str(st),
        "run",
        str(SPEC),
        "--url",
        base_url,
        "--header",
        f"Authorization: Bearer {token}",
        # as on every harness request: production sits behind a TLS proxy (docs/TEMPLATES.md)
        "--header",
        "X-Forwarded-Proto: https",
        "--checks",
        "all",
        "--phases",
        PHASES,
        "--seed",
        str(seed),
        "--max-examples",
        str(MAX_EXAMPLES),
        "--workers",
        "1",
        "--generation-database",
        "none",
        "--request-timeout",
        "10",
        "--no-color",
    ]


def run_schemathesis(base_url: str, token: str, timeout: float = 240) -> str:
    """Run it; raise AssertionError with the reproduction command and its report on failure."""
    argv = command(base_url, token)
    shown = shlex.join(["st", "run", str(SPEC.relative_to(REPO)), *argv[3:]])
    shown = shown.replace(
        shlex.quote(f"Authorization: Bearer {token}"), '"Authorization: Bearer $API_TOKEN"'
    )
    with tempfile.TemporaryDirectory() as work:  # schemathesis writes .schemathesis/ in its cwd
        try:
            result = subprocess.run(
                argv, cwd=work, capture_output=True, text=True, timeout=timeout, check=False
            )
        except subprocess.TimeoutExpired:
            raise AssertionError(f"schemathesis ran over {timeout:g} s: {shown}") from None
    output = result.stdout + result.stderr
    skipped = [p for p in PHASES.split(",") if not re.search(rf"✅ +{p} \(in", output, re.I)]
    if result.returncode == 0 and skipped:
        raise AssertionError(
            f"schemathesis did not run its {', '.join(skipped)} phase(s) (a broken link or "
            f"schema in {SPEC.name}?): {shown}\n{output[-3000:]}"
        )
    if result.returncode != 0:
        raise AssertionError(
            f"schemathesis found failures (exit {result.returncode}, seed {SEED}).\n"
            f"Reproduce from the repository root against the served starter:\n  {shown}\n"
            f"{_failures(output)}"
        )
    return output


def _failures(output: str, limit: int = 12000) -> str:
    """The report from its first failure section on, cut to what a CI log can show."""
    start = output.find("FAILURES")
    text = output[start:] if start >= 0 else output
    return text if len(text) <= limit else text[: limit - 1500] + "\n[...]\n" + text[-1500:]
