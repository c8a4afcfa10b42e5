"""Black-box HTTP conformance suite for the notes contract of docs/TEMPLATES.md.

Standard library only, so it runs against any template's production server without adding
to the harness's dependencies. Checks stop at the first deviation with an AssertionError
naming the request and what came back: a tier-3 failure is read in CI logs, far from the
server that caused it.
"""

from __future__ import annotations

import html
import http.client
import json
import re
import select
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

TIMEOUT = 15.0
MAX_BODY = 1024 * 1024
NOTE_KEYS = frozenset({"id", "title", "body", "created_at"})
_CHUNK = 64 * 1024
_QUOTE_ENTITY = re.compile(r"&(quot|apos|#34|#39|#x22|#x27);", re.IGNORECASE)
_APOS = ("apos", "#39", "#x27")
_SCRIPT_TITLE = '<script>alert("x")</script> & "q"'
Note = dict[str, object]


@dataclass(frozen=True)
class _Response:
    label: str
    status: int
    headers: http.client.HTTPMessage
    body: bytes

    def header(self, name: str) -> str:
        return self.headers.get(name, "")

    def __str__(self) -> str:
        text = self.body[:300].decode("utf-8", "replace")
        return f"{self.status} ({self.header('Content-Type') or 'no content-type'}) {text!r}"


def _send(
    base_url: str,
    method: str,
    path: str,
    body: bytes | None = None,
    headers: dict[str, str] | None = None,
    what: str = "",
    timeout: float = TIMEOUT,
) -> _Response:
    """One request on a fresh connection, so a server closing it early spoils nothing else."""
    url = urlsplit(base_url)
    if url.scheme != "http" or not url.hostname:
        raise ValueError(f"base_url must be http://host:port, got {base_url!r}")
    label = f"{method} {path}" + (f" [{what}]" if what else "")
    conn = http.client.HTTPConnection(url.hostname, url.port or 80, timeout=timeout)
    try:
        conn.putrequest(method, url.path.rstrip("/") + path, skip_accept_encoding=True)
        sent = {"X-Forwarded-Proto": "https", **(headers or {})}
        if body is not None or method in ("POST", "PUT", "PATCH"):
            sent["Content-Length"] = str(len(body or b""))
        for name, value in sent.items():
            conn.putheader(name, value)
        conn.endheaders()
        if body:
            _send_body(conn, body)
        raw = conn.getresponse()
        return _Response(label, raw.status, raw.headers, raw.read())
    except (OSError, http.client.HTTPException) as exc:
        raise AssertionError(f"{label}: no HTTP answer ({exc!r})") from exc
    finally:
        conn.close()


def _send_body(conn: http.client.HTTPConnection, body: bytes) -> None:
    """Upload in chunks and stop once the server answers: a 413 sent before the upload
    ends must be read, not lost to a reset connection."""
    sock, view = conn.sock, memoryview(body)
    assert sock is not None
    try:
        for start in range(0, len(view), _CHUNK):
            if start and select.select([sock], [], [], 0)[0]:
                return
            sock.sendall(view[start : start + _CHUNK])
    except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError):
        pass  # closed while we were sending; its answer may still be readable


def _expect(resp: _Response, status: int) -> _Response:
    if 300 <= resp.status < 400:
        where = resp.header("Location")
        raise AssertionError(
            f"{resp.label}: expected {status}, got redirect {resp.status} to {where!r} "
            "(the harness follows no redirects)"
        )
    if resp.status != status:
        raise AssertionError(f"{resp.label}: expected {status}, got {resp}")
    return resp


def _json(resp: _Response) -> object:
    media = resp.header("Content-Type").split(";")[0].strip().lower()
    if not media.endswith("json"):
        raise AssertionError(f"{resp.label}: expected a JSON content-type, got {resp}")
    try:
        return json.loads(resp.body)
    except ValueError as exc:
        raise AssertionError(f"{resp.label}: invalid JSON ({exc}): {resp}") from exc


def _expect_error(resp: _Response, status: int) -> None:
    data = _json(_expect(resp, status))
    if not isinstance(data, dict) or not isinstance(data.get("message"), str):
        raise AssertionError(f'{resp.label}: expected a JSON object with a "message", got {resp}')
    scheme = resp.header("WWW-Authenticate").split(" ")[0]
    if status == 401 and scheme.lower() != "bearer":
        raise AssertionError(f"{resp.label}: 401 lacks 'WWW-Authenticate: Bearer', got {resp}")


