"""Live progress for slow steps: a spinner with elapsed seconds on a terminal, silence elsewhere.

Used as the `progress` callback of `install_project`: each call starts a new step and ends the
one before, which stays on screen as one line with its time. When the stream is not a terminal
(CI, a pipe, a log file) nothing is written, so output stays line-oriented and quiet.
"""

from __future__ import annotations

import threading
import time
from types import TracebackType
from typing import TextIO

FRAMES = "|/-\\"
CLEAR_LINE = "\r\x1b[2K"


class Status:
    def __init__(self, stream: TextIO, *, interval: float = 0.1) -> None:
        self.stream = stream
        self.live = stream.isatty()
        self.interval = interval
        self._message: str | None = None
        self._started = 0.0
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def __call__(self, message: str) -> None:
        if not self.live:
            return
        with self._lock:
            self._end_step("")
            self._message, self._started = message, time.perf_counter()
            self._draw(FRAMES[0])
        if self._thread is None:
            thread = threading.Thread(target=self._spin, name="fwscaffold-status", daemon=True)
            thread.start()
            # Kept only once started: Ctrl-C inside start() must not leave close() a thread it
            # cannot join (the daemon thread, if it did start, ends at the stop event).
            self._thread = thread

    def close(self, *, failed: bool = False) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
            self._thread = None
        with self._lock:
            self._end_step(" (stopped)" if failed else "")

    def __enter__(self) -> Status:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close(failed=kind is not None)

    def _spin(self) -> None:
        tick = 0
        while not self._stop.wait(self.interval):
            tick += 1
            with self._lock:
                if self._message is not None:
                    self._draw(FRAMES[tick % len(FRAMES)])

    def _elapsed(self) -> str:
        return f"{time.perf_counter() - self._started:.1f} s"

    def _draw(self, frame: str) -> None:
        self.stream.write(f"{CLEAR_LINE}{frame} {self._message} ... {self._elapsed()}")
        self.stream.flush()

    def _end_step(self, suffix: str) -> None:
        if self._message is None:
            return
        self.stream.write(f"{CLEAR_LINE}  {self._message} ... {self._elapsed()}{suffix}\n")
        self.stream.flush()
        self._message = None
