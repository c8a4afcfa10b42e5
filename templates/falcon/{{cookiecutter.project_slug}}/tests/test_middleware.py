from __future__ import annotations

from {{ cookiecutter.package_name }}.app import MAX_BODY_BYTES


def test_responses_carry_server_timing(client):
    result = client.simulate_get("/health")
    assert result.headers["Server-Timing"].startswith("app;dur=")


def test_body_over_the_limit_is_refused_with_413(client):
    result = client.simulate_post(
        "/",
        body=b"x" * (MAX_BODY_BYTES + 1),
        headers={"Content-Type": "application/json"},
    )
    assert result.status_code == 413
    assert isinstance(result.json["message"], str)


def test_chunked_body_is_refused_with_411(client):
    result = client.simulate_post("/", headers={"Transfer-Encoding": "chunked"})
    assert result.status_code == 411
    assert isinstance(result.json["message"], str)
