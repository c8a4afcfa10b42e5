"""Shared fixtures: the Flask test client, and dash_duo where Chromium is present."""

import os
import shutil

import pytest
from selenium.webdriver.chrome.options import Options

from {{ cookiecutter.package_name }}.app import app

CHROME_NAMES = ("chromium", "chromium-browser", "google-chrome")


@pytest.fixture
def client():
    return app.server.test_client()


def pytest_setup_options():
    """dash[testing] hook: Chrome options for dash_duo, which adds --no-sandbox itself.

    These flags keep Chromium off the network, so the browser test runs offline.
    """
    options = Options()
    options.add_argument("--disable-background-networking")
    options.add_argument("--disable-component-update")
    options.add_argument("--no-first-run")
    return options


@pytest.fixture
def browser(request):
    """dash_duo (https://dash.plotly.com/testing), or a skip when Chromium is absent.

    Under FWSCAFFOLD_REQUIRE_ALL=1 (set in CI) a missing browser fails the test instead.
    """
    missing = []
    if not any(shutil.which(name) for name in CHROME_NAMES):
        missing.append("Chromium or Chrome")
    if not shutil.which("chromedriver"):
        missing.append("chromedriver")
    if missing:
        reason = f"browser test needs {' and '.join(missing)} on PATH"
        if os.environ.get("FWSCAFFOLD_REQUIRE_ALL") == "1":
            pytest.fail(reason)
        pytest.skip(reason)
    return request.getfixturevalue("dash_duo")
