"""The command line: arguments, prompts and output, and the one place errors become messages.

Heavy modules (cookiecutter, Jinja) load only inside `new`, so `--help`, `list` and `info`
start fast.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NoReturn

import click

from fwscaffold import __version__
from fwscaffold.errors import FwscaffoldError, GitError, InterruptedByUserError
from fwscaffold.frameworks import (
    Alias,
    Framework,
    Variable,
    aliases,
    get_framework,
    load_frameworks,
    resolve_framework,
)

if TYPE_CHECKING:
    from pathlib import Path

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def _fail(message: str, code: int) -> NoReturn:
    click.echo(f"Error: {message}", err=True)
    sys.exit(code)


class FwscaffoldGroup(click.Group):
    """Turns every error a user can cause into one `Error:` line and its exit code."""

    def main(self, *args: Any, **kwargs: Any) -> NoReturn:
        kwargs["standalone_mode"] = False
        try:
            result = super().main(*args, **kwargs)
        except FwscaffoldError as error:
            _fail(str(error), error.exit_code)
        except click.exceptions.NoArgsIsHelpError as error:
            # `fwscaffold` alone asks for help, not an error: print it, exit 0.
            click.echo(error.ctx.get_help())
            sys.exit(0)
        except click.ClickException as error:
            ctx = getattr(error, "ctx", None)
            hint = f" See '{ctx.command_path} --help'." if ctx else ""
            _fail(f"{error.format_message()}{hint}", error.exit_code)
        except click.Abort:
            # Click turns Ctrl-C (and Ctrl-D) at a prompt into Abort; nothing was written yet.
            _fail("interrupted at a prompt; nothing was written.", 130)
        sys.exit(result if isinstance(result, int) else 0)

    def invoke(self, ctx: click.Context) -> Any:
        # Caught here, before Click turns Ctrl-C into a bare "Aborted!".
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            raise InterruptedByUserError("interrupted; nothing was left behind.") from None


class FrameworkType(click.ParamType):  # type: ignore[type-arg]
    """A framework name, completed from the registry; unknown names get our own error."""

    name = "framework"

    def convert(self, value: Any, param: Any, ctx: Any) -> Framework:
        if isinstance(value, Framework):
            return value
        framework, alias = resolve_framework(str(value))
        if ctx is not None:
            # The command says where the alias led (`new` on stderr, `info` on top).
            ctx.meta["fwscaffold.alias"] = alias
        return framework

    def shell_complete(self, ctx: Any, param: Any, incomplete: str) -> list[Any]:
        from click.shell_completion import CompletionItem

        return [CompletionItem(n) for n in load_frameworks() if n.startswith(incomplete)]


def _alias_used() -> Alias | None:
    alias: Alias | None = click.get_current_context().meta.get("fwscaffold.alias")
    return alias


def _asker(framework: Framework) -> Callable[[Variable, str], str]:
    """Prompt for one variable; a typed answer that breaks a rule is refused at once, with the
    reason on one line, and asked again (the answers given so far are kept)."""
    from fwscaffold.answers import check_answer

    def checked(name: str, value: str) -> str:
        try:
            check_answer(framework, name, value)
        except FwscaffoldError as error:
            raise click.UsageError(str(error)) from None
        return value

    def ask(variable: Variable, default: str) -> str:
        label = variable.prompt or variable.name
        if variable.choices:
            return str(click.prompt(label, default=default, type=click.Choice(variable.choices)))
        return str(
            click.prompt(label, default=default, value_proc=lambda v: checked(variable.name, v))
        )

    return ask


def _complete_set(ctx: click.Context, param: Any, incomplete: str) -> list[Any]:
    """`--set <TAB>` offers the framework's variables; `--set docker=<TAB>` their choices."""
    from click.shell_completion import CompletionItem

    framework: object = ctx.params.get("framework") or _framework_from_completed_words()
    if not isinstance(framework, Framework):
        return []
    key, sep, value = incomplete.partition("=")
    if sep:
        variable = framework.variable(key)
        choices = variable.choices if variable else ()
        return [CompletionItem(f"{key}={c}") for c in choices if c.startswith(value)]
    return [
        CompletionItem(f"{v.name}=", help=v.prompt)
        for v in framework.variables
        if v.name.startswith(incomplete) and v.name != "project_slug"
    ]


