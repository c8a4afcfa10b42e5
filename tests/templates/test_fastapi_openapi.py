"""The FastAPI starter serves an OpenAPI document; it must say what docs/notes-api.yaml says.

The generated project cannot read this repository, so the agreement is checked here: the
default bake is installed (tier 3's venv), its app serves /openapi.json in-process, and
every path, method, status, media type, parameter and schema is compared with the
repository's document, after both are normalized (references resolved, prose dropped).
"""

from __future__ import annotations

import json
from typing import Any

import pytest
import yaml

from tests._harness.fixtures import REPO, Timer
from tests._harness.project import Variant, project_env, run

CONTRACT = REPO / "docs" / "notes-api.yaml"
FASTAPI = Variant("fastapi")
pytestmark = pytest.mark.slow

# Served the way a browser gets it, with the docs switched on as DOCS=1 does in production.
SERVE_OPENAPI = """
import sys
from fastapi.testclient import TestClient
from demo_app.config import Settings
from demo_app.main import create_app
answer = TestClient(create_app(Settings(docs=True))).get("/openapi.json")
assert answer.status_code == 200, answer.text
sys.stdout.write(answer.text)
"""
# Annotations for humans (`default` included: the parameters test compares it where it
# matters) and names chosen per generator: they may differ between the documents.
PROSE = frozenset(
    {
        "title",
        "description",
        "summary",
        "examples",
        "example",
        "default",
        "tags",
        "$schema",
        "deprecated",
        "externalDocs",
        "bearerFormat",
        "contentMediaType",
    }
)
# Keywords whose value maps names (a property may be called "title") to schemas.
NAMED_SCHEMAS = frozenset({"properties", "patternProperties", "$defs", "definitions"})
METHODS = ("get", "head", "post", "put", "patch", "delete", "options", "trace")


def _resolve(node: Any, document: dict[str, Any], seen: tuple[str, ...] = ()) -> Any:
    """Inline every local `$ref`, so two documents that name their schemas differently
    still compare equal when the schemas are."""
    if isinstance(node, list):
        return [_resolve(item, document, seen) for item in node]
    if not isinstance(node, dict):
        return node
    if "$ref" in node:
        ref = node["$ref"]
        assert ref.startswith("#/") and ref not in seen, f"unsupported or cyclic $ref {ref}"
        target: Any = document
        for part in ref[2:].split("/"):
            target = target[part.replace("~1", "/").replace("~0", "~")]
        siblings = {k: v for k, v in node.items() if k != "$ref"}
        return _resolve({**target, **siblings}, document, (*seen, ref))
    return {key: _resolve(value, document, seen) for key, value in node.items()}


def _schema(node: Any) -> Any:
    """One spelling per meaning: prose dropped, numbers as doubles, `required` sorted,
    nullable unions as a type list, an `allOf` of one schema as that schema, no `type`
    beside a `const`, no `additionalProperties: true` (the default)."""
    if isinstance(node, list):
        return [_schema(item) for item in node]
    if isinstance(node, int | float) and not isinstance(node, bool):
        # As IEEE doubles, the way JSON readers see numbers (FastAPI writes bounds as
        # floats: 2**63 - 1 becomes 9.223372036854776e18).
        return float(node)
    if not isinstance(node, dict):
        return node
    node = {
        key: {name: _schema(sub) for name, sub in value.items()}
        if key in NAMED_SCHEMAS and isinstance(value, dict)
        else _schema(value)
        for key, value in node.items()
        if key not in PROSE
    }
    if isinstance(node.get("allOf"), list) and len(node["allOf"]) == 1:
        rest = {k: v for k, v in node.items() if k != "allOf"}
        node = {**node["allOf"][0], **rest}
    if node.get("additionalProperties") is True:
        del node["additionalProperties"]  # the default
    if "const" in node:
        node.pop("type", None)  # implied by the constant
    if "required" in node and isinstance(node["required"], list):
        node["required"] = sorted(node["required"])
    if isinstance(node.get("type"), list):
        node["type"] = sorted(node["type"])
    if isinstance(node.get("anyOf"), list) and all(
        set(option) == {"type"} and isinstance(option["type"], str) for option in node["anyOf"]
    ):
        node["type"] = sorted(option["type"] for option in node.pop("anyOf"))
    return node


def _operations(document: dict[str, Any]) -> dict[tuple[str, str], dict[str, Any]]:
    """(path, method) -> operation, with the path item's parameters merged in."""
    resolved = _resolve(document, document)
    return {
        (path, method): {
            **operation,
            "parameters": [*item.get("parameters", []), *operation.get("parameters", [])],
        }
        for path, item in resolved.get("paths", {}).items()
        for method, operation in item.items()
        if method in METHODS
    }


