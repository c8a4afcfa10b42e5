"""The nine merge rules of `fwscaffold update` for one file (docs/UPDATE.md), and the line
merge itself, which is git's (`git merge-file`), not a hand-written diff."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from fwscaffold.errors import FwscaffoldError


@dataclass(frozen=True)
class Change:
    """One file's outcome. `content` is what the file will hold (None: removed or untouched)."""

    path: str
    action: str  # updated, merged, added, removed, conflict, kept
    content: bytes | None = None
    writes: bool = True
    note: str = ""


def is_binary(*contents: bytes | None) -> bool:
    for data in contents:
        if data is None:
            continue
        if b"\0" in data:
            return True
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            return True
    return False


def _merge_text(ours: bytes, base: bytes, theirs: bytes, workdir: Path) -> tuple[bytes, bool]:
    """`git merge-file`: a real three-way line merge; True when conflicts remain."""
    paths = []
    for name, data in (("ours", ours), ("base", base), ("theirs", theirs)):
        path = workdir / f"merge-{name}"
        path.write_bytes(data)
        paths.append(str(path))
    labels = ["-L", "yours", "-L", "base", "-L", "template"]
    result = subprocess.run(  # noqa: S603 (fixed arguments and our own scratch files)
        ["git", "merge-file", "-p", *labels, *paths],  # noqa: S607
        capture_output=True,
        check=False,
    )
    if not 0 <= result.returncode < 128:
        error = result.stderr.decode(errors="replace").strip()
        raise FwscaffoldError(f"git merge-file failed: {error}")
    return result.stdout, result.returncode > 0


def decide(
    path: str, base: bytes | None, theirs: bytes | None, ours: bytes | None, workdir: Path
) -> Change | None:
    """The nine rules (docs/UPDATE.md), for one file the template made or makes."""
    if base == theirs or ours == theirs:
        if ours is None and base is not None and base != theirs:
            return Change(path, "kept", writes=False, note="you deleted it; left deleted")
        return None  # rules 2, 7 and 8: the template did not change it, or it already matches
    if theirs is None:  # rule 6: the template removed it
        if ours is None:
            return None
        if ours == base:
            return Change(path, "removed")
        return Change(path, "kept", writes=False, note="the template removed it; you changed it")
    if base is not None and ours is None:  # rule 7
        return Change(path, "kept", writes=False, note="you deleted it; left deleted")
    if ours is None:  # rule 5: a new file
        return Change(path, "added", theirs)
    if ours == base:  # rule 1
        return Change(path, "updated", theirs)
    if is_binary(base, theirs, ours):  # rule 9: never merged; keep the user's copy
        return Change(path, "conflict", writes=False, note="binary: kept your copy")
    merged, conflicted = _merge_text(ours, base or b"", theirs, workdir)  # rules 3, 4 and 5
    if conflicted:
        return Change(path, "conflict", merged)
    return Change(path, "merged", merged)
