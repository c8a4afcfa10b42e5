"""Black-box HTTP conformance suite for the notes contract v2 (docs/notes-api.yaml).

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
from datetime import datetime, timedelta
from urllib.parse import urlsplit

TIMEOUT = 15.0
MAX_BODY = 1024 * 1024
NOTE_KEYS = frozenset({"id", "title", "body", "created_at"})
_CHUNK = 64 * 1024
_QUOTE_ENTITY = re.compile(r"&(quot|apos|#34|#39|#x22|#x27);", re.IGNORECASE)
_APOS = ("apos", "#39", "#x27")
_SCRIPT_TITLE = '<script>alert("x")</script> & "q"'
_RFC3339 = re.compile(r"\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})")
_LINK = re.compile(r'</api/notes\?(?P<query>limit=\d+&offset=\d+)>; rel="next"')
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
    chunked: bool = False,
) -> _Response:
    """One request on a fresh connection, so a server closing it early spoils nothing else.

    `chunked` sends the body with Transfer-Encoding: chunked and no Content-Length."""
    url = urlsplit(base_url)
    if url.scheme != "http" or not url.hostname:
        raise ValueError(f"base_url must be http://host:port, got {base_url!r}")
    label = f"{method} {path}" + (f" [{what}]" if what else "")
    conn = http.client.HTTPConnection(url.hostname, url.port or 80, timeout=timeout)
    try:
        conn.putrequest(method, url.path.rstrip("/") + path, skip_accept_encoding=True)
        sent = {"X-Forwarded-Proto": "https", **(headers or {})}
        if chunked:
            sent["Transfer-Encoding"] = "chunked"
        elif body is not None or method in ("POST", "PUT", "PATCH"):
            sent["Content-Length"] = str(len(body or b""))
        for name, value in sent.items():
            conn.putheader(name, value)
        conn.endheaders()
        if chunked:
            _send_body(conn, body or b"", chunked=True)
        elif body:
            _send_body(conn, body)
        raw = conn.getresponse()
        return _Response(label, raw.status, raw.headers, raw.read())
    except (OSError, http.client.HTTPException) as exc:
        raise AssertionError(f"{label}: no HTTP answer ({exc!r})") from exc
    finally:
        conn.close()


def _send_body(conn: http.client.HTTPConnection, body: bytes, chunked: bool = False) -> None:
    """Upload in chunks and stop once the server answers: a 413 sent before the upload
    ends must be read, not lost to a reset connection."""
    sock, view = conn.sock, memoryview(body)
    assert sock is not None
    try:
        for start in range(0, len(view), _CHUNK):
            if start and select.select([sock], [], [], 0)[0]:
                return
            piece = view[start : start + _CHUNK]
            if chunked:
                sock.sendall(b"%x\r\n" % len(piece) + bytes(piece) + b"\r\n")
            else:
                sock.sendall(piece)
        if chunked:
            sock.sendall(b"0\r\n\r\n")
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
    if media != "application/json":
        raise AssertionError(f"{resp.label}: expected Content-Type application/json, got {resp}")
    try:
        return json.loads(resp.body)
    except ValueError as exc:
        raise AssertionError(f"{resp.label}: invalid JSON ({exc}): {resp}") from exc


def _methods(header: str) -> set[str]:
    return {m.strip().upper() for m in header.split(",") if m.strip()}


def _expect_error(resp: _Response, status: int, allow: str = "", field: str = "") -> dict:
    """The v2 error shape: exactly {message}, plus {errors: {field: problem}} on 422 only.

    `allow`: the methods a 405's Allow header must list; `field`: a name `errors` must hold."""
    if resp.label.startswith("HEAD "):
        _expect(resp, status)
        if resp.body:
            raise AssertionError(f"{resp.label}: a HEAD answer must have no body, got {resp}")
        return {}
    data = _json(_expect(resp, status))
    keys = {"message", "errors"} if status == 422 else {"message"}
    if not isinstance(data, dict) or set(data) != keys:
        got = sorted(data) if isinstance(data, dict) else type(data).__name__
        raise AssertionError(
            f"{resp.label}: a {status} body must have exactly the keys {sorted(keys)}, "
            f"got {got}: {resp}"
        )
    if not isinstance(data["message"], str) or not data["message"].strip():
        raise AssertionError(f'{resp.label}: "message" must be a non-empty string: {resp}')
    if status == 422:
        errors = data["errors"]
        if not isinstance(errors, dict) or not errors:
            raise AssertionError(f'{resp.label}: "errors" must be a non-empty object: {resp}')
        if not all(isinstance(k, str) and isinstance(v, str) for k, v in errors.items()):
            raise AssertionError(f'{resp.label}: "errors" must map field names to strings: {resp}')
        if field and field not in errors:
            raise AssertionError(f'{resp.label}: "errors" must name {field!r}: {resp}')
    if status == 401:
        scheme = resp.header("WWW-Authenticate").split(" ")[0]
        if scheme.lower() != "bearer":
            raise AssertionError(f"{resp.label}: 401 lacks 'WWW-Authenticate: Bearer', got {resp}")
    if status == 405:
        header = resp.header("Allow")
        if not header:
            raise AssertionError(f"{resp.label}: 405 without an Allow header: {resp}")
        missing = _methods(allow) - _methods(header)
        method = resp.label.split(" ")[0]
        if missing or method in _methods(header):
            raise AssertionError(
                f"{resp.label}: Allow {header!r} must list {allow} and not {method}"
            )
    return data


