"""Development and test settings: debug pages, secrets generated for this project.

`python manage.py runserver` and pytest use these (see manage.py and pyproject.toml).
"""

import os

from .base import *  # noqa: F403

DEBUG = os.environ.get("DEBUG", "1") == "1"

# Generated when the project was created: for your machine, never for production.
SECRET_KEY = os.environ.get(
    "SECRET_KEY", "{{ cookiecutter.__dev_secret_key }}"
)
{%- if cookiecutter.include_example == "yes" %}
API_TOKEN = os.environ.get("API_TOKEN", "{{ cookiecutter.__dev_api_token }}")
{%- endif %}
