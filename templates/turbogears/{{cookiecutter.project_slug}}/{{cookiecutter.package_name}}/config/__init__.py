"""Configuration: the application configurator and the WSGI app factory."""
