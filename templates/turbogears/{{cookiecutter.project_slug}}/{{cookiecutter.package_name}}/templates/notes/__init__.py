"""The notes pages' templates."""
