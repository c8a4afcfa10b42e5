"""Project settings: constants for the pages, and secrets from the environment."""

import os

PROJECT_NAME = {{ cookiecutter.project_name | py_str }}
DESCRIPTION = {{ cookiecutter.description | py_str }}

# A development-only key, generated for this project when it was created. Production
# never uses it: the Procfile serves wsgi.py, which requires SECRET_KEY.
DEV_SECRET_KEY = "{{ cookiecutter.__dev_secret_key }}"  # noqa: S105

# Flask signs its session cookie with the server's secret key, and Dash signs the token
# it gives each page load with it. Every worker must hold the same key, so it comes from
# the environment (https://flask.palletsprojects.com/en/stable/config/#SECRET_KEY).
SECRET_KEY = os.environ.get("SECRET_KEY") or DEV_SECRET_KEY
