"""Each pipeline on its own: process_item called directly, as Scrapy would."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace

import pytest
from scrapy.exceptions import DropItem
from scrapy.utils.misc import build_from_crawler
from scrapy.utils.test import get_crawler

from {{ cookiecutter.package_name }}.items import Plant
from {{ cookiecutter.package_name }}.pipelines import (
    DuplicatesPipeline,
    PlantValidationPipeline,
    SQLitePipeline,
    parse_price,
)

FERN = Plant(
    url="http://127.0.0.1/plants/fern.html",
    sku=" fern-01 ",
    name="  Boston\n   fern ",
    price="€ 12.50",
    in_stock=True,
    tags=["Shade", " humid ", "shade", " "],
)


def clean(plant: Plant) -> Plant:
    return PlantValidationPipeline().process_item(replace(plant))


def test_validation_normalises_text():
    plant = clean(FERN)
    assert (plant.sku, plant.name, plant.price) == ("FERN-01", "Boston fern", "12.50")
    assert plant.tags == ["humid", "shade"]


@pytest.mark.parametrize("missing", ["sku", "name", "price"])
def test_validation_drops_a_plant_missing_a_required_field(missing):
    with pytest.raises(DropItem, match=missing):
        clean(replace(FERN, **{missing: None}))


def test_validation_drops_blank_fields_too():
    with pytest.raises(DropItem, match="name"):
        clean(replace(FERN, name=" \n "))


@pytest.mark.parametrize(
    ("shown", "price"),
    [("€ 12.5", "12.50"), ("$1,019.00", "1019.00"), ("7", "7.00"), ("£0.999", "1.00")],
)
def test_prices_are_normalised(shown, price):
    assert parse_price(shown) == price


@pytest.mark.parametrize("shown", ["call us", "€ -3", "NaN", "Infinity"])
def test_what_is_no_price_is_dropped(shown):
    with pytest.raises(DropItem, match="not an amount"):
        parse_price(shown)


def test_duplicates_are_dropped_by_sku():
    pipeline = DuplicatesPipeline()
    first = clean(FERN)
    assert pipeline.process_item(first) is first
    again = clean(replace(FERN, url="http://127.0.0.1/plants/fern.html?ref=featured"))
    with pytest.raises(DropItem, match="FERN-01"):
        pipeline.process_item(again)
    other = clean(replace(FERN, sku="MONS-02"))
    assert pipeline.process_item(other) is other


@pytest.fixture
def store(settings, tmp_path):
    database = tmp_path / "sub" / "items.sqlite3"
    url = f"sqlite:///{database}"
    crawler = get_crawler(settings_dict={**settings, "DATABASE_URL": url})
    pipeline = build_from_crawler(SQLitePipeline, crawler)
    pipeline.open_spider()
    yield pipeline
    pipeline.close_spider()


def rows(path):
    with sqlite3.connect(path) as connection:
        query = "SELECT sku, name, price, in_stock, tags FROM plants"
        return connection.execute(query).fetchall()


def test_sqlite_stores_a_plant_once_even_when_crawled_twice(store):
    store.process_item(clean(FERN))
    store.process_item(clean(replace(FERN, price="€ 13")))
    tags = json.dumps(["humid", "shade"])
    assert rows(store.path) == [("FERN-01", "Boston fern", "13.00", 1, tags)]


def test_sqlite_runs_in_wal_mode_with_a_busy_timeout(store):
    journal = store.connection.execute("PRAGMA journal_mode").fetchone()[0]
    timeout = store.connection.execute("PRAGMA busy_timeout").fetchone()[0]
    assert (journal, timeout) == ("wal", 5000)


def test_sqlite_is_closed_once_and_refuses_items_afterwards(store):
    store.close_spider()
    store.close_spider()
    with pytest.raises(RuntimeError, match="open_spider"):
        store.process_item(clean(FERN))


def test_sqlite_needs_a_sqlite_url():
    with pytest.raises(ValueError, match="DATABASE_URL"):
        SQLitePipeline("postgresql://127.0.0.1/items")


def test_pipelines_run_in_order(settings):
    order = sorted(settings["ITEM_PIPELINES"], key=settings["ITEM_PIPELINES"].get)
    assert [path.rsplit(".", 1)[1] for path in order] == [
        "PlantValidationPipeline",
        "DuplicatesPipeline",
        "SQLitePipeline",
    ]
