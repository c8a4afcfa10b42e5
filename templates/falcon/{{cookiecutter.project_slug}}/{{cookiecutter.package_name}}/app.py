{%- set app_class = "falcon.asgi.App" if cookiecutter.interface == "asgi" else "falcon.App" -%}
"""The application factory: the one place where the parts of the app are wired together.

The servers call `create_app()`, which reads the environment (see config.py); tests call
`create_app(config)` with their own settings.
"""

from __future__ import annotations

{% if cookiecutter.interface == "asgi" -%}
import falcon.asgi
{%- else -%}
import falcon
{%- endif %}

from .config import Config
from .errors import {% if cookiecutter.include_example == "yes" %}handle_invalid_note, handle_note_not_found, {% endif %}serialize_error
from .health import HealthResource
from .home import HomeResource
from .middleware import BodySizeLimit, RequestTimer
{%- if cookiecutter.include_example == "yes" %}
from .notes import NoteCollection, NoteItem
from .store import NoteNotFoundError, NoteStore
from .validation import InvalidNoteError
{%- endif %}

MAX_BODY_BYTES = 1024 * 1024


def create_app(config: Config | None = None) -> {{ app_class }}:
    config = config or Config.from_env()
    # Each middleware component's methods run around every request, in list order.
    app = {{ app_class }}(middleware=[RequestTimer(), BodySizeLimit(MAX_BODY_BYTES)])
    # Every error answer, Falcon's own 404 and 405 included, goes through this function.
    app.set_error_serializer(serialize_error)

    app.add_route("/", HomeResource(config.project_name))
    app.add_route("/health", HealthResource())
{%- if cookiecutter.include_example == "yes" %}

    store = NoteStore(config.database_path)
    store.create_schema()
    app.add_route("/api/notes", NoteCollection(store, config.api_token))
    # The `int` field converter passes note_id as an int; other paths get 404.
    # https://falcon.readthedocs.io/en/stable/api/routing.html#field-converters
    app.add_route("/api/notes/{note_id:int(min=1)}", NoteItem(store, config.api_token))
    # https://falcon.readthedocs.io/en/stable/api/app.html#falcon.App.add_error_handler
    app.add_error_handler(NoteNotFoundError, handle_note_not_found)
    app.add_error_handler(InvalidNoteError, handle_invalid_note)
{%- endif %}
    return app
