"""Assertions the test modules share."""

from __future__ import annotations

from falcon import testing


def assert_json_error(result: testing.Result, status: int) -> None:
    """An error answer: JSON, exactly {"message"} ({"message", "errors"} on 422)."""
    assert result.status_code == status, result.text
    assert result.headers["Content-Type"].startswith("application/json")
    keys = {"message", "errors"} if status == 422 else {"message"}
    assert set(result.json) == keys
    assert isinstance(result.json["message"], str) and result.json["message"]
