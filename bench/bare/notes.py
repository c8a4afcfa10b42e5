"""The 50 notes: served from memory by the bare apps, POSTed to the starters by served.py."""

from __future__ import annotations

COUNT = 50
BODY = "A note of about the size people write: a line or two of text, nothing more."


def seeds() -> list[dict[str, str]]:
    """The POST bodies, oldest first."""
    return [{"title": f"Note {n}", "body": BODY} for n in range(1, COUNT + 1)]


# What a starter answers for the seeds: newest first, as contract §5 orders the list.
NOTES = [
    {"id": n, "title": f"Note {n}", "body": BODY, "created_at": "2026-01-01T00:00:00+00:00"}
    for n in range(COUNT, 0, -1)
]
