"""ASGI entry point, for an async server such as uvicorn or daphne.

https://docs.djangoproject.com/en/5.2/howto/deployment/asgi/
"""

import os

from django.core.asgi import get_asgi_application

# Servers run production settings unless DJANGO_SETTINGS_MODULE says otherwise.
os.environ.setdefault(
    "DJANGO_SETTINGS_MODULE",
    "{{ cookiecutter.package_name }}.settings.prod",
)

application = get_asgi_application()
