"""Which template made a project, and where to find it again: the installed one or an archive.

A template is named by its fingerprint (`template_fingerprint` in the template's own
local_extensions.py, recorded in `.fwscaffold.json`). Released templates are kept as
`template_history/<framework>/<hex>.tar.gz` inside the package (`scripts/archive_templates.py`
writes them), so `fwscaffold update` rebuilds a project's base render offline, without the
fwscaffold that made it.
"""

from __future__ import annotations

import io
import tarfile
from pathlib import Path

from fwscaffold.errors import FwscaffoldError
from fwscaffold.frameworks import Framework, load_frameworks
from fwscaffold.hooks import load_hook

HISTORY_DIR = Path(__file__).resolve().parent / "template_history"
SKIPPED = ("__pycache__",)


class UnknownTemplateError(FwscaffoldError):
    """The template that made the project is neither installed nor in the history."""


def fingerprint(template_dir: Path) -> str:
    """The template's own fingerprint function, so templates and fwscaffold agree by design."""
    extensions = load_hook(template_dir / "local_extensions.py")
    result: str = extensions.template_fingerprint(template_dir)
    return result


def _archive_name(framework: str, print_: str) -> str:
    return f"{framework}/{print_.partition(':')[2]}.tar.gz"


def _files(template_dir: Path) -> list[Path]:
    return sorted(
        path
        for path in template_dir.rglob("*")
        if path.is_file()
        and not any(part in SKIPPED for part in path.parts)
        and path.suffix != ".pyc"
    )


def archive_template(template_dir: Path, history: Path) -> Path:
    """Store a template in `history` under its fingerprint; reproducible bytes (no dates)."""
    name = _archive_name(template_dir.name, fingerprint(template_dir))
    target = history / name
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w") as tar:
        for path in _files(template_dir):
            info = tarfile.TarInfo(path.relative_to(template_dir).as_posix())
            info.size = path.stat().st_size
            info.mode = 0o755 if path.stat().st_mode & 0o100 else 0o644
            with path.open("rb") as file:
                tar.addfile(info, file)
    import gzip

    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(gzip.compress(buffer.getvalue(), mtime=0))
    return target


def find_template(
    framework: str, print_: str, *, templates_root: Path | None, history: Path, workdir: Path
) -> Framework:
    """The template with fingerprint `print_`: the installed one, else one from the history
    (extracted into `workdir`)."""
    current = load_frameworks(templates_root).get(framework)
    if current is not None and fingerprint(current.path) == print_:
        return current
    archive = history / _archive_name(framework, print_)
    if not archive.is_file():
        raise UnknownTemplateError(
            f"the {framework} template that made this project ({print_[:19]}...) is neither "
            "the installed one nor in this fwscaffold's template history; update with the "
            "fwscaffold release that made it, or see docs/UPDATE.md."
        )
    root = workdir / "base-template"
    with tarfile.open(archive, "r:gz") as tar:
        tar.extractall(root / framework, filter="data")
    return load_frameworks(root)[framework]
