"""What `python -m` runs for this package: the development server."""

from .app import app

# debug=True adds Dash's dev tools (error pop-ups, callback graph) and reloads on save;
# the server listens on 127.0.0.1:8050.
app.run(debug=True)
