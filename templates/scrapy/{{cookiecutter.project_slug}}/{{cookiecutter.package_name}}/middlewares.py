"""A spider middleware and a downloader middleware, both enabled in settings.py.

Neither takes the deprecated `spider` argument: components that need the crawler
(settings, stats, the running spider) get it once, in `from_crawler`.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.http import Response


class ItemCountMiddleware:
    """Counts what each callback yields, by item type, in the crawl's stats.

    The counts (`items/<Type>`) show in the stats Scrapy logs at the end of a crawl,
    next to `item_scraped_count`: the difference is what the item pipelines dropped.
    See https://docs.scrapy.org/en/latest/topics/spider-middleware.html
    """

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ItemCountMiddleware:
        return cls(crawler)

    # An async generator: since Scrapy 2.16 spider output is asynchronous throughout.
    async def process_spider_output(
        self, response: Response, result: AsyncIterator[Any]
    ) -> AsyncIterator[Any]:
        async for output in result:
            if not isinstance(output, Request):
                self.crawler.stats.inc_value(f"items/{type(output).__name__}")
            yield output


class FromHeaderMiddleware:
    """Sends the crawler's contact address in the `From` header of every request.

    RFC 9110 (section 10.1.2) asks robots to send it, so site owners can reach you.
    A request that sets its own `From` keeps it.
    See https://docs.scrapy.org/en/latest/topics/downloader-middleware.html
    """

    def __init__(self, contact: str) -> None:
        self.contact = contact

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> FromHeaderMiddleware:
        return cls(crawler.settings.get("CONTACT", ""))

    def process_request(self, request: Request) -> None:
        if self.contact:
            request.headers.setdefault("From", self.contact)
        # None: go on to the next middleware and, in the end, the download.
        return None
