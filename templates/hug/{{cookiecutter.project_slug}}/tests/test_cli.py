"""The same functions on the command line (`hug.test.cli`) and called from Python
(`@hug.local()`): one function, three interfaces."""

from __future__ import annotations

import json
import sys
from importlib.metadata import entry_points

import hug
import pytest

from {{ cookiecutter.package_name }} import notes

pytestmark = pytest.mark.usefixtures("notes_db")


def test_add_list_show_and_delete_from_the_command_line():
    note = hug.test.cli(
        "add", '{"title": " From the shell ", "body": "hi"}', module=notes
    )
    assert (note["title"], note["body"]) == ("From the shell", "hi")
    page = hug.test.cli("list", module=notes, limit=5)
    assert page["notes"] == [note]
    assert page["next_offset"] is None
    assert hug.test.cli("show", str(note["id"]), module=notes) == note
    hug.test.cli("delete", str(note["id"]), module=notes)
    assert hug.test.cli("list", module=notes)["notes"] == []


@pytest.fixture
def cli_outputs():
    """hug.test.cli swaps each command's output for a collector, and leaves it in place
    when the command exits (argparse's SystemExit): put the real ones back."""
    commands = notes.api.cli.commands
    saved = {name: command.outputs for name, command in commands.items()}
    yield
    for name, outputs in saved.items():
        commands[name].outputs = outputs


@pytest.mark.usefixtures("cli_outputs")
def test_the_command_line_validates_like_http(capsys):
    with pytest.raises(SystemExit) as exit_info:
        hug.test.cli("add", '{"title": "   ", "body": 7}', module=notes)
    assert exit_info.value.code == 2
    error = capsys.readouterr().err
    assert "must not be blank" in error
    assert "Not a valid string" in error
    with pytest.raises(SystemExit):
        hug.test.cli("list", module=notes, limit="0")
    assert "argument -l/--limit" in capsys.readouterr().err
    assert notes.list_notes()["notes"] == []


def test_local_calls_validate_and_fill_in_the_store():
    note = notes.add_note({"title": "local", "body": ""})
    assert notes.get_note(str(note["id"])) == note
    page = notes.list_notes(limit="1")
    assert page == {"notes": [note], "limit": 1, "next_offset": None}
    invalid = notes.list_notes(limit="0")
    assert set(invalid["errors"]) == {"limit"}
    notes.delete_note(note["id"])
    assert notes.list_notes()["notes"] == []


def test_the_notes_command_is_hugs_cli(monkeypatch, capsysbinary):
    # pyproject.toml's [project.scripts]: the `notes` command calls `api.cli()`.
    (command,) = entry_points(group="console_scripts", name="notes")
    assert command.value == "{{ cookiecutter.package_name }}.notes:api.cli"
    monkeypatch.setattr(sys, "argv", ["notes", "add", '{"title": "shell"}'])
    command.load()()
    # hug's CLI writes its output format's bytes to stdout.
    assert json.loads(capsysbinary.readouterr().out)["title"] == "shell"
