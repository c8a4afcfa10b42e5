"""The WSGI application the production server imports: the Procfile's `web:` line.

`gunicorn --preload` imports it once, in its main process, before starting workers:
a RuntimeError raised here (a missing secret{% if cookiecutter.include_example == "yes" %}, a database not ready{% endif %}) stops the
server with one `Error: ...` line instead of a traceback per worker.
https://flask.palletsprojects.com/en/stable/deploying/gunicorn/
"""

from __future__ import annotations

from . import create_app
{%- if cookiecutter.include_example == "yes" %}
from .db import check_database
{%- endif %}

app = create_app()
{%- if cookiecutter.include_example == "yes" %}
# Stop here, before any worker starts, when the release step (`init-db`) has not run:
# otherwise /health would answer 200 while every notes request fails.
check_database(app)
{%- endif %}