def _framework_from_completed_words() -> Framework | None:
    """`--set` still waiting for its value stops Click's partial parse before the arguments are
    converted, so read FRAMEWORK from the words being completed (Click's bash, zsh and fish
    scripts all pass them in COMP_WORDS)."""
    import os

    from click.shell_completion import split_arg_string

    words = split_arg_string(os.environ.get("COMP_WORDS", ""))
    rest = iter(words[words.index("new") + 1 :] if "new" in words else [])
    for word in rest:
        if word in ("-o", "--output-dir", "--set"):
            next(rest, None)
        elif not word.startswith("-"):
            try:
                return get_framework(word)
            except FwscaffoldError:
                return None
    return None


@click.group(
    "fwscaffold",
    cls=FwscaffoldGroup,
    context_settings=CONTEXT_SETTINGS,
    no_args_is_help=True,
)
@click.version_option(__version__, "-V", "--version", prog_name="fwscaffold")
def cli() -> None:
    """Generate a runnable, tested starter project for a Python web framework."""


@cli.command("new", short_help="Create a project from a framework's template.")
@click.argument("framework", type=FrameworkType())
@click.argument("name")
@click.option(
    "-o",
    "--output-dir",
    type=click.Path(),
    default=".",
    show_default=True,
    help="Folder to create the project in.",
)
@click.option(
    "--set",
    "assignments",
    metavar="KEY=VALUE",
    multiple=True,
    shell_complete=_complete_set,
    help="Set a template variable (repeatable); see `fwscaffold info FRAMEWORK`.",
)
@click.option("--no-input", is_flag=True, help="Never prompt; use defaults for the rest.")
@click.option(
    "--install",
    is_flag=True,
    help="Create .venv, install the project with its dev extra, run its tests.",
)
@click.option("--git", "use_git", is_flag=True, help="git init and make a first commit.")
def new_command(
    framework: Framework,
    name: str,
    output_dir: str,
    assignments: tuple[str, ...],
    no_input: bool,
    install: bool,
    use_git: bool,
) -> None:
    """Create the project NAME (its folder and distribution name) from FRAMEWORK's template."""
    from pathlib import Path

    from fwscaffold.answers import parse_assignments
    from fwscaffold.generate import generate_project

    alias = _alias_used()
    if alias is not None:
        click.echo(f"{alias.name} leads to {alias.target}: {alias.why}", err=True)
    given = parse_assignments(assignments)
    if "project_slug" in given:
        raise click.UsageError("the project slug is the NAME argument; don't --set project_slug.")
    interactive = not no_input and sys.stdin.isatty()
    project = generate_project(
        framework,
        name,
        output_dir=Path(output_dir),
        given=given,
        ask=_asker(framework) if interactive else None,
        defaults=_author_defaults(framework),
    )
    click.echo(f"Created {project} ({framework.title})")
    try:
        if use_git:
            _init_git(project)
        if install:
            _install(project)
    except KeyboardInterrupt:
        # The project is complete: keep it, and say how to finish what was stopped.
        steps = _next_steps(project, installed=False)
        if install:
            steps.insert(1, "rm -rf .venv  # partly installed when interrupted")
        raise InterruptedByUserError(
            f"interrupted; the project {project} is complete and was kept. To finish:\n"
            + "\n".join(f"  {step}" for step in steps)
        ) from None
    click.echo(
        "\nNext steps:\n" + "\n".join(f"  {s}" for s in _next_steps(project, installed=install))
    )


def _author_defaults(framework: Framework) -> dict[str, str]:
    """The user's git identity as the author's default answers, where the hook accepts it."""
    from fwscaffold.answers import check_answer
    from fwscaffold.vcs import git_identity

    defaults = {}
    for key, value in git_identity().items():
        try:
            check_answer(framework, key, value)
        except FwscaffoldError:
            continue
        defaults[key] = value
    return defaults