def _note(resp: _Response, data: object) -> Note:
    if not isinstance(data, dict) or set(data) != NOTE_KEYS:
        raise AssertionError(f"{resp.label}: expected a note {sorted(NOTE_KEYS)}, got {resp}")
    kinds = [type(data[key]) for key in ("id", "title", "body", "created_at")]
    if kinds != [int, str, str, str]:
        raise AssertionError(f"{resp.label}: note field types must be int/str/str/str: {resp}")
    try:
        datetime.fromisoformat(data["created_at"])
    except ValueError as exc:
        raise AssertionError(f"{resp.label}: created_at is not ISO-8601: {resp}") from exc
    return data


def _list(base_url: str, what: str) -> list[Note]:
    resp = _expect(_send(base_url, "GET", "/api/notes", what=what), 200)
    data = _json(resp)
    if not isinstance(data, list):
        raise AssertionError(f"{resp.label}: expected a JSON array, got {resp}")
    return [_note(resp, item) for item in data]


def _post(base_url: str, token: str | None, body: bytes, what: str = "") -> _Response:
    headers = {"Content-Type": "application/json"}
    if token is not None:
        headers["Authorization"] = f"Bearer {token}"
    return _send(base_url, "POST", "/api/notes", body, headers, what)


def _create(base_url: str, token: str, payload: dict[str, str]) -> Note:
    resp = _expect(_post(base_url, token, json.dumps(payload).encode()), 201)
    note = _note(resp, _json(resp))
    want = (payload["title"].strip(), payload.get("body", ""))
    if (note["title"], note["body"]) != want:
        raise AssertionError(f"{resp.label}: expected title/body {want!r:.200}, got {resp}")
    location = resp.header("Location")
    if not location.endswith(f"/api/notes/{note['id']}"):
        raise AssertionError(f"{resp.label}: Location {location!r} must end in /api/notes/<id>")
    return note


def wait_for_health(
    base_url: str, timeout: float, proc: subprocess.Popen[bytes] | None = None
) -> None:
    """Poll GET /health until 200, so checks start only once the server really serves."""
    deadline, last = time.monotonic() + timeout, "no attempt"
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise AssertionError(f"server exited with code {proc.returncode}; last: {last}")
        try:
            remaining = max(0.1, min(TIMEOUT, deadline - time.monotonic()))
            resp = _send(base_url, "GET", "/health", timeout=remaining)
            if resp.status == 200:
                return
            last = f"GET /health -> {resp}"
        except AssertionError as exc:
            last = str(exc)
        time.sleep(0.1)
    raise AssertionError(f"{base_url}/health not 200 within {timeout:g} s; last: {last}")


def _unquote(text: str) -> str:
    """Quotes are safe in HTML text escaped or not, and frameworks spell them differently."""
    return _QUOTE_ENTITY.sub(lambda m: "'" if m[1].lower() in _APOS else '"', text)


def _check_html(resp: _Response, needle: str) -> str:
    _expect(resp, 200)
    if not resp.header("Content-Type").lower().startswith("text/html"):
        raise AssertionError(f"{resp.label}: expected text/html, got {resp}")
    page = resp.body.decode("utf-8", "replace")
    if _unquote(needle) not in _unquote(page):
        raise AssertionError(f"{resp.label}: page lacks {needle!r}; got {resp}")
    return page


def check_basics(base_url: str, project_name_html: str) -> None:
    """The two pages every project serves, with or without the example."""
    resp = _expect(_send(base_url, "GET", "/health"), 200)
    if _json(resp) != {"status": "ok"}:
        raise AssertionError(f'{resp.label}: expected exactly {{"status": "ok"}}, got {resp}')
    _check_html(_send(base_url, "GET", "/"), project_name_html)


