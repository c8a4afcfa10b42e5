#!/usr/bin/env python
"""Django's command-line utility for administrative tasks."""

import os
import sys


def main():
    """Run administrative tasks."""
    # Development settings unless told otherwise: production passes `--settings` or sets
    # DJANGO_SETTINGS_MODULE (https://docs.djangoproject.com/en/5.2/topics/settings/).
    os.environ.setdefault(
        "DJANGO_SETTINGS_MODULE",
        "{{ cookiecutter.package_name }}.settings.dev",
    )
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
