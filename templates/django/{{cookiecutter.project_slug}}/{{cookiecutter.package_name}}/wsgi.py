"""WSGI entry point: gunicorn serves the `application` object defined here.

https://docs.djangoproject.com/en/5.2/howto/deployment/wsgi/
"""

import io
import os
import sys

import django
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.wsgi import get_wsgi_application

from .startup import check_release_step

# Servers run production settings unless DJANGO_SETTINGS_MODULE says otherwise.
os.environ.setdefault(
    "DJANGO_SETTINGS_MODULE",
    "{{ cookiecutter.package_name }}.settings.prod",
)


def read_chunked_bodies(app):
    """WSGI middleware: give a chunked request body the Content-Length Django reads by.

    A client may send a body in chunks, without Content-Length; gunicorn decodes them,
    but Django reads only Content-Length bytes, so it would see an empty body. This
    reads at most DATA_UPLOAD_MAX_MEMORY_SIZE + 1 bytes: a longer body still counts as
    too big (https://docs.djangoproject.com/en/5.2/ref/settings/#data-upload-max-memory-size).
    """

    def middleware(environ, start_response):
        chunked = "chunked" in environ.get("HTTP_TRANSFER_ENCODING", "").lower()
        if chunked and not environ.get("CONTENT_LENGTH"):
            body = environ["wsgi.input"].read(settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)
            environ["CONTENT_LENGTH"] = str(len(body))
            environ["wsgi.input"] = io.BytesIO(body)
        return app(environ, start_response)

    return middleware


def omit_head_bodies(app):
    """WSGI middleware: answer HEAD with the headers of GET and no body.

    Django runs the GET view and leaves dropping the body to the server; gunicorn
    drops it too, but logs a warning for every HEAD request.
    """

    def middleware(environ, start_response):
        body = app(environ, start_response)
        if environ["REQUEST_METHOD"] != "HEAD":
            return body
        # Closing the response is what ends the request (and frees its database
        # connection), so it is still closed.
        body.close()
        return []

    return middleware


try:
    # Settings and apps first, so they are checked before the application is built.
    django.setup(set_prefix=False)
    check_release_step()
except ImproperlyConfigured as error:
    # One clear line instead of a traceback; gunicorn --preload loads this module once,
    # before it starts any worker, so the server exits instead of serving errors.
    sys.exit(f"Refusing to start: {error}")

# WSGI middleware wraps Django's application
# (https://docs.djangoproject.com/en/5.2/howto/deployment/wsgi/#applying-wsgi-middleware).
application = omit_head_bodies(read_chunked_bodies(get_wsgi_application()))
