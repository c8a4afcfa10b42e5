"""The settings that make the crawler polite, and the contract that runs offline."""

from __future__ import annotations

import os
import subprocess
import sys

from {{ cookiecutter.package_name }}.contracts import PathContract

from .conftest import PROJECT


def test_crawling_is_polite(settings):
    assert settings["ROBOTSTXT_OBEY"] is True
    assert settings["AUTOTHROTTLE_ENABLED"] is True
    assert settings["CONCURRENT_REQUESTS_PER_DOMAIN"] == 2
    assert settings["USER_AGENT"].startswith("{{ cookiecutter.package_name }}/")
    assert settings["CONTACT"] in settings["USER_AGENT"]


def test_items_are_exported_as_json_lines(settings):
    [(uri, options)] = settings["FEEDS"].items()
    assert uri.endswith(".jsonl") and options["format"] == "jsonlines"


def test_path_contract_joins_the_path_to_the_spider_start_url():
    class Spider:
        name = "fake"
        base_url = "http://127.0.0.1:9/shop/"

        def parse(self, response):
            """@path /a.html"""

    contract = PathContract(Spider().parse, "item.html")
    url = "http://127.0.0.1:9/shop/item.html"
    assert contract.adjust_request_args({}) == {"url": url}


def test_scrapy_check_passes_against_a_local_site(site_url):
    """`scrapy check` runs every contract in the spiders' docstrings."""
    env = {**os.environ, "START_URL": site_url}
    result = subprocess.run(
        [sys.executable, "-W", "error", "-m", "scrapy", "check"],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "OK" in output and "Ran 0 contracts" not in output
