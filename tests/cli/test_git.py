"""`--git` with the real git: the first branch is `main` (where the generated CI runs) and the
author is the user's git identity, or the answers when git knows nobody."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from fwscaffold.cli import cli

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def _git(project, *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=project, capture_output=True, text=True, check=True
    ).stdout.strip()


def _env(tmp_path, config: str) -> dict[str, str]:
    home = tmp_path / "home"
    home.mkdir()
    (home / ".gitconfig").write_text(config, "utf-8")
    return {"HOME": str(home), "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": None}


def test_first_branch_is_main_whatever_git_defaults_to_and_the_user_is_author(runner, tmp_path):
    env = _env(
        tmp_path,
        "[init]\n\tdefaultBranch = master\n[user]\n\tname = Ada Lovelace\n"
        "\temail = ada@example.org\n",
    )
    args = ["new", "flask", "app", "-o", str(tmp_path), "--no-input", "--git"]
    result = runner.invoke(cli, args, env=env)
    assert result.exit_code == 0, result.output
    project = tmp_path / "app"
    assert _git(project, "branch", "--show-current") == "main"
    assert _git(project, "log", "-1", "--format=%an <%ae>") == "Ada Lovelace <ada@example.org>"
    assert _git(project, "status", "--porcelain") == ""
    # The generated workflow runs on pushes to that branch.
    workflow = (project / ".github" / "workflows" / "ci.yml").read_text("utf-8")
    assert "branches: [main]" in workflow
    # The same identity became the project's author.
    assert 'name = "Ada Lovelace"' in (project / "pyproject.toml").read_text("utf-8")


def test_without_a_git_identity_the_answers_name_the_author(runner, tmp_path):
    env = _env(tmp_path, "")
    args = ["new", "flask", "app", "-o", str(tmp_path), "--no-input", "--git"]
    args += ["--set", "author_name=Grace Hopper", "--set", "author_email=grace@example.org"]
    result = runner.invoke(cli, args, env=env)
    assert result.exit_code == 0, result.output
    project = tmp_path / "app"
    assert _git(project, "branch", "--show-current") == "main"
    assert _git(project, "log", "-1", "--format=%an <%ae>") == "Grace Hopper <grace@example.org>"
