"""`--git`: start the project's history with one commit; the author defaults from git."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from fwscaffold.errors import GitError


def _git(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    git = shutil.which("git") or "git"
    return subprocess.run(  # noqa: S603 - fixed argv, no shell
        [git, *args], cwd=project, capture_output=True, text=True, check=False
    )


def git_identity() -> dict[str, str]:
    """The user's `git config user.name`/`user.email` as author answers (empty without git)."""
    if shutil.which("git") is None:
        return {}
    found = {}
    for answer, key in (("author_name", "user.name"), ("author_email", "user.email")):
        value = _git(Path.cwd(), "config", "--get", key).stdout.strip()
        if value:
            found[answer] = value
    return found


def init_repository(project: Path, *, author_name: str, author_email: str) -> None:
    """`git init` on `main` and a first commit; the answers name the author when git knows
    nobody. `main` whatever `init.defaultBranch` says: the generated CI runs on pushes to it."""
    if shutil.which("git") is None:
        raise GitError("git is not installed, so --git was skipped; the project itself is ready.")
    identity: list[str] = []
    if not _git(project, "config", "user.email").stdout.strip():
        identity = ["-c", f"user.name={author_name}", "-c", f"user.email={author_email}"]
    steps = {
        "init": ("init", "--quiet"),
        # symbolic-ref rather than `init --initial-branch`, which git before 2.28 lacks
        "branch": ("symbolic-ref", "HEAD", "refs/heads/main"),
        "add": ("add", "--all"),
        "commit": (*identity, "commit", "--quiet", "--message", "Initial commit from fwscaffold"),
    }
    for step, args in steps.items():
        result = _git(project, *args)
        if result.returncode != 0:
            detail = (result.stderr or result.stdout).strip().splitlines()
            raise GitError(f"git {step} failed: {detail[-1] if detail else 'no output'}")
