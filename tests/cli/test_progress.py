"""The install progress display: live on a terminal, silent anywhere else."""

from __future__ import annotations

import io
import time

import pytest

from fwscaffold.progress import CLEAR_LINE, Status


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_on_a_terminal_each_step_spins_then_stays_as_one_timed_line():
    screen = Terminal()
    with Status(screen, interval=0.01) as status:
        status("creating .venv")
        time.sleep(0.1)
        status("running the tests")
        time.sleep(0.05)
    out = screen.getvalue()
    lines = out.split("\n")
    # Two finished steps, each ending its line; nothing left half-drawn after the last.
    assert lines[-1] == ""
    finished = [line.rsplit(CLEAR_LINE, 1)[-1] for line in lines[:-1]]
    assert finished[0].startswith("  creating .venv ... ") and finished[0].endswith(" s")
    assert finished[1].startswith("  running the tests ... ")
    assert float(finished[0].split(" ... ")[1].removesuffix(" s")) >= 0.1
    # The spinner redrew the line in place more than once while the first step ran.
    first_step = lines[0]
    assert first_step.count(CLEAR_LINE) >= 3
    assert len({f for f in "|/-\\" if f"{f} creating .venv" in first_step}) > 1


def test_a_step_interrupted_by_an_error_is_marked_stopped():
    screen = Terminal()
    with pytest.raises(RuntimeError), Status(screen, interval=0.01) as status:
        status("installing")
        raise RuntimeError("boom")
    assert screen.getvalue().endswith(" (stopped)\n")


def test_off_a_terminal_nothing_is_written():
    log = io.StringIO()
    with Status(log, interval=0.01) as status:
        status("creating .venv")
        time.sleep(0.03)
        status("running the tests")
    assert log.getvalue() == ""


def test_ctrl_c_while_the_spinner_thread_starts_still_closes_cleanly(monkeypatch):
    """Ctrl-C can land inside Thread.start(), before the spinner thread runs: closing the
    display must then end the step, not fail joining a thread that never started."""
    screen = Terminal()

    def interrupted(self):
        raise KeyboardInterrupt

    status = Status(screen, interval=0.01)
    monkeypatch.setattr("threading.Thread.start", interrupted)
    with pytest.raises(KeyboardInterrupt):
        status("creating .venv")
    monkeypatch.undo()
    status.close(failed=True)
    assert screen.getvalue().endswith(" s (stopped)\n")
