"""The application configurator: which TurboGears components run, and their settings.

The .ini files (read by PasteDeploy) add the per-environment settings on top of these.
https://turbogears.readthedocs.io/en/latest/turbogears/configuration/appconfig.html
"""

from __future__ import annotations

from tg import FullStackApplicationConfigurator

import {{ cookiecutter.package_name }}
{%- if cookiecutter.include_example == "yes" %}
from {{ cookiecutter.package_name }} import model
{%- endif %}
from {{ cookiecutter.package_name }}.lib import app_globals, helpers
from {{ cookiecutter.package_name }}.lib.wrappers import BrokenFormWrapper

base_config = FullStackApplicationConfigurator()
base_config.update_blueprint(
    {
        "package": {{ cookiecutter.package_name }},
        "app_globals": app_globals.Globals,
        "helpers": helpers,
        # Kajiki renders the pages (`.xhtml`); `@expose("json")` the API.
        "renderers": ["json", "kajiki"],
        "default_renderer": "kajiki",
        # Stateless processes: no server-side sessions, no cache, one language.
        "session.enabled": False,
        "cache.enabled": False,
        "i18n.enabled": False,
{%- if cookiecutter.include_example == "yes" %}
        # SQLAlchemy through `model.DBSession`; the transaction manager commits the
        # session when a request succeeds and rolls it back when it fails.
        "use_sqlalchemy": True,
        "model": model,
        "DBSession": model.DBSession,
        "tm.enabled": True,
{%- else %}
        "use_sqlalchemy": False,
        "tm.enabled": False,
{%- endif %}
        # Error answers without a JSON body (404 from dispatch, 500) are rendered by
        # `RootController.error` (controllers/error.py).
        "errorpage.enabled": True,
        "errorpage.status_codes": [400, 401, 403, 404, 405, 500],
    }
)
# after=False: nearest the controllers, inside TurboGears' own wrappers.
base_config.register_application_wrapper(BrokenFormWrapper, after=False)
