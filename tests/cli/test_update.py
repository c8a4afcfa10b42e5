"""`fwscaffold update`, `check` and `diff`: a real two-version scenario per template.

Version 1 is a copy of the template (plus two binary files), archived in a template history;
version 2 is that copy with real changes. A project baked from version 1 and edited the way a
user would is updated to version 2, and every merge rule of docs/UPDATE.md is asserted.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from fwscaffold import frameworks, template_history, update
from fwscaffold.cli import cli
from fwscaffold.frameworks import get_framework
from fwscaffold.generate import generate_project

from ..conftest import TEMPLATES, snapshot

FRAMEWORKS = ["cherrypy", "dash", "django", "falcon", "fastapi", "flask", "hug"]
PROJECT_DIR = "{{cookiecutter.project_slug}}"
GIT = ["git", "-c", "user.name=T", "-c", "user.email=t@example.com"]


def git(project: Path, *args: str) -> str:
    result = subprocess.run([*GIT, *args], cwd=project, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return result.stdout


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1))


def make_v1(root: Path, name: str) -> Path:
    template = root / name
    shutil.copytree(TEMPLATES / name, template, ignore=shutil.ignore_patterns("__pycache__"))
    (template / PROJECT_DIR / "logo.bin").write_bytes(b"\x89PNG\r\n\x1a\n\0v1")
    (template / PROJECT_DIR / "icon.bin").write_bytes(b"\x89PNG\r\n\x1a\n\0v1")
    return template


def make_v2(v1: Path, root: Path) -> Path:
    """Version 2: a new file using a new variable, changed lines, removed files."""
    template = root / v1.name
    shutil.copytree(v1, template, ignore=shutil.ignore_patterns("__pycache__"))
    out = template / PROJECT_DIR
    raw = json.loads((template / "cookiecutter.json").read_text())
    at = list(raw).index("ci") + 1
    items = list(raw.items())
    items.insert(at, ("changelog_title", "Changes"))
    (template / "cookiecutter.json").write_text(json.dumps(dict(items), indent=2))
    (out / "CHANGELOG.md").write_text("# {{ cookiecutter.changelog_title }}\n\n- 0.1.0\n")
    (out / "NOTES.md").write_text("Template notes\n")
    (out / ".dockerignore").write_text((out / ".dockerignore").read_text() + "node_modules\n")
    _edit(out / ".gitignore", "dist/\n", "dist/\nwheelhouse/\n")
    _edit(out / ".pre-commit-config.yaml", "# pre-commit runs ruff", "# pre-commit: ruff")
    ci = out / ".github" / "workflows" / "ci.yml"
    ci.write_text(ci.read_text() + "# end of the workflow\n")
    (out / ".github" / "dependabot.yml").unlink()
    (out / "Dockerfile").unlink()
    (out / "logo.bin").write_bytes(b"\x89PNG\r\n\x1a\n\0v2")
    (out / "icon.bin").write_bytes(b"\x89PNG\r\n\x1a\n\0v2")
    return template


def user_edits(project: Path) -> None:
    """What a user does: edit settings and docs, delete a file, add their own files."""
    _edit(project / ".gitignore", "\nvenv/\n", "\nvenv/\nenv/\n")  # near the template's change
    _edit(project / ".pre-commit-config.yaml", "# pre-commit runs ruff", "# we run ruff")
    (project / "README.md").write_text((project / "README.md").read_text() + "\n## Ours\n")
    (project / "Dockerfile").write_text((project / "Dockerfile").read_text() + "# ours\n")
    (project / ".github" / "workflows" / "ci.yml").unlink()
    (project / "NOTES.md").write_text("My own notes\n")
    (project / "mine.txt").write_text("never touched\n")
    (project / "logo.bin").write_bytes(b"\x89PNG\r\n\x1a\n\0mine")


@dataclass
class Scenario:
    project: Path
    v2: Path
    history: Path


def build(tmp_path: Path, name: str, monkeypatch: pytest.MonkeyPatch) -> Scenario:
    v1 = make_v1(tmp_path / "v1", name)
    history = tmp_path / "history"
    template_history.archive_template(v1, history)
    project = generate_project(
        get_framework(name, v1.parent), "demo-app", output_dir=tmp_path / "work"
    )
    git(project, "init", "-q")
    user_edits(project)
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "edited")
    v2 = make_v2(v1, tmp_path / "v2")
    monkeypatch.setattr(frameworks, "templates_root", lambda: str(v2.parent))
    monkeypatch.setattr(template_history, "HISTORY_DIR", history)
    return Scenario(project, v2, history)


@pytest.fixture
def flask_scenario(tmp_path, monkeypatch):
    return build(tmp_path, "flask", monkeypatch)


def assert_rules(project: Path, v2: Path, before: dict[str, bytes | None], output: str) -> None:
    # 1. only the template changed it: the template's content
    assert (project / ".dockerignore").read_text().endswith("node_modules\n")
    assert (project / "icon.bin").read_bytes().endswith(b"v2")
    # 2. only the user changed it: kept
    assert (project / "README.md").read_bytes() == before["README.md"]
    # 3. both changed different lines: merged
    ignore = (project / ".gitignore").read_text()
    assert "dist/\nwheelhouse/\n.venv/\nvenv/\nenv/\n" in ignore
    assert "<<<<<<<" not in ignore
    # 4. both changed the same line: standard markers, listed
    hooks = (project / ".pre-commit-config.yaml").read_text()
    assert "<<<<<<< yours\n# we run ruff" in hooks
    assert "=======\n# pre-commit: ruff" in hooks and ">>>>>>> template" in hooks
    # 5. a new file is added (with the new variable's default); one where the user has a
    #    file of their own is a conflict
    assert (project / "CHANGELOG.md").read_text() == "# Changes\n\n- 0.1.0\n"
    notes = (project / "NOTES.md").read_text()
    assert notes == "<<<<<<< yours\nMy own notes\n=======\nTemplate notes\n>>>>>>> template\n"
    # 6. removed by the template: gone when unchanged, kept (and said) when changed
    assert not (project / ".github" / "dependabot.yml").exists()
    assert (project / "Dockerfile").read_bytes() == before["Dockerfile"]
    assert "Dockerfile (the template removed it; you changed it)" in output
    # 7. deleted by the user, changed by the template: left deleted
    assert not (project / ".github" / "workflows" / "ci.yml").exists()
    # 8. the user's own files: untouched
    assert (project / "mine.txt").read_text() == "never touched\n"
    # 9. binary changed by both: not merged, the user's copy kept, a conflict
    assert (project / "logo.bin").read_bytes() == before["logo.bin"]
    # secrets derive from the recorded seed: no file the template did not change differs
    for same in ("pyproject.toml", "Procfile"):
        assert (project / same).read_bytes() == before[same]
    record = json.loads((project / ".fwscaffold.json").read_text())
    assert record["answers"]["changelog_title"] == "Changes"
    assert record["template"] == template_history.fingerprint(v2)


def run_update(runner, project: Path, *args: str):
    return runner.invoke(cli, ["update", str(project), "--no-input", *args])


def test_update_follows_every_merge_rule_then_changes_nothing(flask_scenario, runner):
    project = flask_scenario.project
    before = snapshot(project)
    result = run_update(runner, project)
    assert result.exit_code == 1, result.output
    assert_rules(project, flask_scenario.v2, before, result.stdout)
    conflicts = result.stderr.strip()
    assert conflicts.startswith("Error: 3 file(s) have conflicts")
    assert conflicts.endswith(": .pre-commit-config.yaml, NOTES.md, logo.bin")
    assert "Updated" not in result.stdout
    assert not list(project.glob(".fwscaffold-update-*"))
    # The provenance records the new base: a second run changes nothing, check exits 0.
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "updated")
    after = snapshot(project)
    again = run_update(runner, project)
    assert again.exit_code == 0, again.output
    assert again.stdout.strip().endswith("is already up to date.")
    assert snapshot(project) == after
    check = runner.invoke(cli, ["check", str(project)])
    assert check.exit_code == 0
    assert check.stdout.strip().endswith("is up to date with the installed flask template.")


def test_check_and_diff_report_without_writing(flask_scenario, runner):
    project = flask_scenario.project
    before = snapshot(project)
    check = runner.invoke(cli, ["check", str(project)])
    assert check.exit_code == 1
    assert len(check.stdout.splitlines()) == 1
    assert "is out of date; update would change" in check.stdout
    diff = runner.invoke(cli, ["diff", str(project)])
    assert diff.exit_code == 0, diff.output
    assert "--- /dev/null\n+++ b/CHANGELOG.md\n@@ -0,0 +1,3 @@\n+# Changes\n" in diff.stdout
    assert "--- a/.github/dependabot.yml\n+++ /dev/null\n" in diff.stdout
    assert "+wheelhouse/\n" in diff.stdout
    assert "Binary files a/icon.bin and b/icon.bin differ\n" in diff.stdout
    assert "logo.bin" not in diff.stdout  # the binary conflict keeps the user's copy
    dry = run_update(runner, project, "--dry-run")
    assert dry.exit_code == 0 and dry.stdout == diff.stdout
    assert snapshot(project) == before


def test_ctrl_c_while_moving_files_into_place_leaves_the_project_as_it_was(
    flask_scenario, runner, monkeypatch
):
    project = flask_scenario.project
    before = snapshot(project)
    calls = []
    real_replace = os.replace

    def interrupted(src, dst):
        calls.append(dst)
        if len(calls) == 7:
            raise KeyboardInterrupt
        real_replace(src, dst)

    monkeypatch.setattr(update.os, "replace", interrupted)
    result = run_update(runner, project)
    assert result.exit_code == 130
    assert len(calls) > 7  # interrupted half-way, then undone
    assert snapshot(project) == before


def test_set_changes_an_answer_and_new_variables_take_set_values(flask_scenario, runner):
    project = flask_scenario.project
    result = run_update(runner, project, "--set", "changelog_title=History", "--set", "docker=no")
    assert result.exit_code == 1  # the scenario's conflicts remain
    assert (project / "CHANGELOG.md").read_text().startswith("# History\n")
    assert not (project / ".dockerignore").exists()  # docker=no: the template drops it
    answers = json.loads((project / ".fwscaffold.json").read_text())["answers"]
    assert answers["docker"] == "no" and answers["changelog_title"] == "History"


def test_refusals(flask_scenario, runner, tmp_path):
    project = flask_scenario.project
    (project / "README.md").write_text("dirty\n")
    dirty = run_update(runner, project)
    assert dirty.exit_code == 1
    assert dirty.stderr == (
        f"Error: {project} has uncommitted changes; commit or stash them first (so the update "
        "can be undone with git), or pass --allow-dirty.\n"
    )
    git(project, "checkout", "--", "README.md")
    unknown = run_update(runner, project, "--set", "colour=red")
    assert unknown.exit_code == 2
    assert unknown.stderr.startswith("Error: unknown variable 'colour' for flask; valid: ")
    for command in ("update", "check", "diff"):
        result = runner.invoke(cli, [command, str(tmp_path)])
        assert result.exit_code == 2
        assert result.stderr == (
            f"Error: {tmp_path} is not a fwscaffold project (no valid .fwscaffold.json).\n"
        )


def test_allow_dirty_updates_a_dirty_tree(flask_scenario, runner):
    project = flask_scenario.project
    (project / "mine.txt").write_text("uncommitted\n")
    result = run_update(runner, project, "--allow-dirty")
    assert result.exit_code == 1 and "conflicts" in result.stderr
    assert (project / "CHANGELOG.md").is_file()
    assert (project / "mine.txt").read_text() == "uncommitted\n"


def test_a_template_missing_from_the_history_is_one_error(flask_scenario, runner):
    shutil.rmtree(flask_scenario.history)
    result = run_update(runner, flask_scenario.project)
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: the flask template that made this project (sha256:")
    assert "neither the installed one nor in this fwscaffold's template history" in result.stderr


def test_without_git_update_says_so(flask_scenario, runner, monkeypatch):
    monkeypatch.setattr(update.shutil, "which", lambda name: None)
    result = run_update(runner, flask_scenario.project)
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: git is not installed; update needs it to merge (git merge-file).\n"
    )


def test_an_unchanged_template_means_an_empty_diff(tmp_path, runner, monkeypatch):
    """Seeded secrets: re-rendering the same project reproduces it byte for byte."""
    root = tmp_path / "templates"
    shutil.copytree(TEMPLATES / "django", root / "django")  # a still copy of the template
    monkeypatch.setattr(frameworks, "templates_root", lambda: str(root))
    project = generate_project(get_framework("django"), "mysite", output_dir=tmp_path)
    diff = runner.invoke(cli, ["diff", str(project)])
    assert (diff.exit_code, diff.stdout, diff.stderr) == (0, "", "")
    check = runner.invoke(cli, ["check", str(project)])
    assert check.exit_code == 0, check.output


def test_projects_made_by_plain_cookiecutter_update_too(tmp_path, runner, monkeypatch):
    """Plain cookiecutter writes the seed and the template's fingerprint as well."""
    v1 = make_v1(tmp_path / "v1", "falcon")
    history = tmp_path / "history"
    template_history.archive_template(v1, history)
    subprocess.run(
        ["cookiecutter", "--no-input", str(v1), "-o", str(tmp_path / "work")],
        check=True,
        capture_output=True,
        cwd=tmp_path,
    )
    project = tmp_path / "work" / "my-falcon-app"
    record = json.loads((project / ".fwscaffold.json").read_text())
    assert record["generator"] == "cookiecutter"
    assert record["template"] == template_history.fingerprint(v1)
    v2 = make_v2(v1, tmp_path / "v2")
    monkeypatch.setattr(frameworks, "templates_root", lambda: str(v2.parent))
    monkeypatch.setattr(template_history, "HISTORY_DIR", history)
    result = run_update(runner, project)
    assert result.exit_code == 0, result.output
    assert (project / "CHANGELOG.md").is_file()
    assert not (project / "Dockerfile").exists()  # unchanged by the user, removed
    assert "wheelhouse/" in (project / ".gitignore").read_text()