def _note(resp: _Response, data: object) -> Note:
    if not isinstance(data, dict) or set(data) != NOTE_KEYS:
        raise AssertionError(f"{resp.label}: expected a note {sorted(NOTE_KEYS)}, got {resp}")
    kinds = [type(data[key]) for key in ("id", "title", "body", "created_at")]
    if kinds != [int, str, str, str]:
        raise AssertionError(f"{resp.label}: note field types must be int/str/str/str: {resp}")
    stamp = data["created_at"]
    try:
        parsed = datetime.fromisoformat(stamp)
    except ValueError as exc:
        raise AssertionError(f"{resp.label}: created_at {stamp!r} is not RFC 3339") from exc
    utc = stamp.endswith(("Z", "z", "+00:00"))
    if not _RFC3339.fullmatch(stamp) or not utc or parsed.utcoffset() != timedelta(0):
        raise AssertionError(
            f"{resp.label}: created_at {stamp!r} must be RFC 3339 in UTC with an explicit "
            "offset (Z or +00:00)"
        )
    return data


def _page(base_url: str, query: str = "", what: str = "") -> tuple[list[Note], _Response]:
    resp = _expect(_send(base_url, "GET", "/api/notes" + query, what=what), 200)
    data = _json(resp)
    if not isinstance(data, list):
        raise AssertionError(f"{resp.label}: expected a JSON array, got {resp}")
    return [_note(resp, item) for item in data], resp


def _list(base_url: str, what: str) -> list[Note]:
    return _page(base_url, what=what)[0]


def all_notes(base_url: str, what: str = "every page", max_pages: int = 1000) -> list[Note]:
    """Every stored note, following the Link headers at 100 a page."""
    found: list[Note] = []
    query = "?limit=100&offset=0"
    for _ in range(max_pages):
        notes, resp = _page(base_url, query, what)
        found += notes
        link = resp.header("Link")
        if not link:
            return found
        match = _LINK.fullmatch(link)
        if not match:
            raise AssertionError(f"{resp.label}: Link {link!r} is not {_LINK.pattern}")
        query = "?" + match["query"]
    raise AssertionError(f"GET /api/notes: more than {max_pages} pages of Link headers")


def _post(
    base_url: str,
    token: str | None,
    body: bytes,
    what: str = "",
    *,
    content_type: str | None = "application/json",
    scheme: str = "Bearer",
    path: str = "/api/notes",
    chunked: bool = False,
) -> _Response:
    headers = {"Content-Type": content_type} if content_type is not None else {}
    if token is not None:
        headers["Authorization"] = f"{scheme} {token}"
    return _send(base_url, "POST", path, body, headers, what, chunked=chunked)


