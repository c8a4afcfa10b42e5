"""docs/notes-api.yaml says what the contract and the reference server say.

The title and body patterns are compared with the Python rules of the pins (str.isspace,
unicodedata category Cc) on every code point outside the surrogates, so the document cannot
drift from the rule that the conformance suite and the templates apply.
"""

from __future__ import annotations

import re
import unicodedata

import pytest
import yaml

from tests._harness import fuzz
from tests.harness import refserver

DOC = yaml.safe_load(fuzz.SPEC.read_text("utf-8"))
SCHEMAS = DOC["components"]["schemas"]
CODE_POINTS = [chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF]


def _python(pattern: str) -> re.Pattern[str]:
    """ECMA-262 `$` (end of input only) in Python's spelling."""
    assert pattern.endswith("$")
    return re.compile(pattern[:-1] + r"\Z")


def test_the_document_is_openapi_3_1_that_schemathesis_loads():
    import schemathesis

    assert DOC["openapi"].startswith("3.1")
    schema = schemathesis.openapi.from_path(str(fuzz.SPEC))
    operations = set()
    for result in schema.get_all_operations():
        operation = result.ok()  # raises if schemathesis cannot read an operation
        operations.add((operation.method.upper(), operation.path))
    assert operations == {
        ("GET", "/health"),
        ("HEAD", "/health"),
        ("GET", "/api/notes"),
        ("HEAD", "/api/notes"),
        ("POST", "/api/notes"),
        ("GET", "/api/notes/{id}"),
        ("HEAD", "/api/notes/{id}"),
        ("DELETE", "/api/notes/{id}"),
    }


def test_title_pattern_is_the_pinned_rule_on_every_code_point():
    pattern = _python(SCHEMAS["Title"]["pattern"])
    wrong = [
        f"U+{ord(c):04X}"
        for c in CODE_POINTS
        if bool(pattern.search(c)) != (not c.isspace() and unicodedata.category(c) != "Cc")
    ]
    assert wrong == []
    assert pattern.search("  a b  ") and not pattern.search("a\n") and not pattern.search(" \u3000")


def test_body_pattern_is_the_pinned_rule_on_every_code_point():
    pattern = _python(SCHEMAS["Body"]["pattern"])
    wrong = [
        f"U+{ord(c):04X}"
        for c in CODE_POINTS
        if bool(pattern.search(c)) != (unicodedata.category(c) != "Cc" or c in "\n\r\t")
    ]
    assert wrong == []


@pytest.mark.parametrize(
    ("where", "want"),
    [
        (SCHEMAS["Title"], {"minLength": 1, "maxLength": 200}),
        (SCHEMAS["Body"], {"maxLength": 10_000}),
        (DOC["components"]["parameters"]["id"]["schema"], {"minimum": 1, "maximum": 2**63 - 1}),
        (
            DOC["components"]["parameters"]["limit"]["schema"],
            {"minimum": 1, "maximum": 100, "default": 50},
        ),
        (DOC["components"]["parameters"]["offset"]["schema"], {"minimum": 0, "default": 0}),
    ],
)
def test_bounds_match_the_contract(where, want):
    assert {key: where.get(key) for key in want} == want


def test_the_reference_server_applies_the_same_rules():
    assert DOC["components"]["parameters"]["id"]["schema"]["maximum"] == refserver.MAX_ID
    title = _python(SCHEMAS["Title"]["pattern"])
    for sample in ["ok", " \u2003x\u00a0", "a\tb", "\u3000", "x\x85", "é" * 200, "é" * 201]:
        accepted = title.search(sample) is not None and len(sample) <= 200
        try:
            refserver.validate({"title": sample})
        except refserver.HTTPError as exc:
            assert not accepted and exc.status == 422, (sample, exc.errors)
        else:
            assert accepted, sample


def test_error_bodies_allow_exactly_the_pinned_keys():
    error, invalid = SCHEMAS["Error"], SCHEMAS["ValidationError"]
    assert (error["required"], error["additionalProperties"]) == (["message"], False)
    assert (invalid["required"], invalid["additionalProperties"]) == (["message", "errors"], False)
    responses = DOC["paths"]["/api/notes"]["post"]["responses"]
    assert set(responses) == {"201", "400", "401", "405", "413", "415", "422"}
    assert responses["201"]["headers"]["Location"]["required"] is True
    assert set(responses["201"]["links"]) == {
        "GetCreatedNote",
        "HeadCreatedNote",
        "DeleteCreatedNote",
    }


@pytest.mark.parametrize(
    ("stamp", "utc"),
    [
        ("2026-12-01T07:00:00Z", True),
        ("2026-12-01T07:00:00.123456+00:00", True),
        ("2026-12-01t07:00:00z", True),
        ("2026-12-01T07:00:00+01:00", False),
        ("2026-12-01T07:00:00-00:00", False),
        ("2026-12-01T07:00:00", False),
    ],
)
def test_created_at_pattern_takes_utc_with_an_explicit_offset_only(stamp, utc):
    pattern = _python(SCHEMAS["Note"]["properties"]["created_at"]["pattern"])
    assert (pattern.search(stamp) is not None) is utc
