"""fwscaffold: generate runnable, tested starter projects for Python web frameworks."""

__version__ = "0.1.0"
