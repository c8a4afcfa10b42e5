{%- set app_class = "falcon.asgi.App" if cookiecutter.interface == "asgi" else "falcon.App" -%}
{%- set example = cookiecutter.include_example == "yes" -%}
"""The application factory: the one place where the parts of the app are wired together.

The servers call `create_app()`, which reads the environment (see config.py); tests call
`create_app(config)` with their own settings.
"""

from __future__ import annotations
{% if example and cookiecutter.interface == "wsgi" %}
import sys
{% endif %}
{% if cookiecutter.interface == "asgi" -%}
import falcon.asgi
{%- else -%}
import falcon
{%- endif %}
{%- if example %}
from falcon.routing import IntConverter
{%- endif %}

from .config import Config{% if example %}, ConfigError{% endif %}
from .errors import {% if example %}handle_note_not_found, handle_validation_error, {% endif %}serialize_error
from .health import HealthResource
from .home import HomeResource
from .middleware import RequestTimer
{%- if example %}
from .notes import NoteCollection, NoteItem
from .store import DatabaseNotReadyError, NoteNotFoundError, NoteStore
from .validation import ValidationError


class DigitsConverter(IntConverter):
    """Falcon's `int` converter, for ASCII digits only.

    IntConverter converts with int(), which also takes "+1", "1_0" and other scripts'
    digits; an id in a path is plain digits. min= and max= work as before.
    """

    def convert(self, value: str) -> int | None:
        if not (value.isascii() and value.isdigit()):
            return None
        return super().convert(value)


def create_app(config: Config | None = None) -> {{ app_class }}:
    if config is not None:
        return build_app(config)
    try:
        return build_app(Config.from_env())
    except (ConfigError, DatabaseNotReadyError) as error:
        # One line and a non-zero exit, instead of a traceback and a server that
        # answers /health but fails every other request.
{%- if cookiecutter.interface == "asgi" %}
        raise SystemExit(f"Error: {error}") from None
{%- else %}
        print(f"Error: {error}", file=sys.stderr)
        # 3 is gunicorn's "worker failed to boot": without --preload (as with --reload
        # in development) gunicorn then stops, instead of restarting the worker forever.
        raise SystemExit(3) from None
{%- endif %}


def build_app(config: Config) -> {{ app_class }}:
{%- else %}


def create_app(config: Config | None = None) -> {{ app_class }}:
    config = config or Config.from_env()
{%- endif %}
    # Each middleware component's methods run around every request, in list order.
    app = {{ app_class }}(middleware=[RequestTimer()])
    # Every error answer, Falcon's own 404 and 405 included, goes through this function.
    app.set_error_serializer(serialize_error)

    app.add_route("/", HomeResource(config.project_name))
    app.add_route("/health", HealthResource())
{%- if example %}

    store = NoteStore(config.database_path)
    store.check_schema()
    app.add_route("/api/notes", NoteCollection(store, config.api_token))
    # Field converters turn a path segment into a responder argument, or the path does
    # not match (404). Registered under "int", the stricter converter replaces Falcon's.
    # https://falcon.readthedocs.io/en/stable/api/routing.html#field-converters
    app.router_options.converters["int"] = DigitsConverter
    # max= is SQLite's largest integer (2**63 - 1): a larger id cannot exist, so 404.
    app.add_route(
        "/api/notes/{note_id:int(min=1, max=9223372036854775807)}",
        NoteItem(store, config.api_token),
    )
    # https://falcon.readthedocs.io/en/stable/api/app.html#falcon.App.add_error_handler
    app.add_error_handler(NoteNotFoundError, handle_note_not_found)
    app.add_error_handler(ValidationError, handle_validation_error)
{%- endif %}
    return app
