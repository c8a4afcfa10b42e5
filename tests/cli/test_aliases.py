"""Aliases: a name that leads to another template (`web2py` -> `py4web`), said so everywhere."""

from __future__ import annotations

import json

import pytest

from fwscaffold.cli import cli
from fwscaffold.errors import UnknownFrameworkError
from fwscaffold.frameworks import aliases, get_framework, resolve_framework

from ..conftest import TEMPLATES

WHY = (
    "web2py does not install from PyPI on Python 3 and is in limited maintenance; py4web, "
    "its author's successor, keeps its pyDAL, YATL and style."
)
MIGRATION = "https://py4web.com/_documentation/static/en/chapter-15.html"
NOTICE = f"web2py leads to py4web: {WHY}"


def test_web2py_is_an_alias_of_py4web():
    alias = aliases(TEMPLATES)["web2py"]
    assert (alias.target, alias.why, alias.migration) == ("py4web", WHY, MIGRATION)


def test_aliases_never_shadow_a_template_and_say_why(frameworks):
    for name, alias in aliases(TEMPLATES).items():
        assert name not in frameworks
        assert alias.target in frameworks
        assert alias.why and "\n" not in alias.why
        assert alias.migration.startswith("https://")


@pytest.mark.parametrize("name", ["web2py", "WEB2PY", "Web2Py"])
def test_resolving_an_alias_names_it(name):
    framework, alias = resolve_framework(name, TEMPLATES)
    assert framework.name == "py4web"
    assert alias is not None and alias.name == "web2py"
    assert get_framework(name, TEMPLATES).name == "py4web"


def test_resolving_a_template_name_uses_no_alias():
    framework, alias = resolve_framework("py4web", TEMPLATES)
    assert framework.name == "py4web"
    assert alias is None


def test_a_misspelt_alias_is_suggested():
    with pytest.raises(UnknownFrameworkError, match="did you mean 'web2py'\\?"):
        resolve_framework("wb2py", TEMPLATES)


def test_new_web2py_makes_the_py4web_starter_after_one_line(runner, tmp_path):
    result = runner.invoke(cli, ["new", "web2py", "app", "-o", str(tmp_path), "--no-input"])
    assert result.exit_code == 0, result.output
    assert result.stderr == f"{NOTICE}\n"
    project = tmp_path / "app"
    assert result.stdout.startswith(f"Created {project} (py4web)\n")
    meta = json.loads((project / ".fwscaffold.json").read_text())
    assert meta["framework"] == "py4web"
    assert (project / "app" / "_default" / "controllers.py").is_file()


def test_new_py4web_says_nothing_about_aliases(runner, tmp_path):
    result = runner.invoke(cli, ["new", "py4web", "app", "-o", str(tmp_path), "--no-input"])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""


def test_a_refused_name_after_an_alias_writes_nothing(runner, tmp_path):
    result = runner.invoke(cli, ["new", "web2py", "pydal", "-o", str(tmp_path), "--no-input"])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{NOTICE}\nError: ")
    assert list(tmp_path.iterdir()) == []


def test_list_shows_web2py_via_py4web(runner):
    result = runner.invoke(cli, ["list"], env={"COLUMNS": "2000"})
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    (line,) = [line for line in lines if line.lstrip().startswith("web2py ")]
    assert line.split()[:3] == ["web2py", "via", "py4web:"]
    assert line.endswith(WHY)
    # Under the same kind as py4web, right after py4web's own lines.
    py4web = next(i for i, text in enumerate(lines) if text.lstrip().startswith("py4web "))
    assert py4web < lines.index(line)


def test_list_json_has_the_aliases(runner):
    result = runner.invoke(cli, ["list", "--json"])
    data = json.loads(result.stdout)
    assert data["aliases"] == [
        {"name": "web2py", "target": "py4web", "why": WHY, "migration": MIGRATION}
    ]
    assert "web2py" not in [entry["name"] for entry in data["frameworks"]]


def test_info_web2py_explains_the_succession_then_shows_py4web(runner, frameworks):
    result = runner.invoke(cli, ["info", "web2py"])
    assert result.exit_code == 0, result.output
    py4web = frameworks["py4web"]
    assert result.stdout.startswith(
        f"{NOTICE}\nMigrating from web2py: {MIGRATION}\n\n{py4web.title}: {py4web.description}\n"
    )
    assert "--directory templates/py4web" in result.stdout


def test_info_py4web_has_no_alias_notice(runner, frameworks):
    result = runner.invoke(cli, ["info", "py4web"])
    assert result.stdout.startswith(f"py4web: {frameworks['py4web'].description}\n")


def test_info_json_names_the_alias_only_when_used(runner):
    via_alias = json.loads(runner.invoke(cli, ["info", "web2py", "--json"]).stdout)
    assert via_alias["name"] == "py4web"
    assert via_alias["alias"] == {
        "name": "web2py",
        "target": "py4web",
        "why": WHY,
        "migration": MIGRATION,
    }
    direct = json.loads(runner.invoke(cli, ["info", "py4web", "--json"]).stdout)
    assert "alias" not in direct
