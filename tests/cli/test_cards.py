"""Framework cards: `list` grouped by kind, `info` opening with a card, `--json` for both."""

from __future__ import annotations

import json

from fwscaffold.cards import CARD_FIELDS, KINDS, card
from fwscaffold.cli import cli


def test_every_template_has_a_complete_card(frameworks):
    for name, framework in frameworks.items():
        about = card(framework)
        assert about["kinds"] and set(about["kinds"]) <= set(KINDS), name
        for field in ("good_for", "versions", "server", "tutorial"):
            assert about[field], f"{name}: card lacks {field}"
        assert about["tutorial"].startswith("https://"), name


def test_list_groups_frameworks_by_kind(runner, frameworks):
    result = runner.invoke(cli, ["list"], env={"COLUMNS": "2000"})
    assert result.exit_code == 0
    headings = [line for line in result.stdout.splitlines() if not line.startswith(" ")]
    assert headings == [
        f"{KINDS[k]}:" for k in KINDS if any(k in card(fw)["kinds"] for fw in frameworks.values())
    ]
    for name, framework in frameworks.items():
        # Under each of its kinds, e.g. Falcon under micro and asynchronous.
        shown = [line for line in result.stdout.splitlines() if line.startswith(f"  {name} ")]
        assert len(shown) == len(card(framework)["kinds"]), name
        assert f"good for: {card(framework)['good_for']}" in result.stdout


def test_info_opens_with_the_card(runner, frameworks):
    for name, framework in frameworks.items():
        result = runner.invoke(cli, ["info", name], env={"COLUMNS": "2000"})
        about = card(framework)
        head = result.stdout.split("Conventions tour")[0]
        assert f"  server:   {about['server']}\n" in head
        assert f"  status:   {about['status']}\n" in head
        assert f"  tutorial: {about['tutorial']}\n" in head
        assert f"  versions: {about['versions']}\n" in head


def test_list_json_schema(runner, frameworks):
    result = runner.invoke(cli, ["list", "--json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert [entry["name"] for entry in data["frameworks"]] == list(frameworks)
    for entry in data["frameworks"]:
        assert set(entry) == {"name", "title", "description", *CARD_FIELDS}
        assert isinstance(entry["kinds"], list)


def test_info_json_schema(runner, frameworks):
    result = runner.invoke(cli, ["info", "flask", "--json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    keys = {"name", "title", "description", *CARD_FIELDS, "conventions", "variables", "template"}
    assert set(data) == keys
    assert data["name"] == "flask"
    assert {v["name"] for v in data["variables"]} == {v.name for v in frameworks["flask"].variables}
    assert all(set(c) == {"concept", "path", "needs_example", "when"} for c in data["conventions"])
