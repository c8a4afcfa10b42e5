"""Functional tests: whole requests through the app, as a client sends them."""
