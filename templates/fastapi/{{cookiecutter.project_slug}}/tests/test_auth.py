"""The bearer-token dependency: checked on every write, before anything else."""

from __future__ import annotations

BAD_AUTH = [
    {},
    {"Authorization": ""},
    {"Authorization": "Bearer"},
    {"Authorization": "Bearer "},
    {"Authorization": "Bearer wrong-token"},
    {"Authorization": "Bearer test-tokenx"},
    {"Authorization": "Basic dGVzdC10b2tlbg=="},
    {"Authorization": "Token test-token"},
    {"Authorization": "test-token"},
]


def count(client):
    return len(client.get("/api/notes").json())


def test_create_without_the_token_is_401(client):
    for headers in BAD_AUTH:
        # Checked first: a malformed body with the wrong media type still gets 401.
        headers = {**headers, "Content-Type": "text/plain"}
        answer = client.post("/api/notes", content=b"{not json", headers=headers)
        assert answer.status_code == 401, headers
        assert answer.headers["www-authenticate"] == "Bearer"
        assert list(answer.json()) == ["message"]
    assert count(client) == 0


def test_delete_without_the_token_is_401(client, auth):
    client.post("/api/notes", json={"title": "Keep me"}, headers=auth)
    for headers in BAD_AUTH:
        # Auth comes before the lookup: absent and out-of-range ids get 401 too.
        for path in ["/api/notes/1", "/api/notes/999", "/api/notes/0"]:
            answer = client.delete(path, headers=headers)
            assert answer.status_code == 401, (path, headers)
            assert answer.headers["www-authenticate"] == "Bearer"
    assert count(client) == 1


def test_the_scheme_is_case_insensitive_and_spaces_are_trimmed(client):
    for value in ["Bearer test-token", "bearer test-token", "BEARER   test-token  "]:
        headers = {"Authorization": value}
        answer = client.post("/api/notes", json={"title": "x"}, headers=headers)
        assert answer.status_code == 201, value
