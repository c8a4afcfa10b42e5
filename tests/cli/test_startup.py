"""`--help`, `list` and `info` must not import the heavy modules that only `new` (and
`compare`'s code and HTML) need."""

from __future__ import annotations

import subprocess
import sys

import pytest

HEAVY = ("cookiecutter", "jinja2", "rich", "requests", "arrow", "binaryornot", "pygments")
# Not heavy, but about 15 ms of a start-up budget near Click's own floor (see frameworks.py).
AVOIDABLE = ("pathlib", "dataclasses")

PROBE = """
import sys
from fwscaffold.cli import cli
try:
    cli.main(args={args!r}, prog_name="fwscaffold")
except SystemExit as exit:
    assert exit.code == 0, exit.code
heavy = sorted(m for m in sys.modules if m.split(".")[0] in {heavy!r})
print(",".join(heavy))
"""


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["list"],
        ["info", "flask"],
        ["--version"],
        ["compare", "--help"],
        ["update", "--help"],
    ],
    ids=" ".join,
)
def test_light_commands_import_nothing_heavy(args):
    code = PROBE.format(args=args, heavy=set(HEAVY) | set(AVOIDABLE))
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "", f"imported: {result.stdout.splitlines()[-1]}"
