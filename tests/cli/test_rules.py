"""The shared hooks, imported as modules: the one source of every naming and text rule."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from fwscaffold.hooks import load_hook

from ..conftest import TEMPLATES

SHARED_HOOKS = TEMPLATES / "_shared" / "hooks"
pre = load_hook(SHARED_HOOKS / "pre_gen_project.py")
post = load_hook(SHARED_HOOKS / "post_gen_project.py")


@pytest.mark.parametrize(
    "raw,suggestion",
    [
        ("My App", "my-app"),
        ("class", "class-app"),
        ("9lives", "lives"),
        ("..", None),
        ("ok", None),
        ("Über Tool", "ber-tool"),
    ],
)
def test_suggest_slug(raw, suggestion):
    assert pre.suggest_slug(raw) == suggestion


@pytest.mark.parametrize("slug", ["a", "my-app", "my_app2", "x" * 50])
def test_valid_slugs_pass(slug):
    pre.check_slug(slug)


def test_free_text_allows_quotes_backslashes_and_non_ascii():
    pre.check_text("description", 'He said "hi" \\ ünï 😀 {{ x }}')


def test_hook_script_exits_1_with_message_on_bad_answers(tmp_path):
    source = (SHARED_HOOKS / "pre_gen_project.py").read_text()
    context = {"project_slug": "json", "package_name": "json"}
    rendered = source.replace("{{ cookiecutter | tojson }}", json.dumps(context))
    script = tmp_path / "hook.py"
    script.write_text(rendered)
    result = subprocess.run([sys.executable, str(script)], capture_output=True, text=True)
    assert result.returncode == 1
    assert result.stderr.startswith("Error: project name 'json' gives the import name 'json'")


def test_post_hook_removes_switched_off_paths_and_records_answers(tmp_path):
    for name in ("Dockerfile", ".dockerignore", "keep.py"):
        (tmp_path / name).write_text("x")
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "notes.py").write_text("x")
    context = {
        "project_slug": "p",
        "package_name": "pkg",
        "docker": "no",
        "ci": "github",
        "include_example": "no",
        "__dev_secret_key": "secret",
        "_fwscaffold_version": "",
        "_fwscaffold": {
            "framework": "demo",
            "remove_if": {"include_example=no": ["{package_name}/notes.py"]},
        },
    }
    post.finish(tmp_path, context)
    assert sorted(p.name for p in tmp_path.iterdir()) == [".fwscaffold.json", "keep.py", "pkg"]
    assert not (tmp_path / "pkg" / "notes.py").exists()
    meta = json.loads((tmp_path / ".fwscaffold.json").read_text())
    assert meta == {
        "framework": "demo",
        "generator": "cookiecutter",
        "fwscaffold_version": None,
        "answers": {
            "project_slug": "p",
            "package_name": "pkg",
            "docker": "no",
            "ci": "github",
            "include_example": "no",
        },
    }


def test_post_hook_refuses_paths_outside_the_project(tmp_path):
    context = {"docker": "yes", "_fwscaffold": {"remove_if": {"docker=yes": ["../outside"]}}}
    (tmp_path / "project").mkdir()
    (tmp_path / "outside").write_text("keep")
    with pytest.raises(ValueError, match="outside the project"):
        post.finish(tmp_path / "project", context)
    assert (tmp_path / "outside").read_text() == "keep"
