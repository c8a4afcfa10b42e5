"""A throwaway PostgreSQL server for tests that need a real database (Django postgresql).

Uses the distribution's server binaries, so no Docker and no network. initdb refuses to
run as root, so as root (CI containers) every server command runs as the `postgres` system
user, in a folder under the system temp dir that it owns: pytest's tmp_path sits under a
root-only 0700 folder the postgres user cannot enter. Durability is switched off for speed.
"""

from __future__ import annotations

import os
import pwd
import re
import shlex
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

_PG_ROOT = Path("/usr/lib/postgresql")
_SERVER_USER = "postgres"
_FAST = "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"


def _bin_dir() -> Path | None:
    """The newest installed major version, so a Debian upgrade needs no edit here."""
    found = [p / "bin" for p in _PG_ROOT.glob("*") if p.name.isdigit()]
    found = [p for p in found if (p / "initdb").is_file() and (p / "pg_ctl").is_file()]
    return max(found, key=lambda p: int(p.parent.name), default=None)


def client_bin_dir() -> Path:
    """Where `createdb` and `psql` of the server's version live (Debian keeps them off PATH)."""
    bin_dir = _bin_dir()
    if bin_dir is None:
        raise RuntimeError("PostgreSQL unavailable: no server binaries")
    return bin_dir


def database_for(server_url: str, name: str) -> str:
    """A database called `name` on the server at `server_url` (made once), and its URL.

    Each variant keeps its tables in a database of its own: frameworks name their tables
    alike (`note`, `notes`) with different columns, and one shared database would let one
    framework's release step meet another's table.
    """
    parsed = urlsplit(server_url)
    name = re.sub(r"[^a-z0-9_]", "_", name.lower())
    createdb = [str(client_bin_dir() / "createdb"), "-h", parsed.hostname or "127.0.0.1"]
    createdb += ["-p", str(parsed.port), "-U", parsed.username or "postgres", name]
    result = subprocess.run(createdb, capture_output=True, text=True, timeout=60, check=False)
    if result.returncode != 0 and "already exists" not in result.stderr:
        raise RuntimeError(f"createdb {name} failed: {result.stderr.strip()}")
    return urlunsplit(parsed._replace(path=f"/{name}"))


def _as_root() -> bool:
    return os.geteuid() == 0


def unavailable_reason() -> str | None:
    """Why running_postgres() cannot work here, or None when it can."""
    if _bin_dir() is None:
        return f"no PostgreSQL server binaries (initdb, pg_ctl) under {_PG_ROOT}/*/bin"
    if _as_root():
        if shutil.which("runuser") is None:
            return "running as root and `runuser` is missing (initdb refuses root)"
        try:
            pwd.getpwnam(_SERVER_USER)
        except KeyError:
            return f"running as root and there is no `{_SERVER_USER}` user (initdb refuses root)"
    return None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _run(argv: list[str], cwd: Path, what: str, log: Path | None = None) -> None:
    if _as_root():
        argv = ["runuser", "-u", _SERVER_USER, "--", *argv]
    env = {**os.environ, "LC_ALL": "C", "TZ": "UTC"}
    result = subprocess.run(
        argv, cwd=cwd, env=env, capture_output=True, text=True, timeout=120, check=False
    )
    if result.returncode != 0:
        server_log = log.read_text(errors="replace")[-3000:] if log and log.exists() else ""
        raise RuntimeError(
            f"{what} failed (exit {result.returncode}): {' '.join(argv)}\n"
            f"{result.stdout}{result.stderr}{server_log}"
        )


@contextmanager
def running_postgres(base_dir: Path) -> Iterator[str]:
    """Start a fresh cluster, yield its URL, and stop it (immediate mode) on exit."""
    reason = unavailable_reason()
    bin_dir = _bin_dir()
    if reason is not None or bin_dir is None:
        raise RuntimeError(f"PostgreSQL unavailable: {reason}")
    base_dir.mkdir(parents=True, exist_ok=True)
    home = Path(tempfile.mkdtemp(prefix="fwscaffold-pg-")) if _as_root() else base_dir
    if _as_root():
        user = pwd.getpwnam(_SERVER_USER)
        os.chown(home, user.pw_uid, user.pw_gid)
    data, log, port = home / "data", home / "postgres.log", _free_port()
    options = f"-c listen_addresses=127.0.0.1 -p {port} -k {shlex.quote(str(home))} {_FAST}"
    pg_ctl = str(bin_dir / "pg_ctl")
    try:
        initdb = [str(bin_dir / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres"]
        _run([*initdb, "--no-sync", "-E", "UTF8", "--locale=C"], home, "initdb")
        _run(
            [pg_ctl, "start", "-w", "-t", "60", "-D", str(data), "-l", str(log), "-o", options],
            home,
            "pg_ctl start",
            log,
        )
        yield f"postgresql://postgres@127.0.0.1:{port}/postgres"
    finally:
        try:
            if (data / "postmaster.pid").exists():  # also after a start that timed out
                _run(
                    [pg_ctl, "stop", "-w", "-m", "immediate", "-D", str(data)], home, "pg_ctl stop"
                )
        finally:
            if home != base_dir:
                if log.exists():
                    shutil.copyfile(log, base_dir / "postgres.log")
                shutil.rmtree(home, ignore_errors=True)
