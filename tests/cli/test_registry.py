"""Every template is registered from its own cookiecutter.json, complete and in sync."""

from __future__ import annotations

import subprocess
import sys

from ..conftest import REPO, TEMPLATES

COMMON_VARIABLES = [
    "project_slug",
    "project_name",
    "package_name",
    "description",
    "author_name",
    "author_email",
    "license",
    "include_example",
    "docker",
    "ci",
]


def test_shared_files_have_not_drifted():
    result = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "sync_shared.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr


def test_all_five_frameworks_are_registered(frameworks):
    assert set(frameworks) == {
        "cherrypy",
        "django",
        "dash",
        "falcon",
        "fastapi",
        "flask",
        "hug",
        "py4web",
        "scrapy",
        "turbogears",
    }


def test_every_template_has_the_common_variables_in_order(frameworks):
    for name, framework in frameworks.items():
        names = [v.name for v in framework.variables]
        assert names[: len(COMMON_VARIABLES)] == COMMON_VARIABLES, name
        assert framework.metadata["framework"] == name
        assert framework.variable("project_slug").default == f"my-{name}-app"
        assert framework.variable("include_example").choices == ("yes", "no")
        assert framework.variable("docker").choices == ("yes", "no")
        assert framework.variable("ci").choices == ("github", "none")
        for variable in framework.variables:
            assert variable.default.strip(), f"{name}.{variable.name} has an empty default"


def test_templates_menu_lists_every_template(frameworks):
    import json

    menu = json.loads((TEMPLATES / "cookiecutter.json").read_text())["templates"]
    assert set(menu) == set(frameworks)
