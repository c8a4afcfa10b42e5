"""Helpers the controllers and templates share."""
