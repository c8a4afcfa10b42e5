"""Load and fault runs against a served starter (contract §7.6).

- `run_load`: 32 concurrent clients, mixed reads and writes, bounded in count and time; every
  answer must be the contract's, and every acknowledged (201) write is listed afterwards.
- `kill_under_load`: the same load, `kill -9` of the server's whole process group once enough
  writes are acknowledged; after a restart every acknowledged write must be there.
- `sigterm_in_flight`: requests half sent when SIGTERM arrives finish with their proper answer
  and the server exits within 10 s.

Standard library only (threads + http.client): 32 clients on 2 cores are enough to make
several workers contend for the database, which is what these runs are for.
"""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import sqlite3
import subprocess
import threading
import time
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from . import conformance

CLIENTS = 32
REQUESTS_PER_CLIENT = 20
TIME_LIMIT = 20.0
SIGTERM_EXIT = 10.0
_TIMEOUT = 10.0


@dataclass
class LoadResult:
    acknowledged: list[int] = field(default_factory=list)
    # the title each acknowledged id was written with: a lost write's id may be reused by a
    # later insert (SQLite without AUTOINCREMENT), so the id alone does not prove the note is there
    titles: dict[int, str] = field(default_factory=dict)
    # ids a DELETE was sent for (answered or not): they need not survive
    deleting: set[int] = field(default_factory=set)
    answers: Counter[str] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def summary(self) -> str:
        counts = ", ".join(f"{k}: {v}" for k, v in sorted(self.answers.items()))
        return f"{sum(self.answers.values())} answers in {self.seconds:.1f} s ({counts})"


class _Client:
    """One keep-alive connection per client, reopened when the server closes it."""

    def __init__(self, base_url: str, token: str) -> None:
        url = urlsplit(base_url)
        self.host, self.port, self.token = url.hostname or "127.0.0.1", url.port or 80, token
        self.conn: http.client.HTTPConnection | None = None

    def request(self, method: str, path: str, body: bytes | None = None) -> tuple[int, bytes]:
        headers = {"X-Forwarded-Proto": "https"}
        if method in ("POST", "DELETE"):
            headers["Authorization"] = f"Bearer {self.token}"
        if body is not None:
            headers["Content-Type"] = "application/json"
        for attempt in (1, 2):
            if self.conn is None:
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=_TIMEOUT)
            try:
                self.conn.request(method, path, body, headers)
                resp = self.conn.getresponse()
                data = resp.read()
                if resp.will_close:
                    self.close()
                return resp.status, data
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError):
                # a kept-alive connection the server had already closed: retry once, fresh,
                # but never a POST (it may have been stored: no way to tell)
                self.close()
                if attempt == 2 or method == "POST":
                    raise
        raise AssertionError("unreachable")

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None


def _client_loop(
    client_no: int,
    base_url: str,
    token: str,
    result: LoadResult,
    lock: threading.Lock,
    stop: threading.Event,
    deadline: float,
    count: int,
    expect_errors: bool,
) -> None:
    client = _Client(base_url, token)
    mine: list[int] = []
    titles: dict[int, str] = {}
    try:
        for i in range(count):
            if stop.is_set() or time.monotonic() > deadline:
                return
            kind = ("post", "list", "post", "get", "health", "post", "page", "delete")[
                (client_no + i) % 8
            ]
            if kind == "delete" and len(mine) >= 2:
                with lock:
                    result.deleting.add(mine[-2])
            try:
                status, label = _one(client, kind, client_no, i, mine, titles)
            except (OSError, http.client.HTTPException) as exc:
                with lock:
                    result.answers[f"{kind} failed"] += 1
                    if not expect_errors:
                        result.errors.append(f"client {client_no} {kind}: {exc!r}")
                if expect_errors:
                    time.sleep(0.05)  # the server is gone: do not spin
                continue
            with lock:
                result.answers[f"{kind} {status}" if status else f"{kind} skipped"] += 1
                if label:
                    result.errors.append(f"client {client_no}: {label}")
                if kind == "post" and status == 201:
                    result.acknowledged.append(mine[-1])
                    result.titles[mine[-1]] = titles[mine[-1]]
    finally:
        client.close()


