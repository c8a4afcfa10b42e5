"""Prompting through a real pseudo-terminal (pexpect), as a user at a terminal meets it."""

from __future__ import annotations

import json
import os
import sys

import pexpect
import pytest

from ..conftest import snapshot

TIMEOUT = 20


@pytest.fixture
def git_home(tmp_path):
    """A HOME whose git config names a user, so the author defaults come from it."""
    home = tmp_path / "home"
    home.mkdir()
    (home / ".gitconfig").write_text(
        "[user]\n\tname = Ada Lovelace\n\temail = ada@example.org\n", "utf-8"
    )
    return home


def _spawn(args: list[str], cwd, home) -> pexpect.spawn:
    env = {**os.environ, "HOME": str(home), "GIT_CONFIG_NOSYSTEM": "1", "COLUMNS": "200"}
    env.pop("GIT_CONFIG_GLOBAL", None)
    return pexpect.spawn(
        sys.executable,
        ["-m", "fwscaffold", *args],
        cwd=str(cwd),
        env=env,
        encoding="utf-8",
        timeout=TIMEOUT,
    )


def _answer_defaults_until(child: pexpect.spawn, pattern: str) -> None:
    """Press Enter at every prompt until `pattern` shows up."""
    while child.expect([pattern, r"\]: "]) == 1:
        child.sendline("")


def _answer_defaults_until_created(child: pexpect.spawn) -> None:
    _answer_defaults_until(child, "Created ")


def test_a_bad_answer_is_refused_at_once_and_asked_again(tmp_path, git_home):
    child = _spawn(["new", "flask", "app"], tmp_path, git_home)
    child.expect(r"Human-readable project name \[App\]: ")
    child.sendline("")
    child.expect(r"Python import package name \[app\]: ")
    child.sendline("class")
    child.expect(r"Error: package_name 'class' is a Python keyword\.\r\n")
    # Asked again straight away, before any other question.
    child.expect(r"Python import package name \[app\]: ")
    child.sendline("my_pkg")
    child.expect(r"One-line description \[.*\]: ")
    child.sendline("bad\x1b[31m")
    child.expect(r"Error: description must be printable text on one line")
    child.expect(r"One-line description \[.*\]: ")
    child.sendline("")
    _answer_defaults_until_created(child)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    answers = json.loads((tmp_path / "app" / ".fwscaffold.json").read_text())["answers"]
    assert answers["package_name"] == "my_pkg"
    assert (tmp_path / "app" / "my_pkg" / "__init__.py").is_file()


def test_author_defaults_come_from_git_config_and_show_in_the_prompt(tmp_path, git_home):
    child = _spawn(["new", "flask", "app"], tmp_path, git_home)
    _answer_defaults_until(child, r"Author name \[Ada Lovelace\]: ")
    child.sendline("")
    child.expect(r"Author email \[ada@example\.org\]: ")
    child.sendline("")
    _answer_defaults_until_created(child)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    answers = json.loads((tmp_path / "app" / ".fwscaffold.json").read_text())["answers"]
    assert (answers["author_name"], answers["author_email"]) == ("Ada Lovelace", "ada@example.org")


def test_ctrl_c_at_a_prompt_exits_130_and_writes_nothing(tmp_path, git_home):
    work = tmp_path / "work"
    work.mkdir()
    child = _spawn(["new", "flask", "app"], work, git_home)
    child.expect(r"Human-readable project name \[App\]: ")
    child.sendintr()
    child.expect(r"Error: interrupted at a prompt; nothing was written\.")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert snapshot(work) == {}


@pytest.mark.slow
def test_ctrl_c_during_install_keeps_the_project_and_says_how_to_finish(tmp_path, git_home):
    child = _spawn(["new", "flask", "app", "--no-input", "--install"], tmp_path, git_home)
    child.expect("Created ")
    # The live status line names each step; interrupt once the install has started.
    child.expect(r"(creating \.venv|installing the project|running the project's tests)")
    child.sendintr()
    child.expect(r"Error: interrupted; the project \S+ is complete and was kept")
    child.expect("To finish:")
    child.expect(pexpect.EOF)
    output = child.before
    child.close()
    assert child.exitstatus == 130
    assert "nothing was left behind" not in output
    assert "rm -rf .venv" in output or "pip install" in output
    assert (tmp_path / "app" / "pyproject.toml").is_file()
    assert (tmp_path / "app" / "app" / "__init__.py").is_file()
