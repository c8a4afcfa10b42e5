"""The concept map: every HTTP template says where each concept lives, and it is really there;
`fwscaffold compare` shows it as a table, as code, as JSON and as an HTML page."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest

from fwscaffold import compare
from fwscaffold.cli import cli
from fwscaffold.concepts import CONCEPTS, extract, required_concepts
from tests._harness import browser
from tests._harness.fixtures import FRAMEWORKS, REPO, need
from tests._harness.project import Variant

HTTP = [name for name, fw in FRAMEWORKS.items() if fw.metadata.get("http_api")]
pytestmark = pytest.mark.slow


@pytest.mark.parametrize("name", HTTP)
def test_every_http_template_maps_every_concept_to_real_code(bakery, name):
    framework = FRAMEWORKS[name]
    mapped = compare.concept_map(framework)
    assert sorted(mapped) == sorted(
        required_concepts(bool(framework.metadata.get("html_notes")))
    ), f"{name}: concepts missing from _fwscaffold.concepts"
    project = bakery.project(Variant(name))
    for concept, where in mapped.items():
        location = where.render("demo_app")
        code = extract(project / location.file, location.symbol)
        assert code.strip(), f"{name}: {concept} at {location} is empty"
        if location.symbol and location.file.endswith(".py"):
            last = location.symbol.split(".")[-1]
            assert re.search(rf"\b(def|class)\s+{last}\b|^{last}\b", code, re.M), code[:200]


def test_compare_table_lists_every_concept_for_every_http_template(runner):
    result = runner.invoke(cli, ["compare"], env={"COLUMNS": "100"})
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 100
    for concept in CONCEPTS:
        assert any(line.startswith(f"{concept} ") for line in lines), concept
    for name in HTTP:
        assert re.search(rf"\b{name}\b", result.stdout), name


def test_compare_one_concept_prints_each_frameworks_code(runner):
    result = runner.invoke(cli, ["compare", "auth", "flask", "django", "falcon", "cherrypy"])
    assert result.exit_code == 0, result.output
    headers = [line for line in result.stdout.splitlines() if line.startswith("== ")]
    assert [h.split(":")[0] for h in headers] == [
        "== Flask",
        "== Django",
        "== Falcon",
        "== CherryPy",
    ]
    for name in ("flask", "django", "falcon", "cherrypy"):
        where = compare.concept_map(FRAMEWORKS[name])["auth"]
        assert where.symbol.split(".")[-1] in result.stdout
    # Piped: plain text, no colour codes.
    assert "\x1b[" not in result.stdout


def test_compare_json_schemas(runner):
    table = json.loads(runner.invoke(cli, ["compare", "--json"]).stdout)
    assert [c["id"] for c in table["concepts"]] == list(CONCEPTS)
    assert set(table["frameworks"]) == set(HTTP)
    assert set(table["map"]) == set(CONCEPTS)
    one = json.loads(runner.invoke(cli, ["compare", "config", "falcon", "--json"]).stdout)
    assert one["concept"] == "config" and one["title"] == CONCEPTS["config"]
    [snippet] = one["snippets"]
    assert set(snippet) == {"framework", "file", "symbol", "code"}
    assert snippet["framework"] == "falcon" and snippet["code"].strip()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["compare", "nope"], f"unknown concept 'nope'; choose from: {', '.join(CONCEPTS)}."),
        (["compare", "auth", "rails"], "no concept map for framework 'rails'; choose from: "),
    ],
)
def test_compare_unknown_names_are_one_error_line(runner, args, message):
    result = runner.invoke(cli, args)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: {message}")
    assert result.stderr.count("\n") == 1


class _Anchors(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.external: list[str] = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if "id" in values:
            self.ids.add(values["id"])
        for key in ("href", "src"):
            target = values.get(key) or ""
            if target.startswith("#"):
                self.links.append(target[1:])
            elif target:
                self.external.append(target)


def test_compare_html_page_is_self_contained_and_loads_cleanly(runner, tmp_path):
    page = tmp_path / "compare.html"
    result = runner.invoke(cli, ["compare", "--html", str(page)])
    assert result.exit_code == 0, result.output
    parser = _Anchors()
    parser.feed(page.read_text("utf-8"))
    assert parser.external == [], "the page must not need the network"
    assert parser.links and set(parser.links) <= parser.ids
    for concept in CONCEPTS:
        assert concept in parser.ids
    need(browser.unavailable_reason(), "headless Chromium")
    shot = REPO / "build" / "screenshots" / "compare.png"
    errors = browser.load_page(page.as_uri(), shot)
    assert [e for e in errors if "favicon.ico" not in e] == []
    assert shot.stat().st_size > 1000
