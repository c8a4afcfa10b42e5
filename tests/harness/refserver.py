"""A reference notes server (contract v2), standard library only, with plantable defects.

It passes every served check of the harness, so the planted-defect tests in this folder prove
each check can fail without depending on any template's state. Run it as a Procfile would:

    HOST=127.0.0.1 PORT=8000 API_TOKEN=t DATABASE_URL=sqlite:////tmp/db.sqlite3 \
        python tests/harness/refserver.py

`PLANT=<defect>` switches one defect on (see DEFECTS). Not a template: nothing here is idiom.
"""

from __future__ import annotations

import hmac
import json
import os
import re
import signal
import sqlite3
import sys
import threading
import traceback
import unicodedata
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

DEFECTS = {
    "unbounded_id": "ids are not bounded: 2^63 reaches SQLite and is a 500",
    "error_shape": 'error bodies carry an extra "error" key',
    "no_allow": "405 answers lack the Allow header",
    "lost_write": "every 7th POST is answered 201 but rolled back",
    "naive_created_at": "created_at has no UTC offset",
    "typed_204": "the 204 of DELETE carries Content-Type: application/json",
    "slash_twin": "/api/notes/ is served like /api/notes",
    "any_media_type": "POST accepts any Content-Type",
    "chunked_as_empty": "a chunked body is read as empty (400)",
    "surrogate_500": "a lone surrogate reaches the database: 500",
    "no_link": "no Link header when more notes follow",
    "sigterm_drops": "SIGTERM ends the process at once, dropping requests in flight",
}
PLANT = os.environ.get("PLANT", "")
MAX_BODY = 1024 * 1024
MAX_ID = 2**63 - 1
ALLOW = {
    "health": "GET, HEAD",
    "notes": "GET, HEAD, POST",
    "note": "GET, HEAD, DELETE",
}
_NOTE_PATH = re.compile(r"/api/notes/([^/]+)")
_DIGITS = re.compile(r"[0-9]+")
_posts = 0
_posts_lock = threading.Lock()


