"""A CherryPy application: `__main__.py` runs it, `app.py` wires it (see README.md)."""
