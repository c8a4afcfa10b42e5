"""Item pipelines, in the order ITEM_PIPELINES runs them: clean and validate, drop
duplicates, store in SQLite.

Each gets the item back from the one before; raising DropItem stops an item there.
See https://docs.scrapy.org/en/latest/topics/item-pipeline.html
"""

from __future__ import annotations

import json
import sqlite3
from decimal import Decimal, InvalidOperation
from pathlib import Path

from itemadapter import ItemAdapter
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem

from .items import Plant

REQUIRED = ("sku", "name", "price")
CURRENCY = "€$£"

SCHEMA = """
CREATE TABLE IF NOT EXISTS plants (
    sku TEXT PRIMARY KEY,
    url TEXT NOT NULL,
    name TEXT NOT NULL,
    price TEXT NOT NULL,
    in_stock INTEGER NOT NULL,
    tags TEXT NOT NULL
)
"""
# One row per SKU: a plant crawled again updates its row instead of adding one.
UPSERT = """
INSERT INTO plants (sku, url, name, price, in_stock, tags)
VALUES (:sku, :url, :name, :price, :in_stock, :tags)
ON CONFLICT (sku) DO UPDATE SET
    url = excluded.url, name = excluded.name, price = excluded.price,
    in_stock = excluded.in_stock, tags = excluded.tags
"""


def squash(text: str | None) -> str:
    """Collapse runs of whitespace (newlines, non-breaking spaces) into one space."""
    return " ".join((text or "").split())


def parse_price(text: str) -> str:
    """Normalise a price as shown ("€ 1,299.50") to "1299.50"; DropItem if none."""
    digits = text.strip().strip(CURRENCY).strip().replace(",", "")
    try:
        amount = Decimal(digits)
    except InvalidOperation:
        raise DropItem(f"price {text!r} is not an amount") from None
    if not amount.is_finite() or amount < 0:
        raise DropItem(f"price {text!r} is not an amount")
    return str(amount.quantize(Decimal("0.01")))


class PlantValidationPipeline:
    """Normalises the text of a Plant and drops those missing a required field."""

    def process_item(self, item: Plant) -> Plant:
        adapter = ItemAdapter(item)
        for key in ("sku", "name", "price"):
            adapter[key] = squash(adapter.get(key))
        missing = [key for key in REQUIRED if not adapter[key]]
        if missing:
            raise DropItem(f"{item.url} lacks {', '.join(missing)}")
        adapter["sku"] = adapter["sku"].upper()
        adapter["price"] = parse_price(adapter["price"])
        tags = (squash(tag).lower() for tag in adapter.get("tags") or [])
        adapter["tags"] = sorted({tag for tag in tags if tag})
        return item


class DuplicatesPipeline:
    """Drops a plant already seen in this crawl (one plant can be linked from two pages
    under two URLs; the dupefilter only knows URLs, the SKU knows the plant)."""

    def __init__(self) -> None:
        self.seen: set[str] = set()

    def process_item(self, item: Plant) -> Plant:
        sku = ItemAdapter(item)["sku"]
        if sku in self.seen:
            raise DropItem(f"duplicate plant {sku}")
        self.seen.add(sku)
        return item


class SQLitePipeline:
    """Stores each plant in SQLite, one row per SKU, committed as it arrives.

    WAL lets readers (a report, a second crawl) work while a crawl writes, and the busy
    timeout makes a writer wait for a lock instead of failing with "database is locked".
    """

    def __init__(self, database_url: str) -> None:
        if not database_url.startswith("sqlite:///"):
            raise ValueError(f"DATABASE_URL must be sqlite:///<path>: {database_url!r}")
        self.path = Path(database_url.removeprefix("sqlite:///"))
        self.connection: sqlite3.Connection | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> SQLitePipeline:
        return cls(crawler.settings.get("DATABASE_URL"))

    def open_spider(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.connection = connect(self.path)
        self.connection.execute(SCHEMA)

    def close_spider(self) -> None:
        if self.connection is not None:
            self.connection.close()
            self.connection = None

    def process_item(self, item: Plant) -> Plant:
        if self.connection is None:
            raise RuntimeError("the database is closed: open_spider() opens it")
        row = ItemAdapter(item).asdict()
        row["in_stock"] = int(row["in_stock"])
        row["tags"] = json.dumps(row["tags"])
        # `with` commits the row (or rolls it back): a stored item is durable at once.
        with self.connection:
            self.connection.execute(UPSERT, row)
        return item


def connect(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(path, timeout=5.0)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA busy_timeout=5000")
    # With WAL, NORMAL loses nothing committed when the process is killed.
    connection.execute("PRAGMA synchronous=NORMAL")
    return connection
