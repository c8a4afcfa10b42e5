{%- set example = cookiecutter.include_example == "yes" -%}
"""Fixtures. hug's tests call the API module itself (`hug.test.get(app, "/path")`):
hug builds the WSGI app for each call, so no server and no network are involved."""

from __future__ import annotations

import mimetypes
{%- if example %}
import shutil
{%- endif %}
from collections.abc import Iterator
{%- if example %}
from pathlib import Path
{%- endif %}

import pytest
{%- if example %}

from {{ cookiecutter.package_name }} import config
from {{ cookiecutter.package_name }}.store import NoteStore, close_stores

TOKEN = "test-token"  # noqa: S105
{%- endif %}


@pytest.fixture(autouse=True, scope="session")
def _mime_types_read_once() -> Iterator[None]:
    """hug.test builds the Falcon app anew for every request, and Falcon 2 re-reads the
    system's MIME types file each time (`mimetypes.init()`, most of the build's cost):
    read it once for the whole run. The app sees the same types either way."""
    mimetypes.init()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(mimetypes, "init", lambda files=None: None)
        yield
{%- if example %}


@pytest.fixture(scope="session")
def release_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database made by the release step once; each test gets a copy of it."""
    path = tmp_path_factory.mktemp("release") / "notes.sqlite3"
    store = NoteStore(path)
    store.create_schema()
    store.close()
    return path


@pytest.fixture
def notes_db(
    release_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    """Production settings on a fresh database, read by the app from the environment."""
    path = tmp_path / "notes.sqlite3"
    shutil.copy(release_db, path)
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{path}")
    monkeypatch.setenv("API_TOKEN", TOKEN)
    monkeypatch.delenv("DEBUG", raising=False)
    # hug APIs are modules: the settings are read once per process, so start afresh.
    config.settings.cache_clear()
    yield path
    close_stores()
    config.settings.cache_clear()


@pytest.fixture
def auth() -> dict[str, str]:
    return {"Authorization": f"Bearer {TOKEN}"}
{%- endif %}
