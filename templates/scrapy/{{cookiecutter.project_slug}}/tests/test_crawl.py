"""The README's crawl, for real: the demo site served on loopback, `scrapy crawl` in a
subprocess, the exact items in SQLite and in the JSON lines feed; a second crawl adds
no duplicates."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys

from .conftest import PROJECT

DEMO_SITE = "{{ cookiecutter.package_name }}.demo_site"
SCRAPY = [sys.executable, "-W", "error", "-m", "scrapy"]
EXPECTED = {
    "ALOE-06": ("Aloe vera", "6.00", 0),
    "CALA-05": ("Calathea orbifolia", "27.50", 1),
    "FERN-01": ("Boston fern", "12.50", 1),
    "MONS-02": ("Monstera deliciosa", "34.00", 1),
    "POTH-03": ("Golden pothos", "8.90", 0),
    "SNAK-04": ("Snake plant", "1019.00", 1),
}


def crawl(tmp_path):
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'items.sqlite3'}",
        "FEED_URI": str(tmp_path / "plants.jsonl"),
    }
    result = subprocess.run(  # noqa: S603 - our own command
        # -W error: the crawl itself raises no warning, as the in-process tests do not.
        [sys.executable, "-m", DEMO_SITE, *SCRAPY, "crawl", "plants"],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stderr


def stored(tmp_path):
    with sqlite3.connect(tmp_path / "items.sqlite3") as connection:
        found = connection.execute("SELECT sku, name, price, in_stock FROM plants")
        return {sku: rest for sku, *rest in found}


def test_crawl_stores_the_demo_items_once(tmp_path):
    log = crawl(tmp_path)
    assert {sku: tuple(v) for sku, v in stored(tmp_path).items()} == EXPECTED
    lines = (tmp_path / "plants.jsonl").read_text().splitlines()
    feed = [json.loads(line) for line in lines]
    assert sorted(item["sku"] for item in feed) == sorted(EXPECTED)
    # The spider middleware counted 8 plants; 2 were dropped (no price, a duplicate).
    assert "'items/Plant': 8" in log and "'item_scraped_count': 6" in log
    assert "'item_dropped_count': 2" in log
    # robots.txt kept the crawler out of /staff/; the downloader middleware sent From.
    served = [line for line in log.splitlines() if line.startswith("demo site:")]
    assert served and not any("/staff/" in line for line in served)
    assert "/robots.txt" in log and "[from " in log and "[from None]" not in log

    crawl(tmp_path)
    assert {sku: tuple(v) for sku, v in stored(tmp_path).items()} == EXPECTED