def _init_git(project: Path) -> None:
    from fwscaffold.vcs import init_repository

    answers = _answers(project)
    try:
        init_repository(
            project, author_name=answers["author_name"], author_email=answers["author_email"]
        )
    except GitError as error:
        click.echo(f"Warning: {error}", err=True)
    else:
        click.echo("Initialised a git repository with a first commit.")


def _answers(project: Path) -> dict[str, str]:
    import json

    data: dict[str, dict[str, str]] = json.loads((project / ".fwscaffold.json").read_text("utf-8"))
    return data["answers"]


def _install(project: Path) -> None:
    from fwscaffold.install import install_project
    from fwscaffold.progress import Status

    with Status(sys.stderr) as status:
        report = install_project(project, status)
    if report.installer != "uv":
        click.echo("Note: uv was not found, so the slower venv + pip path was used.", err=True)
    click.echo(
        f"Installed into {project / '.venv'} with {report.installer} "
        f"and ran the tests in {report.seconds:.1f} s ({report.breakdown()}): "
        f"{report.test_summary}"
    )
    if not report.tests_passed:
        raise FwscaffoldError(f"the generated project's tests failed: {report.test_summary}")


def _next_steps(project: Path, *, installed: bool) -> list[str]:
    import shlex
    from pathlib import Path

    try:
        shown = project.relative_to(Path.cwd())
    except ValueError:
        shown = project
    steps = [f"cd {shlex.quote(str(shown))}"]
    if installed:
        steps.append(". .venv/bin/activate")
    else:
        steps += ["python3 -m venv .venv && . .venv/bin/activate", 'pip install -e ".[dev]"']
    return [*steps, "pytest", "# README.md: how to run it, and a tour of the code"]


@cli.command("list", short_help="List the frameworks by kind, and what each starter shows.")
@click.option("--json", "as_json", is_flag=True, help="Print the same data as JSON.")
def list_command(as_json: bool) -> None:
    """List the frameworks by kind: what each is good for, what its starter shows."""
    import shutil
    import textwrap

    from fwscaffold.cards import card, grouped, summary

    frameworks = load_frameworks()
    leads_to = aliases()
    if as_json:
        _echo_json(
            {
                "frameworks": [summary(fw) for fw in frameworks.values()],
                "aliases": [alias._asdict() for alias in leads_to.values()],
            }
        )
        return
    width = max((len(name) for name in [*frameworks, *leads_to]), default=0)
    indent = " " * (width + 4)
    # Wrapped at spaces only, so names like `multi-page` or `create_app()` stay whole.
    wrap = textwrap.TextWrapper(
        width=max(40, shutil.get_terminal_size().columns - 1),
        subsequent_indent=indent,
        break_on_hyphens=False,
        break_long_words=False,
    )
    for heading, members in grouped(frameworks).items():
        click.echo(f"{heading}:")
        for framework in members:
            about = card(framework)
            status = "" if about["status"] == "maintained" else f" [{about['status']}]"
            concepts = ", ".join(c.concept for c in framework.conventions)
            click.echo(wrap.fill(f"  {framework.name:<{width}}  {framework.description}{status}"))
            if about["good_for"]:
                click.echo(wrap.fill(f"{indent}good for: {about['good_for']}"))
            click.echo(wrap.fill(f"{indent}conventions: {concepts}"))
            for alias in leads_to.values():
                if alias.target == framework.name:
                    click.echo(
                        wrap.fill(f"  {alias.name:<{width}}  via {alias.target}: {alias.why}")
                    )


