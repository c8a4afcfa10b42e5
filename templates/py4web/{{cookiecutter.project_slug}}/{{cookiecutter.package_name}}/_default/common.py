"""Fixtures shared by the actions; each action declares the ones it uses.

https://py4web.com/_documentation/static/en/chapter-06.html
"""

from __future__ import annotations

import os

from py4web import DAL, Session

from . import settings

# A signed cookie: no server-side state, so several workers can serve the same user.
session = Session(secret=settings.SESSION_SECRET_KEY)


def sqlite_pragmas(adapter: object) -> None:
    """Run on every new connection: WAL lets readers and a writer work at once."""
    if settings.DATABASE_URL.startswith("sqlite:"):
        adapter.execute("PRAGMA journal_mode=WAL")  # type: ignore[attr-defined]
        adapter.execute("PRAGMA synchronous=NORMAL")  # type: ignore[attr-defined]
        adapter.execute("PRAGMA busy_timeout=5000")  # type: ignore[attr-defined]


if settings.DB_MIGRATE:
    os.makedirs(settings.DB_FOLDER, exist_ok=True)

# As a fixture, the DAL commits when an action succeeds and rolls back when it fails.
# A pool of one: each worker keeps its connection from one request to the next.
db = DAL(
    settings.DATABASE_URL,
    folder=settings.DB_FOLDER,
    pool_size=1,
    migrate=settings.DB_MIGRATE,
    after_connection=sqlite_pragmas,
)
