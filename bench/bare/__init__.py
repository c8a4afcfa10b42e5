"""Bare apps for bench/served.py: one per framework, the floor a starter is measured against.

Each module serves `GET /health` -> {"status": "ok"} and `GET /api/notes` -> the fixed list
of 50 notes in `notes.py`, from memory, with the framework's defaults: no database, no
middleware, no logging of its own. served.py runs it with the starter's own `web:` command,
with only the application swapped, so server, workers and framework version are the same.
Modules are named after their framework and imported as `bare.<framework>`, so their own
`import flask` still finds the real package.
"""