@pytest.mark.slow
@pytest.mark.parametrize("name", FRAMEWORKS)
def test_two_versions_of_each_template(tmp_path, monkeypatch, runner, name):
    scenario = build(tmp_path, name, monkeypatch)
    before = snapshot(scenario.project)
    result = run_update(runner, scenario.project)
    assert result.exit_code == 1, result.output
    assert_rules(scenario.project, scenario.v2, before, result.stdout)


@pytest.mark.slow
def test_cruft_update_against_an_unchanged_template_reports_nothing(tmp_path):
    """Issue 13, point 9: cruft passes the recorded answers, project_seed among them, so the
    development secrets come out the same and a template commit that changes nothing in the
    project gives an empty diff and no `.rej` file."""
    cruft = str(Path(sys.executable).parent / "cruft")
    repo = tmp_path / "template-repo"
    shutil.copytree(
        TEMPLATES / "flask", repo / "flask", ignore=shutil.ignore_patterns("__pycache__")
    )
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "v1")
    made = subprocess.run(
        [
            cruft,
            "create",
            "--no-input",
            f"file://{repo}",
            "--directory",
            "flask",
            "--output-dir",
            str(tmp_path / "out"),
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert made.returncode == 0, made.stderr
    (repo / "NEWS").write_text("a commit that does not change the flask template\n")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "v2")
    project = tmp_path / "out" / "my-flask-app"
    git(project, "init", "-q")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "created")
    diff = subprocess.run(
        [cruft, "diff", "--exit-code"], capture_output=True, text=True, cwd=project
    )
    assert (diff.returncode, diff.stdout) == (0, "")
    updated = subprocess.run([cruft, "update", "-y"], capture_output=True, text=True, cwd=project)
    assert updated.returncode == 0, updated.stderr
    assert "Rejected" not in updated.stdout + updated.stderr
    assert git(project, "status", "--porcelain").splitlines() == [" M .cruft.json"]


