"""Settings shared by every environment; `dev` and `prod` import them and add their own.

https://docs.djangoproject.com/en/5.2/topics/settings/
https://docs.djangoproject.com/en/5.2/ref/settings/
"""

import os
from pathlib import Path

import dj_database_url

# The project package, and the project folder holding it and manage.py.
PACKAGE_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PACKAGE_DIR.parent

PROJECT_NAME = {{ cookiecutter.project_name | py_str }}

DEBUG = os.environ.get("DEBUG", "0") == "1"

# Comma-separated host names this site answers to; any other Host header gets a 400.
ALLOWED_HOSTS = os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost").split(",")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
{%- if cookiecutter.include_example == "yes" %}
    "{{ cookiecutter.package_name }}.notes.apps.NotesConfig",
{%- endif %}
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Right after SecurityMiddleware: it sees every error below (CSRF, 404, 405, 500).
    "{{ cookiecutter.package_name }}.middleware.JsonErrorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "{{ cookiecutter.package_name }}.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        # Project-wide templates (the base layout); apps keep theirs in templates/.
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "{{ cookiecutter.package_name }}.context_processors.project",
            ],
        },
    },
]

WSGI_APPLICATION = "{{ cookiecutter.package_name }}.wsgi.application"

# One URL holds the whole connection, e.g. postgresql://user:password@host:5432/name
# (https://github.com/jazzband/dj-database-url#url-schema).
DATABASES = {
    "default": dj_database_url.config(
{%- if cookiecutter.database == "postgresql" %}
        default="postgresql:///{{ cookiecutter.package_name }}",
{%- else %}
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
{%- endif %}
        conn_max_age=600,
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Write-ahead logging lets readers go on while one process writes; IMMEDIATE
    # transactions and a 20 s busy timeout make writers queue instead of failing with
    # "database is locked" (https://docs.djangoproject.com/en/5.2/ref/databases/#sqlite-notes).
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"django.contrib.auth.password_validation.{name}"}
    for name in (
        "UserAttributeSimilarityValidator",
        "MinimumLengthValidator",
        "CommonPasswordValidator",
        "NumericPasswordValidator",
    )
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

# `collectstatic` gathers every app's static files into STATIC_ROOT, for serving.
STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