def check_notes_api(base_url: str, token: str, *, html_notes: bool) -> list[int]:
    """Every row and error case of the contract; returns the ids it left in the store."""
    first = _create(base_url, token, {"title": "  First note  "})
    second = _create(base_url, token, {"title": "Café ☕ 2", "body": "two\nlines"})
    third = _create(base_url, token, {"title": "third", "body": "3"})
    top = _list(base_url, "newest first")[:3]
    if top != [third, second, first]:
        raise AssertionError(
            f"GET /api/notes: expected newest first {[third, second, first]}, got {top}"
        )
    path = f"/api/notes/{first['id']}"
    resp = _expect(_send(base_url, "GET", path), 200)
    if _json(resp) != first:
        raise AssertionError(f"{resp.label}: expected {first}, got {resp}")
    auth = {"Authorization": f"Bearer {token}"}
    resp = _expect(_send(base_url, "DELETE", path, headers=auth), 204)
    if resp.body:
        raise AssertionError(f"{resp.label}: 204 must have an empty body, got {resp.body[:100]!r}")
    _expect_error(_send(base_url, "DELETE", path, headers=auth, what="deleted"), 404)
    _expect_error(_send(base_url, "GET", path, what="deleted"), 404)
    _check_rejections(base_url, token, f"/api/notes/{second['id']}")
    # 200 characters but 201 bytes: limits count characters
    kept = [
        second,
        third,
        _create(base_url, token, {"title": "t" * 199 + "é", "body": "b" * 10_000}),
    ]
    with ThreadPoolExecutor(max_workers=8) as pool:
        kept += pool.map(lambda i: _create(base_url, token, {"title": f"parallel {i}"}), range(20))
    if len({n["id"] for n in kept[-20:]}) != 20:
        raise AssertionError(f"20 parallel POST /api/notes gave duplicate ids: {kept[-20:]}")
    if html_notes:
        kept.append(_create(base_url, token, {"title": _SCRIPT_TITLE}))
        page = _check_html(_send(base_url, "GET", "/notes/"), html.escape(_SCRIPT_TITLE))
        if "<script>alert(" in page:
            raise AssertionError("GET /notes/: a note title is not HTML-escaped")
    ids = [int(str(note["id"])) for note in kept]
    missing = set(ids) - {note["id"] for note in _list(base_url, "after creates")}
    if missing:
        raise AssertionError(f"GET /api/notes: created notes {sorted(missing)} are missing")
    return ids


def _check_rejections(base_url: str, token: str, existing: str) -> None:
    """Every error answer of the contract; the store must be unchanged afterwards."""
    before = _list(base_url, "before error cases")
    good, wrong = b'{"title": "ok"}', token + "x"
    for what, bad in [("no token", None), ("wrong token", wrong)]:
        _expect_error(_post(base_url, bad, good, what), 401)
        headers = {} if bad is None else {"Authorization": f"Bearer {bad}"}
        _expect_error(_send(base_url, "DELETE", existing, headers=headers, what=what), 401)
    _expect_error(_post(base_url, wrong, b"{", "wrong token and bad JSON: token first"), 401)
    cases: list[tuple[str, object, int]] = [
        ("malformed JSON", b'{"title": ', 400),
        ("JSON array", [{"title": "x"}], 400),
        ("JSON string", "title", 400),
        ("missing title", {"body": "x"}, 422),
        ("title not a string", {"title": 42}, 422),
        ("blank title", {"title": "   "}, 422),
        ("title 201 chars", {"title": "t" * 201}, 422),
        ("body not a string", {"title": "x", "body": 7}, 422),
        ("body 10,001 chars", {"title": "x", "body": "b" * 10_001}, 422),
    ]
    for what, payload, status in cases:
        raw = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
        _expect_error(_post(base_url, token, raw, what), status)
    big = b'{"title": "x", "body": "' + b"b" * (MAX_BODY + 1 - 26) + b'"}'
    _expect_error(_post(base_url, token, big, f"{len(big)}-byte body"), 413)
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    for method in ("PUT", "PATCH"):
        for path in ("/api/notes", existing):
            _expect_error(_send(base_url, method, path, good, headers), 405)
    after = _list(base_url, "after error cases")
    if after != before:
        added = [note for note in after if note not in before]
        gone = [note for note in before if note not in after]
        raise AssertionError(f"rejected requests changed the store: added {added}, lost {gone}")


def check_persisted(base_url: str, ids: list[int]) -> None:
    """After a restart on the same DATABASE_URL, every note is still there."""
    for note_id in ids:
        resp = _expect(_send(base_url, "GET", f"/api/notes/{note_id}", what="after restart"), 200)
        data = _note(resp, _json(resp))
        if data["id"] != note_id:
            raise AssertionError(f"{resp.label}: expected note {note_id}, got {resp}")
