from __future__ import annotations

from fwscaffold.cli import cli


def test_list_names_every_framework_with_its_conventions(runner, frameworks):
    result = runner.invoke(cli, ["list"], env={"COLUMNS": "2000"})
    assert result.exit_code == 0
    for name, framework in frameworks.items():
        assert f"{name}  " in result.stdout
        assert framework.description in result.stdout
        for convention in framework.conventions:
            assert convention.concept in result.stdout


def test_list_wraps_to_the_terminal_width(runner, frameworks):
    result = runner.invoke(cli, ["list"], env={"COLUMNS": "60"})
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 60
    # Wrapped at spaces, not cut: every description and concept is still there, whole.
    joined = " ".join(" ".join(lines).split())
    for name, framework in frameworks.items():
        assert f"{name} {' '.join(framework.description.split())}" in joined
        for convention in framework.conventions:
            assert " ".join(convention.concept.split()) in joined


def test_info_says_the_author_defaults_come_from_git(runner):
    result = runner.invoke(cli, ["info", "flask"])
    assert "from your git config user.name and user.email" in result.stdout


def test_info_shows_tour_variables_and_cookiecutter_usage(runner, frameworks):
    for name, framework in frameworks.items():
        result = runner.invoke(cli, ["info", name])
        assert result.exit_code == 0, result.output
        assert result.stdout.startswith(f"{framework.title}: {framework.description}\n")
        for convention in framework.conventions:
            assert convention.path in result.stdout
        for variable in framework.variables:
            assert f"  {variable.name}: " in result.stdout
        assert f"cookiecutter {framework.path}" in result.stdout
        assert f"--directory templates/{name}" in result.stdout


def test_info_shows_choices_and_defaults(runner):
    result = runner.invoke(cli, ["info", "flask"])
    assert "  docker: one of yes, no (default yes)\n" in result.stdout
    assert "  author_name: default 'Your Name'\n" in result.stdout
    assert "  package_name: derived by default: " in result.stdout


def test_info_unknown_framework(runner, frameworks):
    result = runner.invoke(cli, ["info", "rails"])
    assert result.exit_code == 2
    assert (
        result.stderr
        == f"Error: unknown framework 'rails'; choose from: {', '.join(frameworks)}.\n"
    )
