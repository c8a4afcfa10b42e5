"""Directives: arguments hug fills in itself, whatever the interface (HTTP, CLI, local).

A function asks for one by annotating an argument with it (`store: note_store`); the
caller never passes it, and it shows in no URL or command line. hug ships some
(`hug.directives.timer`, `user`, `session`); this one hands out the note store.
"""

from __future__ import annotations

from typing import Any

import hug

from .config import database_path
from .store import NoteStore, store_for


@hug.directive()
def note_store(default: NoteStore | None = None, **kwargs: Any) -> NoteStore:
    """The notes database (DATABASE_URL), one connection pool per process"""
    return default or store_for(database_path())