def _created(resp: _Response) -> Note:
    note = _note(_expect(resp, 201), _json(resp))
    location = resp.header("Location")
    if location != f"/api/notes/{note['id']}":
        raise AssertionError(
            f"{resp.label}: Location must be exactly /api/notes/{note['id']}, got {location!r}"
        )
    return note


def _create(base_url: str, token: str, payload: dict[str, str]) -> Note:
    resp = _post(base_url, token, json.dumps(payload).encode())
    note = _created(resp)
    want = (payload["title"].strip(), payload.get("body", ""))
    if (note["title"], note["body"]) != want:
        raise AssertionError(f"{resp.label}: expected title/body {want!r:.200}, got {resp}")
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


def _check_head(base_url: str, path: str, same_length: bool = True) -> None:
    """HEAD answers GET's status and headers, without a body. (`same_length=False` for pages
    whose length may change between two requests, such as a form with a fresh CSRF token.)"""
    get = _send(base_url, "GET", path, what="to compare with HEAD")
    head = _send(base_url, "HEAD", path)
    if head.status != get.status or head.body:
        raise AssertionError(
            f"{head.label}: expected GET's status {get.status} and no body, got {head.status} "
            f"with {len(head.body)} body bytes"
        )
    for name in ("Content-Type", "Link"):
        if head.header(name) != get.header(name):
            raise AssertionError(
                f"{head.label}: {name} {head.header(name)!r} differs from GET's "
                f"{get.header(name)!r}"
            )
    length = head.header("Content-Length")
    if same_length and length and length != str(len(get.body)):
        raise AssertionError(
            f"{head.label}: Content-Length {length} but GET's body has {len(get.body)} bytes"
        )


def check_basics(base_url: str, project_name_html: str) -> None:
    """The two pages every project serves, with or without the example."""
    resp = _expect(_send(base_url, "GET", "/health"), 200)
    if _json(resp) != {"status": "ok"}:
        raise AssertionError(f'{resp.label}: expected exactly {{"status": "ok"}}, got {resp}')
    _check_html(_send(base_url, "GET", "/"), project_name_html)


def check_health_v2(base_url: str) -> None:
    """/health of every HTTP starter (with or without the example): HEAD, 405 + Allow, no twin."""
    _check_head(base_url, "/health")
    _check_head(base_url, "/", same_length=False)
    for method in ("POST", "PUT", "PATCH", "DELETE"):
        _expect_error(_send(base_url, method, "/health"), 405, allow="GET, HEAD")
    _expect_error(_send(base_url, "GET", "/health/", what="trailing slash"), 404)


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
    for head_path in ("/api/notes", path, "/api/notes?limit=1"):
        _check_head(base_url, head_path)
    auth = {"Authorization": f"Bearer {token}"}
    _check_delete(_send(base_url, "DELETE", path, headers=auth))
    _expect_error(_send(base_url, "DELETE", path, headers=auth, what="deleted"), 404)
    _expect_error(_send(base_url, "GET", path, what="deleted"), 404)
    _expect_error(_send(base_url, "HEAD", path, what="deleted"), 404)
    _check_rejections(base_url, token, f"/api/notes/{second['id']}")
    # 200 characters but 201 bytes: limits count characters
    kept = [
        second,
        third,
        _create(base_url, token, {"title": "t" * 199 + "é", "body": "b" * 10_000}),
        *_check_accepted_variants(base_url, token),
    ]
    with ThreadPoolExecutor(max_workers=8) as pool:
        kept += pool.map(lambda i: _create(base_url, token, {"title": f"parallel {i}"}), range(20))
    if len({n["id"] for n in kept[-20:]}) != 20:
        raise AssertionError(f"20 parallel POST /api/notes gave duplicate ids: {kept[-20:]}")
    if html_notes:
        kept.append(_create(base_url, token, {"title": _SCRIPT_TITLE}))
        page = _check_html(_send(base_url, "GET", "/notes/"), html.escape(_SCRIPT_TITLE))
        _check_head(base_url, "/notes/", same_length=False)
        if "<script>alert(" in page:
            raise AssertionError("GET /notes/: a note title is not HTML-escaped")
    ids = [int(str(note["id"])) for note in kept]
    missing = set(ids) - {note["id"] for note in all_notes(base_url, "after creates")}
    if missing:
        raise AssertionError(f"GET /api/notes: created notes {sorted(missing)} are missing")
    _check_pagination(base_url)
    return ids