@pytest.mark.slow
def test_an_updated_flask_project_still_passes_its_own_tests(tmp_path, monkeypatch, runner):
    """A real route added by the user next to a line the template changes, then the project's
    own tests (and its coverage gate) in a fresh venv."""
    from tests._harness.project import make_venv, run_project_tests

    scenario = build(tmp_path, "flask", monkeypatch)
    project = scenario.project
    main = project / "demo_app" / "main.py"
    main.write_text(
        main.read_text()
        + '\n\n@bp.get("/hello")\ndef hello() -> dict[str, str]:\n    return {"hello": "world"}\n'
    )
    (project / "tests" / "test_hello.py").write_text(
        "def test_hello(client):\n"
        '    assert client.get("/hello").get_json() == {"hello": "world"}\n'
    )
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "a route")
    source = scenario.v2 / PROJECT_DIR / "{{cookiecutter.package_name}}" / "main.py"
    _edit(source, "answers while the app is up.", "answers while the process is up.")
    result = run_update(runner, project)
    assert result.exit_code == 1, result.output  # the scenario's own conflicts
    merged = main.read_text()
    assert "answers while the process is up." in merged and "def hello()" in merged
    assert "  merged   demo_app/main.py" in result.stdout
    run_project_tests(project, make_venv(project))


