from tests._harness.fixtures import bakery  # noqa: F401 - the session fixture
