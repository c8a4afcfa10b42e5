"""Bring a generated project up to the installed template: a three-way merge per file.

BASE is the template that made the project (or last updated it) rendered with the recorded
answers and seed, THEIRS the installed template with the same answers, OURS the project now.
The rules are in docs/UPDATE.md. Nothing is written until every file is merged and staged;
then the staged files are moved into place, and undone on any failure or Ctrl-C. Never prints.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fwscaffold import __version__, template_history
from fwscaffold.answers import Ask, check_given, resolve_context
from fwscaffold.errors import FwscaffoldError, UsageError
from fwscaffold.frameworks import Framework, get_framework
from fwscaffold.generate import _default_renderer, _render
from fwscaffold.merge import Change, decide, is_binary

PROVENANCE = ".fwscaffold.json"
# What identifies a render; the generator's name and version alone are not a change.
RENDER_KEYS = ("framework", "answers", "template")
SCRATCH_PREFIX = ".fwscaffold-update-"


class NotAProjectError(UsageError):
    pass


class DirtyTreeError(FwscaffoldError):
    pass


class MergeConflictError(FwscaffoldError):
    pass


@dataclass(frozen=True)
class Plan:
    project: Path
    framework: str
    changes: tuple[Change, ...]

    @property
    def writes(self) -> list[Change]:
        return [change for change in self.changes if change.writes]

    @property
    def conflicts(self) -> list[str]:
        return [change.path for change in self.changes if change.action == "conflict"]


def read_provenance(project: Path) -> dict[str, Any]:
    try:
        data = json.loads((project / PROVENANCE).read_text("utf-8"))
    except (OSError, ValueError):
        data = None
    if not isinstance(data, dict) or not isinstance(data.get("answers"), dict):
        raise NotAProjectError(f"{project} is not a fwscaffold project (no valid {PROVENANCE}).")
    return data


def check_clean(project: Path, *, allow_dirty: bool) -> None:
    """Refuse a git working tree with uncommitted changes, so git can undo the update."""
    if shutil.which("git") is None:
        raise FwscaffoldError("git is not installed; update needs it to merge (git merge-file).")
    if allow_dirty:
        return
    status = subprocess.run(
        ["git", "status", "--porcelain", "--", "."],  # noqa: S607
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
    )
    if status.returncode == 0 and status.stdout.strip():
        raise DirtyTreeError(
            f"{project} has uncommitted changes; commit or stash them first (so the update can "
            "be undone with git), or pass --allow-dirty."
        )


@contextmanager
def scratch(project: Path, *, inside: bool) -> Iterator[Path]:
    """A private folder for renders and staging; inside the project when files will be moved
    into place (same file system), else in the system's temporary folder."""
    folder = Path(tempfile.mkdtemp(prefix=SCRATCH_PREFIX, dir=project if inside else None))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _render_project(
    framework: Framework, answers: Mapping[str, str], version: str, ask: Ask | None, workdir: Path
) -> Path:
    """Render `framework` as `new` would; the answers hold `project_seed`, so the development
    secrets come out the same as in the project."""
    context = resolve_context(framework, _default_renderer(framework), answers, ask, version)
    workdir.mkdir(parents=True)
    return _render(framework, context, workdir)


def _files(root: Path) -> dict[str, bytes]:
    """Every file of a render by relative path; the provenance file is recorded, not merged."""
    files = {}
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root).as_posix()
        if path.is_file() and relative != PROVENANCE:
            files[relative] = path.read_bytes()
    return files


