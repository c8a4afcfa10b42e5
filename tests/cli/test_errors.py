"""Every bad input: one `Error:` line, the right exit code, and the file system as it was."""

from __future__ import annotations

import errno
import os

import pytest

from fwscaffold.cli import cli

from ..conftest import snapshot

FW = "flask"


def _run(runner, tmp_path, *args):
    before = snapshot(tmp_path)
    result = runner.invoke(cli, ["new", "-o", str(tmp_path), *args])
    assert snapshot(tmp_path) == before, "the file system changed"
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("Error: ")
    return result


def test_unknown_framework(runner, tmp_path, frameworks):
    result = _run(runner, tmp_path, "rails", "app")
    assert result.exit_code == 2
    assert (
        result.stderr
        == f"Error: unknown framework 'rails'; choose from: {', '.join(frameworks)}.\n"
    )


def test_misspelt_framework_gets_a_suggestion(runner, tmp_path, frameworks):
    result = _run(runner, tmp_path, "flsk", "app")
    assert result.exit_code == 2
    assert result.stderr == (
        "Error: unknown framework 'flsk'; did you mean 'flask'? "
        f"choose from: {', '.join(frameworks)}.\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_framework_names_are_case_insensitive(runner, tmp_path):
    result = runner.invoke(cli, ["new", "-o", str(tmp_path), "FLask", "app", "--no-input"])
    assert result.exit_code == 0, result.output
    assert "(Flask)" in result.stdout
    assert (tmp_path / "app" / "app" / "__init__.py").is_file()


PATTERN = "must start with a lowercase letter and hold only lowercase letters, digits, '-' and '_'"
SHADOWS = "which shadows a package the generated project depends on"
INVALID_NAMES = {
    "keyword": (
        "class",
        "gives the import name 'class', which is a Python keyword; try 'class-app'.",
    ),
    "stdlib": (
        "json",
        "gives the import name 'json', which shadows a standard-library module; try 'json-app'.",
    ),
    "framework": (
        "flask",
        f"gives the import name 'flask', {SHADOWS}; try 'flask-app'.",
    ),
    "dependency": (
        "jinja2",
        f"gives the import name 'jinja2', {SHADOWS}; try 'jinja2-app'.",
    ),
    "uppercase-space": (
        "My App",
        PATTERN + "; try 'my-app'.",
    ),
    "separator": (
        "a/b",
        PATTERN + "; try 'a-b'.",
    ),
    "dotdot": (
        "..",
        PATTERN + ".",
    ),
    "leading-dash": (
        "-app",
        PATTERN + "; try 'app'.",
    ),
    "digit-first": (
        "1app",
        PATTERN + "; try 'app'.",
    ),
    "control": (
        "my\x07app",
        PATTERN + "; try 'my-app'.",
    ),
    "empty": ("", "is empty."),
    "too-long": ("a" * 51, "is longer than 50 characters; try '" + "a" * 50 + "'."),
}


@pytest.mark.parametrize("name,message", list(INVALID_NAMES.values()), ids=list(INVALID_NAMES))
def test_invalid_project_names(runner, tmp_path, name, message):
    result = _run(runner, tmp_path, FW, "--", name)
    assert result.exit_code == 2
    assert result.stderr == f"Error: project name {name!r} {message}\n"


def test_unknown_variable_lists_valid_ones(runner, tmp_path, frameworks):
    result = _run(runner, tmp_path, FW, "app", "--set", "colour=blue")
    assert result.exit_code == 2
    valid = ", ".join(v.name for v in frameworks[FW].variables)
    assert result.stderr == f"Error: unknown variable 'colour' for flask; valid: {valid}.\n"


def test_private_variable_is_unknown(runner, tmp_path):
    result = _run(runner, tmp_path, FW, "app", "--set", "__dev_secret_key=x")
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: unknown variable '__dev_secret_key' for flask; valid: ")


def test_invalid_choice_lists_choices(runner, tmp_path):
    result = _run(runner, tmp_path, FW, "app", "--set", "docker=maybe")
    assert result.exit_code == 2
    assert result.stderr == "Error: invalid value 'maybe' for docker; choose from: yes, no.\n"


def test_set_without_equals(runner, tmp_path):
    result = _run(runner, tmp_path, FW, "app", "--set", "docker")
    assert result.exit_code == 2
    assert result.stderr == "Error: --set expects KEY=VALUE, got 'docker'.\n"


def test_set_project_slug_is_refused(runner, tmp_path):
    result = _run(runner, tmp_path, FW, "app", "--set", "project_slug=other")
    assert result.exit_code == 2
    assert result.stderr == (
        "Error: the project slug is the NAME argument; don't --set project_slug. "
        "See 'fwscaffold new --help'.\n"
    )


@pytest.mark.parametrize(
    "key,value,message",
    [
        ("package_name", "import", "package_name 'import' is a Python keyword."),
        ("package_name", "os", "package_name 'os' shadows a standard-library module."),
        ("package_name", "my-pkg", "package_name 'my-pkg' is not a valid Python identifier."),
        (
            "description",
            "two\nlines",
            "description must be printable text on one line (no control characters).",
        ),
        ("author_name", "   ", "author_name must not be empty."),
    ],
    ids=["package-keyword", "package-stdlib", "package-dash", "text-newline", "text-blank"],
)
def test_invalid_answers(runner, tmp_path, key, value, message):
    result = _run(runner, tmp_path, FW, "app", "--set", f"{key}={value}")
    assert result.exit_code == 2
    assert result.stderr == f"Error: {message}\n"


def test_existing_target_is_left_exactly_as_it_was(runner, tmp_path):
    existing = tmp_path / "app"
    existing.mkdir()
    (existing / "keep.txt").write_text("precious")
    result = _run(runner, tmp_path, FW, "app")
    assert result.exit_code == 1
    assert result.stderr == f"Error: {existing} already exists; choose another name or folder.\n"


def test_existing_empty_folder_is_not_replaced(runner, tmp_path):
    (tmp_path / "app").mkdir()
    result = _run(runner, tmp_path, FW, "app")
    assert result.exit_code == 1


def test_output_dir_that_is_a_file(runner, tmp_path):
    (tmp_path / "file").write_text("x")
    before = snapshot(tmp_path)
    result = runner.invoke(cli, ["new", FW, "app", "-o", str(tmp_path / "file")])
    assert result.exit_code == 1
    assert result.stderr == f"Error: output folder {tmp_path / 'file'} is not a folder.\n"
    assert snapshot(tmp_path) == before


def test_output_dir_below_a_file(runner, tmp_path):
    (tmp_path / "file").write_text("x")
    before = snapshot(tmp_path)
    result = runner.invoke(cli, ["new", FW, "app", "-o", str(tmp_path / "file" / "sub")])
    assert result.exit_code == 1
    assert result.stderr.startswith(
        f"Error: cannot create output folder {tmp_path / 'file' / 'sub'}: "
    )
    assert snapshot(tmp_path) == before


def _fail_after(monkeypatch, count, exception):
    """Make cookiecutter's file writer fail part-way, after `count` files were written."""
    import cookiecutter.generate as cc_generate

    real = cc_generate.generate_file
    calls = {"n": 0}

    def failing(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] > count:
            raise exception
        return real(*args, **kwargs)

    monkeypatch.setattr(cc_generate, "generate_file", failing)
    return calls


def test_full_disk_mid_bake_leaves_nothing(runner, tmp_path, monkeypatch):
    calls = _fail_after(monkeypatch, 5, OSError(errno.ENOSPC, os.strerror(errno.ENOSPC)))
    out = tmp_path / "new-dir"
    before = snapshot(tmp_path)
    result = runner.invoke(cli, ["new", FW, "app", "-o", str(out)])
    assert calls["n"] == 6, "the failure was not reached"
    assert result.exit_code == 1
    assert result.stderr == f"Error: cannot write to {out}: No space left on device.\n"
    assert snapshot(tmp_path) == before, "a half-made project or a created folder remained"


def test_ctrl_c_mid_bake_leaves_nothing(runner, tmp_path, monkeypatch):
    calls = _fail_after(monkeypatch, 3, KeyboardInterrupt())
    before = snapshot(tmp_path)
    result = runner.invoke(cli, ["new", FW, "app", "-o", str(tmp_path)])
    assert calls["n"] == 4
    assert result.exit_code == 130
    assert result.stderr == "Error: interrupted; nothing was left behind.\n"
    assert snapshot(tmp_path) == before


def test_template_error_mid_bake_leaves_nothing(runner, tmp_path, monkeypatch):
    from jinja2 import TemplateSyntaxError

    _fail_after(monkeypatch, 2, TemplateSyntaxError("unexpected '}'", 1))
    before = snapshot(tmp_path)
    result = runner.invoke(cli, ["new", FW, "app", "-o", str(tmp_path)])
    assert result.exit_code == 1
    assert result.stderr == "Error: the flask template failed to render: unexpected '}'\n"
    assert snapshot(tmp_path) == before
