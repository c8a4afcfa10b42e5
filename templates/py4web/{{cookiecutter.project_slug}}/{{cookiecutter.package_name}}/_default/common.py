"""Fixtures shared by the actions; each action declares the ones it uses.

https://py4web.com/_documentation/static/en/chapter-06.html
"""

from __future__ import annotations

{% if cookiecutter.database == "sqlite" %}import os{% else %}from typing import Any{% endif %}

from py4web import DAL, Session
{%- if cookiecutter.database == "postgresql" %}
from pydal.migrator import InDBMigrator
{%- endif %}

from . import settings

# A signed cookie: no server-side state, so several workers can serve the same user.
session = Session(secret=settings.SESSION_SECRET_KEY)
{%- if cookiecutter.database == "postgresql" %}

# Names pyDAL's record of each table, whatever DATABASE_URL (a new password keeps it).
TABLE_HASH = "{{ cookiecutter.package_name }}"


class Migrator(InDBMigrator):
    """pyDAL's migrations, with its record of the tables it made (its `.table` files) in
    the database itself, table web2py_filesystem, under a fixed name: the release step
    finds it from any machine, container or folder; the app servers never migrate.

    A table that exists without that record (made by hand, or by another tool) is taken
    as the model describes it, as pyDAL's `fake_migrate` does, instead of failing to
    create it again. https://py4web.com/_documentation/static/en/chapter-07.html
    """

    def create_table(
        self, table: Any, migrate: Any = True, fake_migrate: bool = False
    ) -> Any:
        record = f"{TABLE_HASH}_{table._tablename}.table"  # noqa: SLF001
        if migrate and not fake_migrate and not self.file_exists(record):
            name = table._rname  # noqa: SLF001 - the quoted name, as SQL needs it
            found = self.db.executesql("SELECT to_regclass(%s)", (name,))
            fake_migrate = found[0][0] is not None
        return super().create_table(table, migrate, fake_migrate)


# As a fixture, the DAL commits when an action succeeds and rolls back when it fails,
# then returns its connection to the process's pool (DB_POOL_SIZE connections).
db = DAL(
    settings.DATABASE_URL,
    pool_size=settings.DB_POOL_SIZE,
    migrate=settings.DB_MIGRATE,
    adapter_args={"migrator": Migrator},
    table_hash=TABLE_HASH,
    # bigint ids: every id the API accepts (up to 2**63 - 1); integer stops at 2**31.
    bigint_id=True,
    # %-escapes in the URL's user and password, as in any URL.
    decode_credentials=True,
)
{%- else %}


def sqlite_pragmas(adapter: object) -> None:
    """Run on every new connection: WAL lets readers and a writer work at once."""
    if settings.DATABASE_URL.startswith("sqlite:"):
        adapter.execute("PRAGMA journal_mode=WAL")  # type: ignore[attr-defined]
        adapter.execute("PRAGMA synchronous=NORMAL")  # type: ignore[attr-defined]
        adapter.execute("PRAGMA busy_timeout=5000")  # type: ignore[attr-defined]


if settings.DB_MIGRATE:
    os.makedirs(settings.DB_FOLDER, exist_ok=True)

# As a fixture, the DAL commits when an action succeeds and rolls back when it fails.
# A pool of one: each worker keeps its connection from one request to the next.
db = DAL(
    settings.DATABASE_URL,
    folder=settings.DB_FOLDER,
    pool_size=1,
    migrate=settings.DB_MIGRATE,
    after_connection=sqlite_pragmas,
)
{%- endif %}
