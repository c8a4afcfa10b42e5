import pytest

from tests._harness import postgres
from tests._harness.fixtures import bakery, need  # noqa: F401 - bakery: the session fixture
from tests._harness.served import uses_postgres


@pytest.fixture(scope="session")
def postgres_url(tmp_path_factory):
    need(postgres.unavailable_reason(), "PostgreSQL")
    with postgres.running_postgres(tmp_path_factory.mktemp("pg")) as url:
        yield url


@pytest.fixture
def database_url(request, variant, tmp_path):
    if uses_postgres(variant):
        return postgres.database_for(request.getfixturevalue("postgres_url"), variant.framework)
    return f"sqlite:///{tmp_path / 'production.sqlite3'}"
