"""A small demo site, static HTML shipped with the project, served on 127.0.0.1.

`python -m {{ cookiecutter.package_name }}.demo_site` serves it until Ctrl-C (port 8765, or
`--port`). `python -m {{ cookiecutter.package_name }}.demo_site scrapy crawl plants` serves it
on a free port, runs that command with START_URL pointing at it, and stops it again:
a whole crawl in one command, without the internet.
"""

from __future__ import annotations

import functools
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

SITE = Path(__file__).with_name("site")
DEFAULT_PORT = 8765


class QuietHandler(SimpleHTTPRequestHandler):
    """Serves SITE; logs one line per request with the crawler's User-Agent and From."""

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - base name
        agent = self.headers.get("User-Agent", "-")
        contact = self.headers["From"]
        sys.stderr.write(f"demo site: {format % args} [{agent}] [from {contact}]\n")


def make_server(port: int = 0) -> ThreadingHTTPServer:
    """The demo site on 127.0.0.1 (loopback only); port 0 picks a free one."""
    handler = functools.partial(QuietHandler, directory=str(SITE))
    return ThreadingHTTPServer(("127.0.0.1", port), handler)


@contextmanager
def serving(port: int = 0) -> Iterator[str]:
    """Serve the demo site in a background thread; yields its base URL."""
    server = make_server(port)
    # A short poll interval: shutdown() returns within 0.05 s instead of 0.5 s.
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def run_with_site(command: list[str]) -> int:
    """Run `command` while the demo site is up, with START_URL set to it.

    A program installed beside this Python (`scrapy` in this virtualenv) is found even
    when the virtualenv is not activated.
    """
    beside = Path(sys.executable).parent / command[0]
    program = str(beside) if beside.is_file() else command[0]
    with serving() as url:
        env = {**os.environ, "START_URL": url}
        result = subprocess.run([program, *command[1:]], env=env, check=False)  # noqa: S603
        return result.returncode


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["--port"] and len(args) >= 2:
        port, args = int(args[1]), args[2:]
    else:
        port = DEFAULT_PORT
    if args:
        return run_with_site(args)
    server = make_server(port)
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    print(f"Demo site on {url} (Ctrl-C stops it)")
    with server, suppress(KeyboardInterrupt):
        server.serve_forever()
    return 0
