"""WSGI entry point: gunicorn serves the `application` object defined here.

https://docs.djangoproject.com/en/5.2/howto/deployment/wsgi/
"""

import os

from django.core.wsgi import get_wsgi_application

# Servers run production settings unless DJANGO_SETTINGS_MODULE says otherwise.
os.environ.setdefault(
    "DJANGO_SETTINGS_MODULE",
    "{{ cookiecutter.package_name }}.settings.prod",
)

application = get_wsgi_application()