def _check_delete(resp: _Response) -> None:
    _expect(resp, 204)
    if resp.body or resp.header("Content-Type"):
        raise AssertionError(
            f"{resp.label}: 204 must have no body and no Content-Type, got "
            f"Content-Type {resp.header('Content-Type')!r} and {resp.body[:100]!r}"
        )


def _check_accepted_variants(base_url: str, token: str) -> list[Note]:
    """Writes v2 accepts: scheme case, charset, chunked, unknown fields, whitespace rules."""
    good = b'{"title": "accepted"}'
    notes = []
    for what, scheme, media in [
        ("lower-case scheme", "bearer", "application/json"),
        ("upper-case scheme", "BEARER", "application/json"),
        ("media type case and charset", "Bearer", "Application/JSON; charset=utf-8"),
    ]:
        resp = _post(base_url, token, good, what, content_type=media, scheme=scheme)
        notes.append(_created(resp))
    resp = _post(base_url, token, b'{"title": "chunked", "body": "small"}', "chunked", chunked=True)
    note = _created(resp)
    if (note["title"], note["body"]) != ("chunked", "small"):
        raise AssertionError(f"{resp.label}: a chunked body was not read: {resp}")
    notes.append(note)
    big_id = 2**62
    resp = _post(base_url, token, b'{"title": "x", "id": %d, "extra": 1}' % big_id, "unknown keys")
    note = _created(resp)
    if note["id"] == big_id or note["title"] != "x":
        raise AssertionError(f"{resp.label}: unknown fields must be ignored, got {resp}")
    notes.append(note)
    # 200 code points before stripping; Unicode whitespace is stripped; \n \r \t allowed in body
    notes.append(_create(base_url, token, {"title": " " + "w" * 198 + " "}))
    notes.append(_create(base_url, token, {"title": "\u3000ideographic\u00a0", "body": "a\tb\r\n"}))
    return notes


def _check_pagination(base_url: str) -> None:
    everything = all_notes(base_url, "for pagination")
    total = len(everything)
    if total < 3:
        raise AssertionError(f"pagination needs 3 notes, the store has {total}")
    ids = [note["id"] for note in everything]
    if ids != sorted(ids, reverse=True):
        raise AssertionError(f"GET /api/notes: pages are not highest id first: {ids[:20]}")
    notes, resp = _page(base_url, "?limit=2")
    want = '</api/notes?limit=2&offset=2>; rel="next"'
    if [n["id"] for n in notes] != ids[:2] or resp.header("Link") != want:
        raise AssertionError(
            f"{resp.label}: expected ids {ids[:2]} and Link {want!r}, got "
            f"{[n['id'] for n in notes]} and {resp.header('Link')!r}"
        )
    notes, resp = _page(base_url, "?limit=2&offset=1&sort=ignored")
    want = '</api/notes?limit=2&offset=3>; rel="next"' if total > 3 else ""
    if [n["id"] for n in notes] != ids[1:3] or resp.header("Link") != want:
        raise AssertionError(
            f"{resp.label}: expected ids {ids[1:3]} and Link {want!r}, got "
            f"{[n['id'] for n in notes]} and {resp.header('Link')!r}"
        )
    for query, count in [(f"?limit=1&offset={total - 1}", 1), (f"?offset={total}", 0)]:
        notes, resp = _page(base_url, query, "last page")
        if len(notes) != count or resp.header("Link"):
            raise AssertionError(
                f"{resp.label}: expected {count} note(s) and no Link on the last page, got "
                f"{len(notes)} and Link {resp.header('Link')!r}"
            )
    if total <= 50:
        notes, resp = _page(base_url, "", "default limit 50")
        if len(notes) != total or resp.header("Link"):
            raise AssertionError(f"{resp.label}: expected all {total} notes and no Link")
    for name, values in [
        ("limit", ["0", "101", "+5", "-1", "1.5", "abc", "", "1e1"]),
        ("offset", ["-1", "+5", "1.5", "abc", ""]),
    ]:
        for value in values:
            resp = _send(base_url, "GET", f"/api/notes?{name}={value}")
            _expect_error(resp, 422, field=name)


