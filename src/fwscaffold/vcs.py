"""`--git`: start the project's history with one commit."""

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


def init_repository(project: Path, *, author_name: str, author_email: str) -> None:
    """`git init` and a first commit; the answers name the author when git knows nobody."""
    if shutil.which("git") is None:
        raise GitError("git is not installed, so --git was skipped; the project itself is ready.")
    identity: list[str] = []
    if not _git(project, "config", "user.email").stdout.strip():
        identity = ["-c", f"user.name={author_name}", "-c", f"user.email={author_email}"]
    steps = {
        "init": ("init", "--quiet"),
        "add": ("add", "--all"),
        "commit": (*identity, "commit", "--quiet", "--message", "Initial commit from fwscaffold"),
    }
    for step, args in steps.items():
        result = _git(project, *args)
        if result.returncode != 0:
            detail = (result.stderr or result.stdout).strip().splitlines()
            raise GitError(f"git {step} failed: {detail[-1] if detail else 'no output'}")
