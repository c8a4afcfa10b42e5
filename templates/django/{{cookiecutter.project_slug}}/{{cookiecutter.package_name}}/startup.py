"""The check a server runs once at start, before it answers any request.

A web process whose release step (`migrate`, `collectstatic`) failed or never ran would
answer 200 on /health and 500 everywhere else; it refuses to start instead.
"""

from django.contrib.staticfiles.storage import ManifestFilesMixin, staticfiles_storage
from django.core.exceptions import ImproperlyConfigured
from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor

RELEASE = "run the Procfile's release: step (manage.py migrate and collectstatic) first"


def check_release_step():
    """Raise ImproperlyConfigured unless migrate and collectstatic have run."""
    try:
        # The same test as runserver's "You have unapplied migration(s)" warning.
        executor = MigrationExecutor(connection)
        unapplied = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except DatabaseError as error:
        # On one line: drivers spread their messages over several.
        reason = " ".join(str(error).split())
        raise ImproperlyConfigured(
            f"cannot open the database ({reason}); check DATABASE_URL and {RELEASE}"
        ) from error
    finally:
        # gunicorn --preload forks its workers after this check: a connection open now
        # would be shared by every worker, and answers would get mixed up.
        connection.close()
    if unapplied:
        raise ImproperlyConfigured(
            f"the database lacks {len(unapplied)} migration(s); {RELEASE}"
        )
    if (
        isinstance(staticfiles_storage, ManifestFilesMixin)
        and staticfiles_storage.read_manifest() is None
    ):
        raise ImproperlyConfigured(f"the static files are not collected; {RELEASE}")
