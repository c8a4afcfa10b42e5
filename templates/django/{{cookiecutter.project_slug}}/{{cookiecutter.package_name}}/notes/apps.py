"""The notes app's configuration; INSTALLED_APPS names it.

https://docs.djangoproject.com/en/5.2/ref/applications/
"""

from django.apps import AppConfig


class NotesConfig(AppConfig):
    name = "{{ cookiecutter.package_name }}.notes"
    verbose_name = "Notes"