def _one(
    client: _Client, kind: str, client_no: int, i: int, mine: list[int], titles: dict[int, str]
) -> tuple[int, str]:
    """One request of the mix; returns its status and a problem ('' when none)."""
    if kind == "post":
        title = f"load {client_no}-{i}"
        body = json.dumps({"title": title, "body": "x" * (i * 37 % 500)})
        status, data = client.request("POST", "/api/notes", body.encode())
        if status == 201:
            mine.append(int(json.loads(data)["id"]))
            titles[mine[-1]] = title
            return status, ""
        return status, f"POST /api/notes -> {status} {data[:200]!r}"
    if kind in ("list", "page"):
        path = "/api/notes" if kind == "list" else "/api/notes?limit=5&offset=3"
        status, data = client.request("GET", path)
        ok = status == 200 and isinstance(json.loads(data or b"null"), list)
        return status, "" if ok else f"GET {path} -> {status} {data[:200]!r}"
    if kind == "health":
        status, data = client.request("GET", "/health")
        return status, "" if status == 200 else f"GET /health -> {status} {data[:200]!r}"
    if not mine:
        return 0, ""
    note_id = mine[-1]
    if kind == "get":
        status, data = client.request("GET", f"/api/notes/{note_id}")
        if status != 200:
            return status, f"GET /api/notes/{note_id} -> {status}"
        title = json.loads(data).get("title")
        if title != titles[note_id]:
            return (
                status,
                f"GET /api/notes/{note_id} -> another note ({title!r}, not {titles[note_id]!r})",
            )
        return status, ""
    # delete the client's own note before last, so the acknowledged list stays exact
    if len(mine) < 2:
        return 0, ""
    victim = mine.pop(-2)
    status, data = client.request("DELETE", f"/api/notes/{victim}")
    return status, "" if status == 204 else f"DELETE /api/notes/{victim} -> {status} {data[:200]!r}"


def _drive(
    base_url: str,
    token: str,
    *,
    count: int = REQUESTS_PER_CLIENT,
    time_limit: float = TIME_LIMIT,
    during: Callable[[LoadResult, threading.Event], None] | None = None,
    expect_errors: bool = False,
) -> LoadResult:
    result, lock, stop = LoadResult(), threading.Lock(), threading.Event()
    start = time.monotonic()
    deadline = start + time_limit
    with ThreadPoolExecutor(max_workers=CLIENTS + 1) as pool:
        futures = [
            pool.submit(
                _client_loop,
                n,
                base_url,
                token,
                result,
                lock,
                stop,
                deadline,
                count,
                expect_errors,
            )
            for n in range(CLIENTS)
        ]
        if during is not None:
            during(result, stop)
        for future in futures:
            future.result()
    result.seconds = time.monotonic() - start
    return result


def check_listed(base_url: str, result: LoadResult, what: str) -> None:
    """Every acknowledged write that no DELETE was sent for is listed by GET /api/notes, under
    its id and with the title it was written with."""
    listed = {note["id"]: note["title"] for note in conformance.all_notes(base_url, what)}
    kept = set(result.acknowledged) - result.deleting
    lost = sorted(n for n in kept if listed.get(n) != result.titles[n])
    if lost:
        raise AssertionError(
            f"{len(lost)} of {len(kept)} acknowledged (201) writes are missing {what}: "
            f"ids {lost[:20]} ({result.summary()})"
        )
    gone = sorted(result.deleting & listed.keys() & set(result.acknowledged))
    if not result.errors and gone and "delete failed" not in result.answers:
        raise AssertionError(f"notes answered 204 to DELETE are still listed {what}: {gone[:20]}")


def run_load(base_url: str, token: str, *, check: bool = True) -> LoadResult:
    """32 clients x 20 mixed requests (about 3/8 writes), at most 20 s; zero errors allowed.

    `check=False` leaves the listing check to the caller: while another server is still under
    load, its deletes shift the offsets a listing pages through."""
    result = _drive(base_url, token)
    if result.errors:
        raise AssertionError(
            f"load run: {len(result.errors)} errors ({result.summary()}); first: "
            + "; ".join(result.errors[:5])
        )
    expected = CLIENTS * REQUESTS_PER_CLIENT
    if sum(result.answers.values()) < expected:
        raise AssertionError(
            f"load run: only {sum(result.answers.values())} of {expected} requests answered "
            f"within {TIME_LIMIT:g} s ({result.summary()})"
        )
    if check:
        check_listed(base_url, result, "after the load run")
    return result