@cli.command("info", short_help="Show a framework's card, tour, variables and usage.")
@click.argument("framework", type=FrameworkType())
@click.option("--json", "as_json", is_flag=True, help="Print the same data as JSON.")
def info_command(framework: Framework, as_json: bool) -> None:
    """Show FRAMEWORK's card, conventions tour, template variables, and cookiecutter usage."""
    from fwscaffold.cards import KINDS, card, details

    alias = _alias_used()
    if as_json:
        _echo_json({**details(framework), **({"alias": alias._asdict()} if alias else {})})
        return
    if alias is not None:
        click.echo(f"{alias.name} leads to {alias.target}: {alias.why}")
        if alias.migration:
            click.echo(f"Migrating from {alias.name}: {alias.migration}")
        click.echo()
    click.echo(f"{framework.title}: {framework.description}\n")
    about = card(framework)
    kinds = ", ".join(KINDS.get(k, k).lower() for k in about["kinds"])
    for label, value in (
        ("kind", kinds),
        ("versions", about["versions"]),
        ("server", about["server"]),
        ("status", about["status"]),
        ("tutorial", about["tutorial"]),
    ):
        if value:
            click.echo(f"  {label + ':':<10}{value}")
    click.echo("\nConventions tour (concept -> file in the generated project):")
    width = max((len(c.concept) for c in framework.conventions), default=0)
    for convention in framework.conventions:
        example = "include_example=yes" if convention.needs_example else ""
        conditions = [c for c in (example, convention.when) if c]
        note = f"  ({', '.join(conditions)})" if conditions else ""
        click.echo(f"  {convention.concept:<{width}}  {convention.path}{note}")
    click.echo("\nTemplate variables (set with --set KEY=VALUE):")
    for variable in framework.variables:
        click.echo(f"  {variable.name}: {_describe(variable)}")
    click.echo(
        "  (fwscaffold new takes author_name and author_email from your git config "
        "user.name and user.email when set.)"
    )
    click.echo(
        "\nUse the template without fwscaffold:\n"
        f"  cookiecutter {framework.location}\n"
        f"  cookiecutter <git-url> --directory templates/{framework.name}"
    )


@cli.command("compare", short_help="Show one concept's code in every framework.")
@click.argument("concept", required=False)
@click.argument("names", metavar="[FRAMEWORK]...", nargs=-1)
@click.option(
    "--html",
    "html_file",
    type=click.Path(dir_okay=False),
    help="Write one self-contained HTML page: the table and every concept side by side.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the same data as JSON.")
def compare_command(
    concept: str | None, names: tuple[str, ...], html_file: str | None, as_json: bool
) -> None:
    """Without CONCEPT, the concept x framework table; with it, that concept's code in each
    FRAMEWORK (default: every HTTP starter), taken from the templates rendered with defaults."""
    from fwscaffold import compare
    from fwscaffold.concepts import CONCEPTS

    chosen = compare.pick(load_frameworks(), concept, names)
    if html_file:
        from pathlib import Path

        Path(html_file).write_text(compare.html_page(chosen), "utf-8")
        click.echo(f"Wrote {html_file}")
        return
    if as_json:
        _echo_json(compare.as_json(chosen, concept))
        return
    if concept is None:
        _echo_table(compare.table(chosen), CONCEPTS)
        return
    colour = sys.stdout.isatty()
    for snippet in compare.snippets(chosen, [concept])[concept]:
        click.echo(click.style(f"== {snippet.title}: {snippet.location}", bold=True))
        code = snippet.code
        if colour:
            code = compare.highlight_terminal(code, snippet.location.file)
        click.echo(code)


def _echo_table(rows: dict[str, dict[str, Any]], titles: dict[str, str]) -> None:
    """Concepts down, frameworks across, split into as many tables as the terminal needs."""
    import shutil

    columns = max(40, shutil.get_terminal_size().columns - 1)
    names = list(next(iter(rows.values()), {}))
    first = max(len(concept) for concept in rows)

    def cell(value: object) -> str:
        return str(value) if value else "-"

    widths = {n: max(len(n), *(len(cell(r[n])) for r in rows.values())) for n in names}
    groups: list[list[str]] = [[]]
    used = first
    for name in names:
        if groups[-1] and used + 2 + widths[name] > columns:
            groups.append([])
            used = first
        groups[-1].append(name)
        used += 2 + widths[name]
    for number, group in enumerate(groups):
        if number:
            click.echo()
        header = f"{'concept':<{first}}" + "".join(f"  {n:<{widths[n]}}" for n in group)
        click.echo(header.rstrip())
        for concept, row in rows.items():
            line = f"{concept:<{first}}" + "".join(f"  {cell(row[n]):<{widths[n]}}" for n in group)
            click.echo(line.rstrip())
    click.echo()
    for concept, title in titles.items():
        click.echo(f"{concept:<{first}}  {title}")


