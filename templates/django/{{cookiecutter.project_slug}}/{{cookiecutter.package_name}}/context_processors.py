"""Context processors add variables to every template rendered with a request.

https://docs.djangoproject.com/en/5.2/ref/templates/api/#writing-your-own-context-processors
"""

from django.conf import settings


def project(request):
    """Give every template `project_name`; the template engine HTML-escapes it."""
    return {"project_name": settings.PROJECT_NAME}