class HTTPError(Exception):
    def __init__(self, status: int, message: str, errors: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status, self.message, self.errors = status, message, errors
        self.headers: dict[str, str] = {}


def connect() -> sqlite3.Connection:
    url = os.environ["DATABASE_URL"]
    conn = sqlite3.connect(url.removeprefix("sqlite:///"), timeout=10, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    return conn


def _text_problem(value: object, name: str, limit: int, allowed: str) -> str | None:
    if not isinstance(value, str):
        return f"{name} must be a string."
    if len(value) > limit:
        return f"{name} must be at most {limit} characters."
    if PLANT != "surrogate_500" and any(0xD800 <= ord(c) <= 0xDFFF for c in value):
        return f"{name} must not contain unpaired surrogates."
    if any(unicodedata.category(c) == "Cc" and c not in allowed for c in value):
        return f"{name} must not contain control characters."
    return None


def validate(data: dict[str, object]) -> tuple[str, str]:
    errors = {}
    title = data.get("title")
    problem = _text_problem(title, "title", 200, "")
    if problem is None and isinstance(title, str) and not title.strip():
        problem = "title must not be blank."
    if problem:
        errors["title"] = problem
    body = data.get("body", "")
    problem = _text_problem(body, "body", 10_000, "\n\r\t")
    if problem:
        errors["body"] = problem
    if errors:
        raise HTTPError(422, "The note is not valid.", errors)
    assert isinstance(title, str) and isinstance(body, str)
    return title.strip(), body


def _row(row: tuple[int, str, str, str]) -> dict[str, object]:
    return dict(zip(("id", "title", "body", "created_at"), row, strict=True))


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "refserver"

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    # --- plumbing ---------------------------------------------------------------------
    def _answer(
        self, status: int, payload: object = None, headers: dict[str, str] | None = None
    ) -> None:
        body = b"" if payload is None else json.dumps(payload).encode()
        self.send_response(status)
        if payload is not None:
            self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _error(self, exc: HTTPError) -> None:
        payload: dict[str, object] = {"message": exc.message}
        if exc.errors is not None:
            payload["errors"] = exc.errors
        if PLANT == "error_shape":
            payload["error"] = exc.status
        self.close_connection = True  # the request body may be unread
        self._answer(exc.status, payload, {**exc.headers, "Connection": "close"})

    def _dispatch(self) -> None:
        try:
            self._route()
        except HTTPError as exc:
            self._error(exc)
        except Exception:
            traceback.print_exc(file=sys.stderr)
            self._error(HTTPError(500, "Internal server error."))

    def __getattr__(self, name: str) -> object:
        # http.server looks up do_<METHOD>: every method goes through the router
        if name.startswith("do_") and name[3:].isupper():
            return self._dispatch
        raise AttributeError(name)

    def _route(self) -> None:
        url = urlsplit(self.path)
        path, method = url.path, self.command
        if path == "/":
            if method not in ("GET", "HEAD"):
                self._not_allowed("GET, HEAD")
            page = b"<!doctype html><title>Reference</title><h1>Reference notes</h1>"
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(page)))
            self.end_headers()
            if method != "HEAD":
                self.wfile.write(page)
            return
        if path == "/health":
            self._allowed("health")
            return self._answer(200, {"status": "ok"})
        if PLANT == "slash_twin" and path == "/api/notes/":
            path = "/api/notes"
        if path == "/api/notes":
            self._allowed("notes")
            return self._create() if method == "POST" else self._list(url.query)
        match = _NOTE_PATH.fullmatch(path)
        if match:
            self._allowed("note")
            if method == "DELETE":
                self._authorize()
            note_id = self._note_id(match[1])
            return self._delete(note_id) if method == "DELETE" else self._show(note_id)
        raise HTTPError(404, "Not found.")

    def _not_allowed(self, allow: str) -> None:
        exc = HTTPError(405, f"Method {self.command} is not allowed here.")
        if PLANT != "no_allow":
            exc.headers["Allow"] = allow
        raise exc

    def _allowed(self, resource: str) -> None:
        if self.command not in ALLOW[resource].split(", "):
            self._not_allowed(ALLOW[resource])

    def _authorize(self) -> None:
        scheme, _, token = self.headers.get("Authorization", "").partition(" ")
        expected = os.environ["API_TOKEN"].encode()
        token_ok = hmac.compare_digest(token.strip().encode(), expected)
        if scheme.lower() != "bearer" or not token.strip() or not token_ok:
            exc = HTTPError(401, "A valid bearer token is required.")
            exc.headers["WWW-Authenticate"] = 'Bearer realm="notes"'
            raise exc

    def _note_id(self, text: str) -> int:
        if not _DIGITS.fullmatch(text):
            raise HTTPError(404, "Note not found.")
        value = int(text)
        if PLANT != "unbounded_id" and not 1 <= value <= MAX_ID:
            raise HTTPError(404, "Note not found.")
        return value

    def _read_body(self) -> bytes:
        chunked = "chunked" in self.headers.get("Transfer-Encoding", "").lower()
        if chunked and PLANT == "chunked_as_empty":
            return b""
        if chunked:
            chunks, size = [], 0
            while True:
                line = self.rfile.readline(1024)
                length = int(line.split(b";")[0].strip() or b"0", 16)
                if length == 0:
                    while self.rfile.readline(1024) not in (b"\r\n", b"\n", b""):
                        pass
                    return b"".join(chunks)
                size += length
                if size > MAX_BODY:
                    raise HTTPError(413, "The body is larger than 1 MiB.")
                chunks.append(self.rfile.read(length))
                self.rfile.readline(1024)
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            raise HTTPError(413, "The body is larger than 1 MiB.")
        return self.rfile.read(length)

    # --- the notes resource -----------------------------------------------------------
    def _create(self) -> None:
        global _posts
        self._authorize()
        media = self.headers.get("Content-Type", "").split(";")[0].strip().lower()
        if media != "application/json" and PLANT != "any_media_type":
            raise HTTPError(415, "Send the note as application/json.")
        raw = self._read_body()
        try:
            data = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            raise HTTPError(400, "The body is not valid JSON.") from None
        if not isinstance(data, dict):
            raise HTTPError(400, "The body must be a JSON object.")
        title, body = validate(data)
        created = datetime.now(UTC).isoformat()
        if PLANT == "naive_created_at":
            created = created.removesuffix("+00:00")
        with _posts_lock:
            _posts += 1
            lose = PLANT == "lost_write" and _posts % 7 == 0
        conn = connect()
        try:
            conn.execute("BEGIN IMMEDIATE")
            cur = conn.execute(
                "INSERT INTO notes (title, body, created_at) VALUES (?, ?, ?)",
                (title, body, created),
            )
            conn.execute("ROLLBACK" if lose else "COMMIT")
        finally:
            conn.close()
        note = {"id": cur.lastrowid, "title": title, "body": body, "created_at": created}
        self._answer(201, note, {"Location": f"/api/notes/{cur.lastrowid}"})

    def _list(self, query: str) -> None:
        params = parse_qs(query, keep_blank_values=True)
        errors, values = {}, {}
        for name, default, low, high in (("limit", 50, 1, 100), ("offset", 0, 0, None)):
            text = params.get(name, [str(default)])[0]
            ok = bool(_DIGITS.fullmatch(text)) and int(text) >= low
            ok = ok and (high is None or int(text) <= high)
            if not ok:
                bound = f"from {low} to {high}" if high else f"{low} or more"
                errors[name] = f"{name} must be an integer {bound}."
            else:
                values[name] = int(text)
        if errors:
            raise HTTPError(422, "The query is not valid.", errors)
        limit, offset = values["limit"], values["offset"]
        if offset > MAX_ID:
            rows = []
        else:
            conn = connect()
            try:
                rows = conn.execute(
                    "SELECT id, title, body, created_at FROM notes ORDER BY id DESC"
                    " LIMIT ? OFFSET ?",
                    (limit + 1, offset),
                ).fetchall()
            finally:
                conn.close()
        headers = {}
        if len(rows) > limit and PLANT != "no_link":
            headers["Link"] = f'</api/notes?limit={limit}&offset={offset + limit}>; rel="next"'
        self._answer(200, [_row(r) for r in rows[:limit]], headers)

    def _show(self, note_id: int) -> None:
        conn = connect()
        try:
            row = conn.execute(
                "SELECT id, title, body, created_at FROM notes WHERE id = ?", (note_id,)
            ).fetchone()
        finally:
            conn.close()
        if row is None:
            raise HTTPError(404, "Note not found.")
        self._answer(200, _row(row))

    def _delete(self, note_id: int) -> None:
        conn = connect()
        try:
            gone = conn.execute("DELETE FROM notes WHERE id = ?", (note_id,)).rowcount
        finally:
            conn.close()
        if not gone:
            raise HTTPError(404, "Note not found.")
        self.send_response(204)
        if PLANT == "typed_204":
            self.send_header("Content-Type", "application/json")
        self.end_headers()


def main() -> None:
    if PLANT and PLANT not in DEFECTS:
        sys.exit(f"PLANT must be one of {sorted(DEFECTS)}")
    if not os.environ.get("API_TOKEN"):
        sys.exit("API_TOKEN must be set.")
    conn = connect()
    conn.execute(
        "CREATE TABLE IF NOT EXISTS notes (id INTEGER PRIMARY KEY AUTOINCREMENT,"
        " title TEXT NOT NULL, body TEXT NOT NULL, created_at TEXT NOT NULL)"
    )
    conn.close()
    address = (os.environ.get("HOST", "127.0.0.1"), int(os.environ.get("PORT", "8000")))
    ThreadingHTTPServer.request_queue_size = 128
    server = ThreadingHTTPServer(address, Handler)
    server.daemon_threads = False  # server_close() waits for requests in flight
    if PLANT == "sigterm_drops":
        signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
    else:
        signal.signal(signal.SIGTERM, lambda *_: threading.Thread(target=server.shutdown).start())
    server.serve_forever()
    server.server_close()


if __name__ == "__main__":
    main()