def _check_rejections(base_url: str, token: str, existing: str) -> None:
    """Every error answer of the contract; the store must be unchanged afterwards."""
    before = all_notes(base_url, "before error cases")
    good, wrong = b'{"title": "ok"}', token + "x"
    for what, bad in [("no token", None), ("wrong token", wrong)]:
        _expect_error(_post(base_url, bad, good, what), 401)
        headers = {} if bad is None else {"Authorization": f"Bearer {bad}"}
        _expect_error(_send(base_url, "DELETE", existing, headers=headers, what=what), 401)
        absent = "/api/notes/9223372036854775807"
        _expect_error(_send(base_url, "DELETE", absent, headers=headers, what=what), 401)
    for what, scheme, value in [
        ("Basic scheme", "Basic", token),
        ("Token scheme", "Token", token),
        ("empty token", "Bearer", ""),
        ("blank token", "Bearer", "   "),
    ]:
        _expect_error(_post(base_url, value, good, what, scheme=scheme), 401)
    _expect_error(_send(base_url, "POST", "/api/notes", good, {"Authorization": "Bearer"}), 401)
    _expect_error(_post(base_url, wrong, b"{", "wrong token and bad JSON: token first"), 401)
    _expect_error(
        _post(base_url, wrong, good, "wrong token and text/plain", content_type="text/plain"),
        401,
    )
    for what, media in [
        ("text/plain", "text/plain"),
        ("no Content-Type", None),
        ("application/vnd.api+json", "application/vnd.api+json"),
        ("form", "application/x-www-form-urlencoded"),
    ]:
        _expect_error(_post(base_url, token, good, what, content_type=media), 415)
    cases: list[tuple[str, object, int, str]] = [
        ("malformed JSON", b'{"title": ', 400, ""),
        ("invalid UTF-8", b'{"title": "\xff\xfe"}', 400, ""),
        ("JSON array", [{"title": "x"}], 400, ""),
        ("JSON string", "title", 400, ""),
        ("JSON null", None, 400, ""),
        ("empty object", {}, 422, "title"),
        ("missing title", {"body": "x"}, 422, "title"),
        ("title not a string", {"title": 42}, 422, "title"),
        ("title null", {"title": None}, 422, "title"),
        ("title a list", {"title": ["x"]}, 422, "title"),
        ("blank title", {"title": "   "}, 422, "title"),
        ("Unicode-blank title", {"title": "\u3000\u2003"}, 422, "title"),
        ("title 201 chars", {"title": "t" * 201}, 422, "title"),
        ("title 201 chars before strip", {"title": " " + "t" * 200}, 422, "title"),
        ("title with newline", {"title": "two\nlines"}, 422, "title"),
        ("title with NUL", {"title": "a\x00b"}, 422, "title"),
        ("title with DEL", {"title": "a\x7fb"}, 422, "title"),
        ("title with U+0085", {"title": "a\x85b"}, 422, "title"),
        ("title with tab", {"title": "a\tb"}, 422, "title"),
        ("title with a lone surrogate", b'{"title": "a\\ud800b"}', 422, "title"),
        ("body with a lone surrogate", b'{"title": "x", "body": "\\udfff"}', 422, "body"),
        ("body not a string", {"title": "x", "body": 7}, 422, "body"),
        ("body null", {"title": "x", "body": None}, 422, "body"),
        ("body 10,001 chars", {"title": "x", "body": "b" * 10_001}, 422, "body"),
        ("body with NUL", {"title": "x", "body": "a\x00b"}, 422, "body"),
        ("body with ESC", {"title": "x", "body": "a\x1bb"}, 422, "body"),
    ]
    for what, payload, status, field in cases:
        raw = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
        _expect_error(_post(base_url, token, raw, what), status, field=field)
    data = _expect_error(
        _post(base_url, token, b'{"title": 42, "body": 7}', "both fields invalid"), 422
    )
    if set(data["errors"]) != {"title", "body"}:
        raise AssertionError(
            f'POST /api/notes [both fields invalid]: "errors" must name title '
            f"and body, got {data['errors']}"
        )
    big = b'{"title": "x", "body": "' + b"b" * (MAX_BODY + 1 - 26) + b'"}'
    _expect_error(_post(base_url, token, big, f"{len(big)}-byte body"), 413)
    _expect_error(_post(base_url, token, big, f"{len(big)}-byte chunked body", chunked=True), 413)
    junk = b"{" * (MAX_BODY + 1)
    _expect_error(_post(base_url, token, junk, "over 1 MiB and malformed: size first"), 413)
    _check_ids(base_url, token)
    _check_paths_and_methods(base_url, token, existing)
    after = all_notes(base_url, "after error cases")
    if after != before:
        added = [note for note in after if note not in before]
        gone = [note for note in before if note not in after]
        raise AssertionError(f"rejected requests changed the store: added {added}, lost {gone}")


