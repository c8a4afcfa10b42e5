from __future__ import annotations

import subprocess
import sys

from fwscaffold import __version__
from fwscaffold.cli import cli


def test_version(runner):
    result = runner.invoke(cli, ["--version"])
    assert result.exit_code == 0
    assert result.output == f"fwscaffold, version {__version__}\n"


def test_short_help_lists_commands(runner):
    result = runner.invoke(cli, ["-h"])
    assert result.exit_code == 0
    for command in ("new", "list", "info"):
        assert command in result.output


def test_new_help_documents_every_option(runner):
    result = runner.invoke(cli, ["new", "--help"])
    assert result.exit_code == 0
    for option in ("--output-dir", "--set", "--no-input", "--install", "--git"):
        assert option in result.output


def test_python_dash_m_runs_the_same_cli():
    result = subprocess.run(
        [sys.executable, "-m", "fwscaffold", "--version"], capture_output=True, text=True
    )
    assert result.returncode == 0
    assert result.stdout.strip() == f"fwscaffold, version {__version__}"


def test_unknown_command_is_one_error_line(runner):
    result = runner.invoke(cli, ["frobnicate"])
    assert result.exit_code == 2
    assert result.stderr == ("Error: No such command 'frobnicate'. See 'fwscaffold --help'.\n")


def test_missing_name_is_a_usage_error(runner):
    result = runner.invoke(cli, ["new", "flask"])
    assert result.exit_code == 2
    assert result.stderr == "Error: Missing argument 'NAME'. See 'fwscaffold new --help'.\n"


def test_shell_completion_offers_frameworks(runner, frameworks):
    env = {
        "_FWSCAFFOLD_COMPLETE": "bash_complete",
        "COMP_WORDS": "fwscaffold new ",
        "COMP_CWORD": "2",
    }
    result = runner.invoke(cli, [], env=env, prog_name="fwscaffold")
    assert result.exit_code == 0
    offered = {line.split(",")[1] for line in result.output.splitlines() if "," in line}
    assert offered == set(frameworks)
