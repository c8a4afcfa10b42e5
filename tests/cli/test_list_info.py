from __future__ import annotations

from fwscaffold.cli import cli


def test_list_names_every_framework_with_its_conventions(runner, frameworks):
    result = runner.invoke(cli, ["list"])
    assert result.exit_code == 0
    for name, framework in frameworks.items():
        assert f"{name}  " in result.stdout
        assert framework.description in result.stdout
        for convention in framework.conventions:
            assert convention.concept in result.stdout


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
