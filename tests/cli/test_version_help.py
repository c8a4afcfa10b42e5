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


def test_no_arguments_prints_help_and_exits_0(runner):
    result = runner.invoke(cli, [])
    assert result.exit_code == 0
    assert result.stderr == ""
    assert result.stdout.startswith("Usage: fwscaffold [OPTIONS] COMMAND [ARGS]...")
    assert "Commands:" in result.stdout


def test_help_shows_each_commands_whole_summary(runner):
    result = runner.invoke(cli, ["--help"], terminal_width=80)
    for name, command in cli.commands.items():
        summary = command.short_help
        assert summary and not summary.endswith("..."), name
        assert f"  {name}" in result.stdout
        assert summary in result.stdout, f"{name}: summary cut in --help:\n{result.stdout}"


def _complete(runner, words: str) -> list[str]:
    env = {
        "_FWSCAFFOLD_COMPLETE": "bash_complete",
        "COMP_WORDS": words,
        "COMP_CWORD": str(len(words.split(" ")) - 1),
    }
    result = runner.invoke(cli, [], env=env, prog_name="fwscaffold")
    assert result.exit_code == 0
    return [line.split(",", 1)[1] for line in result.output.splitlines() if "," in line]


def test_completion_offers_variables_after_set(runner, frameworks):
    offered = _complete(runner, "fwscaffold new falcon app --set ")
    names = {v.name for v in frameworks["falcon"].variables} - {"project_slug"}
    assert set(offered) == {f"{name}=" for name in names}
    assert _complete(runner, "fwscaffold new falcon app --set inc") == ["include_example="]


def test_completion_offers_choices_after_key_equals(runner):
    assert _complete(runner, "fwscaffold new falcon app --set interface=") == [
        "interface=wsgi",
        "interface=asgi",
    ]
    assert _complete(runner, "fwscaffold new falcon app --set interface=a") == ["interface=asgi"]
    assert _complete(runner, "fwscaffold new falcon app --set description=") == []
