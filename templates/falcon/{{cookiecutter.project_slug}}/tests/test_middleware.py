from __future__ import annotations


def test_responses_carry_server_timing(client):
    result = client.simulate_get("/health")
    assert result.headers["Server-Timing"].startswith("app;dur=")


def test_error_answers_carry_server_timing_too(client):
    result = client.simulate_get("/no/such/page")
    assert result.status_code == 404
    assert result.headers["Server-Timing"].startswith("app;dur=")
