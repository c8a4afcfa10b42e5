"""Tier 2: with docker=yes and database=postgresql a template bakes a `compose.yaml` that starts
the app and PostgreSQL together, valid under the Compose specification's JSON schema.

No Docker engine runs here: check-jsonschema validates each file offline against the schema it
vendors (`vendor.compose-spec`), and the tests read what the schema cannot require: the app
waits for the database's healthcheck and reaches it by its service name.
Which templates are checked comes only from their cookiecutter.json (a `database` choice).
"""

from __future__ import annotations

import pytest
import yaml

from tests._harness.fixtures import FRAMEWORKS, TEMPLATES
from tests._harness.project import BIN, Variant, bake, run

pytestmark = pytest.mark.slow

WITH_POSTGRES = sorted(
    name
    for name, framework in FRAMEWORKS.items()
    if "postgresql" in getattr(framework.variable("database"), "choices", ())
)
COMPOSE = (("docker", "yes"), ("database", "postgresql"))


def validate(path) -> str:
    """check-jsonschema's verdict; the offline vendored schema, never a download."""
    command = [str(BIN / "check-jsonschema"), "--builtin-schema", "vendor.compose-spec"]
    result = run([*command, str(path)], path.parent)
    return f"exit {result.returncode}: {result.stdout}{result.stderr}"


def test_some_template_offers_postgresql():
    assert WITH_POSTGRES, "no template has a `database` choice with `postgresql`"


@pytest.fixture(scope="module")
def compose_files(tmp_path_factory):
    """framework -> the baked compose.yaml of its docker=yes, database=postgresql project."""
    root = tmp_path_factory.mktemp("compose")
    return {
        name: bake(TEMPLATES, Variant(name, COMPOSE), root / name) / "compose.yaml"
        for name in WITH_POSTGRES
    }


@pytest.mark.parametrize("framework", WITH_POSTGRES)
def test_compose_file_follows_the_compose_specification(compose_files, framework):
    verdict = validate(compose_files[framework])
    assert verdict.startswith("exit 0"), verdict


@pytest.mark.parametrize("framework", WITH_POSTGRES)
def test_app_waits_for_a_healthy_database_and_reaches_it_by_name(compose_files, framework):
    services = yaml.safe_load(compose_files[framework].read_text("utf-8"))["services"]
    databases = [name for name, s in services.items() if "postgres" in s.get("image", "")]
    apps = [name for name, s in services.items() if "build" in s]
    assert len(databases) == 1 and len(apps) == 1, sorted(services)
    database, app = services[databases[0]], services[apps[0]]
    assert "pg_isready" in database["healthcheck"]["test"]
    assert app["depends_on"][databases[0]]["condition"] == "service_healthy"
    url = app["environment"]["DATABASE_URL"]
    assert url.startswith("postgresql://") and f"@{databases[0]}:5432/" in url
    # Secrets come from the shell (`${NAME:?message}` refuses to start without them).
    for name, value in app["environment"].items():
        if name in ("SECRET_KEY", "API_TOKEN"):
            assert value == f"${{{name}:?set {name}}}", (name, value)
    assert database["environment"]["POSTGRES_PASSWORD"].startswith("${POSTGRES_PASSWORD:?")


@pytest.mark.parametrize("framework", WITH_POSTGRES)
@pytest.mark.parametrize("answers", [(("docker", "no"), ("database", "postgresql")), ()])
def test_only_docker_and_postgresql_bakes_have_a_compose_file(tmp_path, framework, answers):
    project = bake(TEMPLATES, Variant(framework, answers), tmp_path)
    assert not (project / "compose.yaml").exists()


def test_the_validator_rejects_a_broken_compose_file(tmp_path):
    """The check above can fail: a condition the specification does not know is refused."""
    broken = tmp_path / "compose.yaml"
    broken.write_text(
        "services:\n  web:\n    build: .\n    depends_on:\n"
        "      db:\n        condition: service_ready\n",
        "utf-8",
    )
    verdict = validate(broken)
    assert not verdict.startswith("exit 0") and "service_ready" in verdict, verdict