def _echo_json(data: object) -> None:
    import json

    click.echo(json.dumps(data, indent=2, ensure_ascii=False))


def _describe(variable: Variable) -> str:
    if variable.choices:
        return f"one of {', '.join(variable.choices)} (default {variable.default})"
    if variable.is_derived:
        return f"derived by default: {variable.default}"
    return f"default {variable.default!r}"


# --- update, check, diff: the merge lives in fwscaffold.update (loaded only by these) --------

_PATH_ARG = click.argument("path", type=click.Path(file_okay=False), default=".")


@cli.command("update", short_help="Update a project to the installed template, keeping your edits.")
@_PATH_ARG
@click.option(
    "--set",
    "assignments",
    metavar="KEY=VALUE",
    multiple=True,
    help="Change an answer or answer a new variable (repeatable).",
)
@click.option("--dry-run", is_flag=True, help="Show the diff; write nothing (same as `diff`).")
@click.option("--no-input", is_flag=True, help="Never prompt; new variables get their defaults.")
@click.option("--allow-dirty", is_flag=True, help="Run even with uncommitted git changes.")
def update_command(
    path: str, assignments: tuple[str, ...], dry_run: bool, no_input: bool, allow_dirty: bool
) -> None:
    """Merge the installed template's changes into the project at PATH (default: here), three
    ways like git: your edits are kept, overlapping edits get conflict markers (exit 1)."""
    from pathlib import Path

    from fwscaffold import update
    from fwscaffold.answers import parse_assignments

    project = Path(path).absolute()
    framework = get_framework(str(update.read_provenance(project).get("framework")))
    ask = _asker(framework) if not no_input and sys.stdin.isatty() else None
    if dry_run:
        click.echo(_diff(project, parse_assignments(assignments), ask), nl=False)
        return
    update.check_clean(project, allow_dirty=allow_dirty)
    with update.scratch(project, inside=True) as workdir:
        plan = update.plan_update(
            project, workdir=workdir, sets=parse_assignments(assignments), ask=ask
        )
        update.apply_plan(plan, workdir)
    for change in plan.changes:
        note = f" ({change.note})" if change.note else ""
        click.echo(f"  {change.action:<9}{change.path}{note}")
    if plan.conflicts:
        raise update.MergeConflictError(
            f"{len(plan.conflicts)} file(s) have conflicts; resolve the <<<<<<< markers, "
            f"then commit: {', '.join(plan.conflicts)}"
        )
    if plan.writes:
        click.echo(f"Updated {project} to fwscaffold {__version__}'s {framework.name} template.")
    else:
        click.echo(f"{project} is already up to date.")


def _diff(project: Path, sets: dict[str, str], ask: Callable[[Variable, str], str] | None) -> str:
    from fwscaffold import update

    update.check_clean(project, allow_dirty=True)
    with update.scratch(project, inside=False) as workdir:
        plan = update.plan_update(project, workdir=workdir, sets=sets, ask=ask)
        return update.unified_diff(plan)


@cli.command("diff", short_help="Show what `update` would change, as a unified diff.")
@_PATH_ARG
def diff_command(path: str) -> None:
    """Print the changes `update` would make to the project at PATH; write nothing."""
    from pathlib import Path

    click.echo(_diff(Path(path).absolute(), {}, None), nl=False)


@cli.command("check", short_help="Exit 0 if a project matches its template, 1 if not (for CI).")
@_PATH_ARG
def check_command(path: str) -> None:
    """Exit 0 when the project at PATH matches the installed template, 1 when `update` would
    change something, 2 when PATH is not a fwscaffold project."""
    from pathlib import Path

    from fwscaffold import update

    project = Path(path).absolute()
    update.check_clean(project, allow_dirty=True)
    with update.scratch(project, inside=False) as workdir:
        plan = update.plan_update(project, workdir=workdir)
    if not plan.writes:
        click.echo(f"{project} is up to date with the installed {plan.framework} template.")
        return
    paths = ", ".join(change.path for change in plan.writes)
    click.echo(f"{project} is out of date; update would change {len(plan.writes)} file(s): {paths}")
    sys.exit(1)


def main() -> None:
    cli(prog_name="fwscaffold")
