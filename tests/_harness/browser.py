"""Load a page in headless Chromium and collect its console errors (Dash renders in JS,
so only a real browser shows that the page works).

The distribution's chromium and chromedriver are passed explicitly so Selenium Manager
never runs: it would try to download drivers, and tests must stay offline.
"""

from __future__ import annotations

import importlib.util
import shutil
import tempfile
from pathlib import Path

PAGE_TIMEOUT = 30.0
_BROWSERS = ("chromium", "chromium-browser", "google-chrome")
_FLAGS = (
    "--headless=new",
    "--no-sandbox",  # we run as root in CI containers, where the sandbox cannot start
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--window-size=1280,900",
)


def _binaries() -> tuple[str, str] | None:
    browser = next((path for name in _BROWSERS if (path := shutil.which(name))), None)
    driver = shutil.which("chromedriver")
    return (browser, driver) if browser and driver else None


def unavailable_reason() -> str | None:
    """Why load_page() cannot work here, or None when it can."""
    if importlib.util.find_spec("selenium") is None:
        return "the selenium package is not installed"
    if shutil.which("chromedriver") is None:
        return "chromedriver is not on PATH"
    if _binaries() is None:
        return f"no Chromium on PATH (looked for {', '.join(_BROWSERS)})"
    return None


def load_page(url: str, screenshot: Path) -> list[str]:
    """Open url, wait for it to finish loading, save a PNG; return SEVERE console messages."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.support.wait import WebDriverWait

    binaries = _binaries()
    if binaries is None:
        raise RuntimeError(f"headless Chromium unavailable: {unavailable_reason()}")
    browser, driver_path = binaries
    with tempfile.TemporaryDirectory(
        prefix="fwscaffold-chromium-", ignore_cleanup_errors=True
    ) as profile:
        options = webdriver.ChromeOptions()
        options.binary_location = browser
        for flag in (*_FLAGS, f"--user-data-dir={profile}"):
            options.add_argument(flag)
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        driver = webdriver.Chrome(options=options, service=Service(executable_path=driver_path))
        try:
            driver.set_page_load_timeout(PAGE_TIMEOUT)
            # Production sits behind a TLS proxy; without this header Django redirects to https.
            driver.execute_cdp_cmd("Network.enable", {})
            driver.execute_cdp_cmd(
                "Network.setExtraHTTPHeaders", {"headers": {"X-Forwarded-Proto": "https"}}
            )
            driver.get(url)
            WebDriverWait(driver, PAGE_TIMEOUT).until(
                lambda d: d.execute_script("return document.readyState") == "complete"
            )
            screenshot.parent.mkdir(parents=True, exist_ok=True)
            if not driver.save_screenshot(str(screenshot)):
                raise RuntimeError(f"Chromium could not save a screenshot to {screenshot}")
            entries = driver.get_log("browser")
        finally:
            driver.quit()
    return [str(entry["message"]) for entry in entries if entry.get("level") == "SEVERE"]