def plan_update(
    project: Path,
    *,
    workdir: Path,
    sets: Mapping[str, str] | None = None,
    ask: Ask | None = None,
    templates_root: Path | None = None,
    history: Path | None = None,
) -> Plan:
    """Work out every file's outcome; read the project, write only into `workdir`."""
    record = read_provenance(project)
    name = str(record.get("framework"))
    framework = get_framework(name, templates_root)
    sets = dict(sets or {})
    if "project_slug" in sets:
        raise UsageError("the project slug is the folder's name; it cannot be changed by update.")
    check_given(framework, sets)
    print_ = record.get("template")
    answers = {key: str(value) for key, value in record["answers"].items()}
    if "project_seed" not in answers or not isinstance(print_, str):
        raise FwscaffoldError(
            f"{PROVENANCE} records no seed or template fingerprint (made before fwscaffold "
            "0.1.0), so the base render cannot be rebuilt; see docs/UPDATE.md."
        )
    base_framework = template_history.find_template(
        name,
        print_,
        templates_root=templates_root,
        history=history or template_history.HISTORY_DIR,
        workdir=workdir,
    )
    base_dir = _render_project(
        base_framework,
        {k: v for k, v in answers.items() if base_framework.variable(k)},
        record.get("fwscaffold_version") or "",
        None,
        workdir / "base",
    )
    given = {k: v for k, v in answers.items() if framework.variable(k)} | sets
    theirs_dir = _render_project(framework, given, __version__, ask, workdir / "theirs")
    base, theirs = _files(base_dir), _files(theirs_dir)
    changes = []
    root = project.resolve()
    for path in sorted(set(base) | set(theirs)):
        target = project / path
        if not _plain_file_or_absent(target, root):
            if base.get(path) != theirs.get(path):  # a link or folder of yours: never followed
                changes.append(Change(path, "kept", writes=False, note="not a regular file"))
            continue
        ours = target.read_bytes() if target.is_file() else None
        change = decide(path, base.get(path), theirs.get(path), ours, workdir)
        if change is not None:
            changes.append(change)
    new_record = json.loads((theirs_dir / PROVENANCE).read_text("utf-8"))
    if any(new_record.get(key) != record.get(key) for key in RENDER_KEYS):
        changes.append(Change(PROVENANCE, "recorded", (theirs_dir / PROVENANCE).read_bytes()))
    return Plan(project, name, tuple(changes))


def _plain_file_or_absent(target: Path, root: Path) -> bool:
    """True for a regular file, or nothing, inside the project (no symbolic link on the way)."""
    if target.is_symlink() or (target.exists() and not target.is_file()):
        return False
    parent = target.parent
    while not parent.exists():
        parent = parent.parent
    return parent.resolve() == root or root in parent.resolve().parents


def apply_plan(plan: Plan, workdir: Path) -> None:
    """Stage every new file, then move them into place; on any failure (Ctrl-C too) put
    back every file as it was."""
    staged = workdir / "staged"
    backup = workdir / "backup"
    staged.mkdir()
    backup.mkdir()
    moves = []
    for number, change in enumerate(plan.writes):
        target = plan.project / change.path
        source = None
        if change.content is not None:
            source = staged / str(number)
            source.write_bytes(change.content)
            if target.is_file():
                shutil.copymode(target, source)
        moves.append((number, target, source))
    done: list[tuple[Path, Path | None, list[Path]]] = []
    try:
        for number, target, source in moves:
            saved = None
            if target.exists():
                saved = backup / str(number)
                os.replace(target, saved)
            created = _make_parents(target.parent, plan.project)
            done.append((target, saved, created))
            if source is not None:
                os.replace(source, target)
    except OSError as error:
        _undo(done)
        raise FwscaffoldError(
            f"cannot write {error.filename or plan.project}: {error.strerror}; "
            "every file was put back as it was."
        ) from None
    except BaseException:
        _undo(done)
        raise
    for change in plan.writes:
        if change.content is None:
            _prune_empty(plan.project / change.path, plan.project)


def _undo(done: list[tuple[Path, Path | None, list[Path]]]) -> None:
    for target, saved, created in reversed(done):
        if saved is not None:
            os.replace(saved, target)
        elif target.exists():
            target.unlink()
        for folder in created:
            folder.rmdir()


def _make_parents(folder: Path, root: Path) -> list[Path]:
    """Create missing folders up to `root`; return them, deepest first, for undoing."""
    created = []
    while not folder.exists() and folder != root:
        created.append(folder)
        folder = folder.parent
    for path in reversed(created):
        path.mkdir()
    return created


def _prune_empty(removed: Path, root: Path) -> None:
    folder = removed.parent
    while folder != root and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent


def unified_diff(plan: Plan) -> str:
    """What the update would write, as `git diff` shows it (a/ and b/ paths)."""
    import difflib

    out = []
    for change in plan.writes:
        target = plan.project / change.path
        old = target.read_bytes() if target.is_file() else b""
        new = change.content or b""
        if is_binary(old, new):
            out.append(f"Binary files a/{change.path} and b/{change.path} differ\n")
            continue
        lines = difflib.unified_diff(
            old.decode().splitlines(keepends=True),
            new.decode().splitlines(keepends=True),
            fromfile=f"a/{change.path}" if target.is_file() else "/dev/null",
            tofile=f"b/{change.path}" if change.content is not None else "/dev/null",
        )
        out += [
            line if line.endswith("\n") else line + "\n\\ No newline at end of file\n"
            for line in lines
        ]
    return "".join(out)