def _answers(method: str, operation: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """status -> {media type: normalized schema}; an answer to HEAD never has a body, so
    only its status counts."""
    return {
        str(status): {}
        if method == "head"
        else {
            media: _schema(content.get("schema", {}))
            for media, content in (answer.get("content") or {}).items()
        }
        for status, answer in operation.get("responses", {}).items()
    }


def _headers(operation: dict[str, Any]) -> dict[str, list[str]]:
    """status -> the response headers it documents, by lower-case name."""
    return {
        str(status): sorted(name.lower() for name in answer.get("headers", {}))
        for status, answer in operation.get("responses", {}).items()
    }


def _parameters(operation: dict[str, Any]) -> dict[tuple[str, str], dict[str, Any]]:
    return {
        (p["in"], p["name"]): {
            "required": bool(p.get("required", False)),
            "schema": _schema(p.get("schema", {})),
            "default": p.get("schema", {}).get("default"),
        }
        for p in operation.get("parameters", [])
        if p["in"] != "header"  # Authorization lives in securitySchemes
    }


def _request_body(operation: dict[str, Any]) -> dict[str, Any] | None:
    body = operation.get("requestBody")
    if body is None:
        return None
    return {
        "required": bool(body.get("required", False)),
        "content": {m: _schema(c.get("schema", {})) for m, c in body["content"].items()},
    }


def _bearer_protected(document: dict[str, Any], operation: dict[str, Any]) -> bool:
    schemes = document.get("components", {}).get("securitySchemes", {})
    for requirement in operation.get("security", document.get("security", [])):
        for name in requirement:
            scheme = schemes.get(name, {})
            if scheme.get("type") == "http" and scheme.get("scheme", "").lower() == "bearer":
                return True
    return False


@pytest.fixture(scope="module")
def documents(bakery) -> tuple[dict[str, Any], dict[str, Any]]:
    assert CONTRACT.is_file(), f"{CONTRACT} is missing: it is the contract's machine form"
    contract = yaml.safe_load(CONTRACT.read_text("utf-8"))
    project, venv = bakery.project(FASTAPI), bakery.venv(FASTAPI)
    with Timer("fastapi", "openapi"):
        python = str(venv / "bin" / "python")
        result = run([python, "-c", SERVE_OPENAPI], project, project_env(venv))
    assert result.returncode == 0, result.stdout + result.stderr
    return contract, json.loads(result.stdout)


def _api_operations(document: dict[str, Any]) -> dict[tuple[str, str], dict[str, Any]]:
    """Operations the contract describes: the notes API and the health check."""
    return {
        key: operation
        for key, operation in _operations(document).items()
        if key[0] == "/health" or key[0].startswith("/api/")
    }


def test_served_document_has_every_path_and_method_of_the_contract(documents):
    contract, served = documents
    assert sorted(_api_operations(served)) == sorted(_api_operations(contract))


def test_operation_ids_are_the_contracts(documents):
    """The same names, so links and tools written for the contract work with /docs."""
    contract, served = documents
    ours = _api_operations(served)
    for key, expected in _api_operations(contract).items():
        assert ours[key].get("operationId") == expected.get("operationId"), key


def test_every_operation_answers_the_contracts_statuses_and_schemas(documents):
    contract, served = documents
    ours = _api_operations(served)
    for key, expected in _api_operations(contract).items():
        label = f"{key[1].upper()} {key[0]}"
        method = key[1]
        actual, wanted = _answers(method, ours[key]), _answers(method, expected)
        assert sorted(actual) == sorted(wanted), f"{label}: statuses"
        for status, names in _headers(expected).items():
            documented = _headers(ours[key])[status]
            assert set(names) <= set(documented), f"{label} {status}: response headers"
        for status, media in wanted.items():
            got = actual[status]
            assert sorted(got) == sorted(media), f"{label} {status}: media types"
            for media_type, schema in media.items():
                assert got[media_type] == schema, f"{label} {status} {media_type}: schema"


def test_every_operation_takes_the_contracts_parameters_and_body(documents):
    contract, served = documents
    ours = _api_operations(served)
    for key, expected in _api_operations(contract).items():
        label = f"{key[1].upper()} {key[0]}"
        assert _parameters(ours[key]) == _parameters(expected), f"{label}: parameters"
        assert _request_body(ours[key]) == _request_body(expected), f"{label}: request body"


def test_writes_and_only_writes_need_the_bearer_token(documents):
    contract, served = documents
    ours = _api_operations(served)
    for key, expected in _api_operations(contract).items():
        label = f"{key[1].upper()} {key[0]}"
        assert _bearer_protected(served, ours[key]) == _bearer_protected(contract, expected), (
            f"{label}: bearer security"
        )