def kill_under_load(
    base_url: str, token: str, proc: subprocess.Popen[bytes], after_writes: int = 60
) -> LoadResult:
    """Load, then `kill -9` the server's process group once `after_writes` 201s came back.

    The caller restarts the server from the Procfile and calls check_listed on the result."""

    def killer(result: LoadResult, stop: threading.Event) -> None:
        deadline = time.monotonic() + TIME_LIMIT
        while len(result.acknowledged) < after_writes and time.monotonic() < deadline:
            time.sleep(0.01)
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
        time.sleep(0.3)  # let the clients see the dead server, then stop them
        stop.set()

    result = _drive(base_url, token, count=200, during=killer, expect_errors=True)
    if len(result.acknowledged) < after_writes:
        raise AssertionError(
            f"kill -9 under load: only {len(result.acknowledged)} writes acknowledged before the "
            f"kill ({result.summary()})"
        )
    return result


def sqlite_integrity(database_url: str) -> None:
    """The sqlite:/// DATABASE_URL's file passes PRAGMA integrity_check and is in WAL mode
    (a persistent property of the file, set by the server's connections)."""
    path = database_url.removeprefix("sqlite:///")
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10)
    try:
        rows = conn.execute("PRAGMA integrity_check").fetchall()
        mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
    finally:
        conn.close()
    if rows != [("ok",)]:
        raise AssertionError(f"PRAGMA integrity_check on {path}: {rows[:10]}")
    if mode.lower() != "wal":
        raise AssertionError(f"{path} is in journal_mode {mode!r}; SQLite must run in WAL mode")


def sigterm_in_flight(
    base_url: str, token: str, proc: subprocess.Popen[bytes], in_flight: int = 2
) -> list[int]:
    """Half-send `in_flight` POSTs, SIGTERM the server, finish them: each gets its 201 and the
    server exits within 10 s. Returns the created ids."""
    url = urlsplit(base_url)
    bodies = [
        json.dumps({"title": f"in flight {n}", "body": "y" * 2000}).encode()
        for n in range(in_flight)
    ]
    socks = []
    for body in bodies:
        sock = socket.create_connection((url.hostname, url.port), timeout=_TIMEOUT)
        head = (
            f"POST /api/notes HTTP/1.1\r\nHost: {url.hostname}:{url.port}\r\n"
            f"Authorization: Bearer {token}\r\nContent-Type: application/json\r\n"
            f"X-Forwarded-Proto: https\r\nContent-Length: {len(body)}\r\nConnection: close\r\n\r\n"
        ).encode()
        sock.sendall(head + body[:1000])
        socks.append(sock)
    time.sleep(0.5)  # every worker has the request in hand
    proc.send_signal(signal.SIGTERM)
    signalled = time.monotonic()
    time.sleep(0.3)
    ids, problems = [], []
    for n, (sock, body) in enumerate(zip(socks, bodies, strict=True)):
        try:
            sock.sendall(body[1000:])
            resp = http.client.HTTPResponse(sock, method="POST")
            resp.begin()
            data = resp.read()
            if resp.status == 201:
                ids.append(int(json.loads(data)["id"]))
            else:
                problems.append(f"request {n}: {resp.status} {data[:200]!r}")
        except (OSError, http.client.HTTPException) as exc:
            problems.append(f"request {n}: no answer ({exc!r})")
        finally:
            sock.close()
    try:
        proc.wait(timeout=max(0.1, SIGTERM_EXIT - (time.monotonic() - signalled)))
    except subprocess.TimeoutExpired:
        problems.append(f"the server still runs {SIGTERM_EXIT:g} s after SIGTERM")
    if problems:
        raise AssertionError(
            f"SIGTERM with {in_flight} POSTs in flight: each must get its 201 and the server "
            "must exit within 10 s: " + "; ".join(problems)
        )
    return ids
