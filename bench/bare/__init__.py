"""Bare apps for bench/served.py: one per framework, the floor a starter is measured against.

Each module serves `GET /health` -> {"status": "ok"} and `GET /api/notes` -> the fixed list
of 50 notes in `notes.py`, from memory, with the framework's defaults: no database, no
middleware, no logging of its own. served.py runs it with the starter's own `web:` command,
with only the application swapped, so server, workers and framework version are the same.

A new framework's bare app is `<framework>.py` here, named after the template, defining
`app` (what the starter's server is given: a WSGI or ASGI callable), plus `asgi_app` when
the framework offers both interfaces; or, for a starter whose `web:` line is
`python -m <package>`, a `__main__` block that serves on HOST and PORT. Modules are imported
as `bare.<framework>`, so their own `import flask` still finds the real package.
"""
