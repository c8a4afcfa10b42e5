"""Production settings: secrets from the environment, HTTPS, WhiteNoise, logs to stderr.

`python manage.py check --deploy` passes with them and the secrets set
(https://docs.djangoproject.com/en/5.2/howto/deployment/checklist/).
"""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import MIDDLEWARE


def required(name):
    """Read a secret from the environment, refusing to start without it (or with "")."""
    value = os.environ.get(name, "")
    if not value:
        raise ImproperlyConfigured(
            f"Set the {name} environment variable: production cannot start without it."
        )
    return value


SECRET_KEY = required("SECRET_KEY")
{%- if cookiecutter.include_example == "yes" %}
API_TOKEN = required("API_TOKEN")
{%- endif %}

# The TLS proxy in front of the app says a request came over HTTPS with this header.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Plain HTTP is redirected to HTTPS. SECURE_SSL_REDIRECT=0 switches that off, to try
# production on your own machine over http://127.0.0.1 (never behind a real proxy).
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "1") == "1"
# Load balancers probe the health check over plain HTTP; a redirect would fail them.
SECURE_REDIRECT_EXEMPT = [r"^health$"]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

# HTTP Strict Transport Security: browsers then refuse plain HTTP for this long. Start
# small, raise it to a year (31536000) once HTTPS works on every subdomain.
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "3600"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True

# WhiteNoise serves the files that `collectstatic` gathered, compressed and with
# cache-busting names, from the app itself; its middleware goes right after
# SecurityMiddleware (https://whitenoise.readthedocs.io/en/stable/django.html).
_after_security = MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1
MIDDLEWARE = [
    *MIDDLEWARE[:_after_security],
    "whitenoise.middleware.WhiteNoiseMiddleware",
    *MIDDLEWARE[_after_security:],
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage",
    },
}

# Django's default logging mails errors to ADMINS and prints nothing once DEBUG is off;
# this sends warnings and errors, each 500's traceback included, to stderr, where
# gunicorn and container platforms collect them
# (https://docs.djangoproject.com/en/5.2/topics/logging/#configuring-logging).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