def _check_ids(base_url: str, token: str) -> None:
    auth = {"Authorization": f"Bearer {token}"}
    bad = [
        "0",
        "-1",
        "abc",
        "1.5",
        "9223372036854775808",
        "18446744073709551616",
        "99999999999999999999999",
        "%201",
        "1%20",
        "1e3",
        "0x1",
        "%EF%BC%91",
    ]
    for text in ["9223372036854775807", *bad]:
        path = f"/api/notes/{text}"
        for method in ("GET", "HEAD"):
            _expect_error(_send(base_url, method, path, what="no such note"), 404)
        _expect_error(_send(base_url, "DELETE", path, headers=auth, what="no such note"), 404)


def _check_paths_and_methods(base_url: str, token: str, existing: str) -> None:
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    good = b'{"title": "ok"}'
    for method, path in [
        ("GET", "/api/notes/"),
        ("POST", "/api/notes/"),
        ("GET", existing + "/"),
        ("DELETE", existing + "/"),
        ("GET", "/api/nope"),
        ("GET", "/health/"),
    ]:
        body = good if method == "POST" else None
        _expect_error(_send(base_url, method, path, body, headers, "no such path"), 404)
    for method in ("PUT", "PATCH", "TRACE", "DELETE"):
        body = None if method in ("TRACE", "DELETE") else good
        _expect_error(
            _send(base_url, method, "/api/notes", body, headers), 405, allow="GET, HEAD, POST"
        )
    for method in ("PUT", "PATCH", "TRACE", "POST"):
        body = None if method == "TRACE" else good
        _expect_error(
            _send(base_url, method, existing, body, headers), 405, allow="GET, HEAD, DELETE"
        )
    # the method is checked before the token
    plain = {"Content-Type": "application/json"}
    for method, path, allow in [
        ("PUT", "/api/notes", "GET, HEAD, POST"),
        ("PATCH", existing, "GET, HEAD, DELETE"),
    ]:
        resp = _send(base_url, method, path, good, plain, "no token: method first")
        _expect_error(resp, 405, allow=allow)
    for path in ("/health", "/api/notes", existing):
        resp = _send(base_url, "OPTIONS", path)
        if resp.status >= 500:
            raise AssertionError(f"{resp.label}: OPTIONS must never be a 5xx, got {resp}")


def check_persisted(base_url: str, ids: list[int]) -> None:
    """After a restart on the same DATABASE_URL, every note is still there."""
    for note_id in ids:
        resp = _expect(_send(base_url, "GET", f"/api/notes/{note_id}", what="after restart"), 200)
        data = _note(resp, _json(resp))
        if data["id"] != note_id:
            raise AssertionError(f"{resp.label}: expected note {note_id}, got {resp}")
