"""Shared fixtures: the Flask test client, and dash_duo where Chromium is present."""

import os
import shutil

import pytest
from selenium.webdriver.chrome.options import Options

from {{ cookiecutter.package_name }}.app import app

# The browser's names on PATH: Debian, Ubuntu, Google's package, Chrome for Testing.
CHROME_NAMES = ("chromium", "chromium-browser", "google-chrome", "chrome")


def chrome_binary() -> str | None:
    """The browser to drive: $CHROME_BIN when set (as in CI), else the first on PATH."""
    chosen = os.environ.get("CHROME_BIN")
    if chosen:
        return shutil.which(chosen)
    return next(filter(None, map(shutil.which, CHROME_NAMES)), None)


@pytest.fixture
def client():
    return app.server.test_client()


def pytest_setup_options():
    """dash[testing] hook: Chrome options for dash_duo, which adds --no-sandbox itself.

    The binary is named so that chromedriver starts exactly that browser, not another
    one it finds first. The flags keep Chromium off the network, so the test runs
    offline.
    """
    options = Options()
    binary = chrome_binary()
    if binary:
        options.binary_location = binary
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
    if not chrome_binary():
        missing.append("Chromium or Chrome (or $CHROME_BIN)")
    if not shutil.which("chromedriver"):
        missing.append("chromedriver")
    if missing:
        reason = f"browser test needs {' and '.join(missing)} on PATH"
        if os.environ.get("FWSCAFFOLD_REQUIRE_ALL") == "1":
            pytest.fail(reason)
        pytest.skip(reason)
    return request.getfixturevalue("dash_duo")
