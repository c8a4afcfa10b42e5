"""A Dash app: `app.py` creates it, `python -m` runs its development server."""
