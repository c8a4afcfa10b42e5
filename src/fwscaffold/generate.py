"""Bake a project, atomically: into a hidden folder beside the target, then renamed into place.

The only module that imports cookiecutter, and only when a project is really baked. It never
prints. Nothing that existed is overwritten or deleted, and on any failure (a hook error,
Ctrl-C, a full disk) nothing half-made remains.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from fwscaffold import __version__
from fwscaffold.answers import Ask, Render, check_given, check_slug, resolve_context
from fwscaffold.errors import GenerationError, OutputDirError, TargetExistsError
from fwscaffold.frameworks import Framework
from fwscaffold.hooks import load_hook, template_importable


def _default_renderer(framework: Framework) -> Render:
    """Render template defaults in cookiecutter's own Jinja environment (its extensions too)."""
    from cookiecutter.environment import StrictEnvironment
    from cookiecutter.exceptions import CookiecutterException
    from jinja2 import TemplateError

    try:
        with template_importable(framework.path):
            env = StrictEnvironment(
                context={"cookiecutter": framework.raw_context}, keep_trailing_newline=True
            )
    except CookiecutterException as error:
        raise GenerationError(f"the {framework.name} template cannot be loaded: {error}") from None

    def render(raw: Any, context: Mapping[str, Any]) -> Any:
        if not isinstance(raw, str):
            return raw
        try:
            return env.from_string(raw).render(cookiecutter=context)
        except TemplateError as error:
            raise GenerationError(
                f"the {framework.name} template's default {raw!r} failed to render: {error}"
            ) from None

    return render


def _exists_error(target: Path) -> TargetExistsError:
    return TargetExistsError(f"{target} already exists; choose another name or folder.")


def plan_target(output_dir: Path, slug: str) -> Path:
    if output_dir.exists() and not output_dir.is_dir():
        raise OutputDirError(f"output folder {output_dir} is not a folder.")
    target = output_dir / slug
    if target.exists() or target.is_symlink():
        raise _exists_error(target)
    return target


def _make_output_dir(output_dir: Path) -> list[Path]:
    """Create the missing parts of `output_dir`; return them, deepest first, for cleanup."""
    created: list[Path] = []
    missing = output_dir
    while not missing.exists():
        created.append(missing)
        missing = missing.parent
    try:
        output_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        _undo(None, created)
        raise OutputDirError(
            f"cannot create output folder {output_dir}: {error.strerror}."
        ) from None
    return created


def _undo(claimed_target: Path | None, created_dirs: list[Path]) -> None:
    """Remove only what this bake created: the claimed target and new output folders."""
    if claimed_target is not None:
        shutil.rmtree(claimed_target, ignore_errors=True)
    for folder in created_dirs:
        try:
            folder.rmdir()
        except OSError:
            break


def _one_line(error: Exception) -> str:
    """Cookiecutter's messages can carry the whole context; keep what names the problem."""
    cause = getattr(error, "error", None)
    if isinstance(cause, Exception):
        return f"{getattr(error, 'message', error)}: {_one_line(cause)}"
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


def _render(framework: Framework, context: Mapping[str, Any], workdir: Path) -> Path:
    from cookiecutter.exceptions import CookiecutterException
    from cookiecutter.generate import generate_files
    from jinja2 import TemplateError

    with template_importable(framework.path):
        try:
            baked = generate_files(
                repo_dir=framework.path,
                context={"cookiecutter": dict(context)},
                output_dir=workdir,
                accept_hooks=False,
            )
        except (CookiecutterException, TemplateError) as error:
            raise GenerationError(
                f"the {framework.name} template failed to render: {_one_line(error)}"
            ) from None
    project = Path(baked)
    post = load_hook(framework.hooks_dir / "post_gen_project.py")
    try:
        post.finish(project, context)
    except ValueError as error:
        raise GenerationError(f"the post-generation step failed: {error}") from None
    return project


def generate_project(
    framework: Framework,
    slug: str,
    *,
    output_dir: Path,
    given: Mapping[str, str] | None = None,
    ask: Ask | None = None,
    defaults: Mapping[str, str] | None = None,
) -> Path:
    """Bake `framework` as `output_dir/slug` and return that path.

    `given` holds typed values (kept literal); `ask`, if set, is called for every other
    variable with its default (from `defaults`, else the template's rendered one). All checks
    run before anything is written.
    """
    values = {**(given or {}), "project_slug": slug}
    check_slug(framework, slug)
    check_given(framework, values)
    output_dir = output_dir.absolute()
    target = plan_target(output_dir, slug)
    context = resolve_context(
        framework, _default_renderer(framework), values, ask, __version__, defaults
    )

    created_dirs = _make_output_dir(output_dir)
    workdir: Path | None = None
    claimed = done = False
    try:
        # Claim the name first: mkdir fails if it exists, so a folder that appeared meanwhile
        # is never replaced. The empty folder is swapped for the finished project at the end.
        target.mkdir()
        claimed = True
        workdir = Path(tempfile.mkdtemp(prefix=f".{slug}-", dir=output_dir))
        os.replace(_render(framework, context, workdir), target)
        done = True
    except FileExistsError:
        raise _exists_error(target) from None
    except OSError as error:
        raise OutputDirError(f"cannot write to {output_dir}: {error.strerror}.") from None
    finally:
        if workdir is not None:
            shutil.rmtree(workdir, ignore_errors=True)
        if not done:
            _undo(target if claimed else None, created_dirs)
    return target