def test_the_history_archive_is_reproducible_and_named_by_fingerprint(tmp_path):
    first = template_history.archive_template(TEMPLATES / "hug", tmp_path / "a")
    second = template_history.archive_template(TEMPLATES / "hug", tmp_path / "b")
    assert first.read_bytes() == second.read_bytes()
    print_ = template_history.fingerprint(TEMPLATES / "hug")
    assert first.name == print_.removeprefix("sha256:") + ".tar.gz"


def test_a_full_disk_while_moving_files_is_one_error_and_changes_nothing(
    flask_scenario, runner, monkeypatch
):
    project = flask_scenario.project
    before = snapshot(project)
    calls = []
    real_replace = os.replace

    def disk_full(src, dst):
        calls.append(dst)
        if len(calls) == 5:
            raise OSError(28, "No space left on device", str(dst))
        real_replace(src, dst)

    monkeypatch.setattr(update.os, "replace", disk_full)
    result = run_update(runner, project)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: cannot write {project}/")
    assert result.stderr.endswith(": No space left on device; every file was put back as it was.\n")
    assert snapshot(project) == before


def test_a_symbolic_link_in_the_project_is_never_followed(flask_scenario, runner, tmp_path):
    project = flask_scenario.project
    outside = tmp_path / "outside.txt"
    outside.write_text("not the project's\n")
    (project / ".dockerignore").unlink()
    (project / ".dockerignore").symlink_to(outside)
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "a link")
    result = run_update(runner, project)
    assert "  kept     .dockerignore (not a regular file)\n" in result.stdout
    assert (project / ".dockerignore").is_symlink()
    assert outside.read_text() == "not the project's\n"


def test_only_new_variables_are_asked_for(flask_scenario):
    asked = []

    def ask(variable, default):
        asked.append((variable.name, default))
        return "Release notes"

    with update.scratch(flask_scenario.project, inside=False) as workdir:
        plan = update.plan_update(flask_scenario.project, workdir=workdir, ask=ask)
    assert asked == [("changelog_title", "Changes")]
    added = next(change for change in plan.changes if change.path == "CHANGELOG.md")
    assert added.action == "added" and added.content.startswith(b"# Release notes\n")
