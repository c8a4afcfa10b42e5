"""The example spider: the demo nursery's listing pages, then each plant's page.

Run it with `scrapy crawl plants` (START_URL) or `scrapy crawl plants -a start_url=URL`.
See https://docs.scrapy.org/en/latest/topics/spiders.html
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

import scrapy
from scrapy.http import Response

from ..items import Plant


class PlantsSpider(scrapy.Spider):
    name = "plants"
    # Set by `-a start_url=...`; otherwise the START_URL setting.
    start_url: str | None = None

    @property
    def base_url(self) -> str:
        return self.start_url or self.settings.get("START_URL")

    # `start()` replaced start_requests() in Scrapy 2.13: an async generator.
    async def start(self) -> AsyncIterator[scrapy.Request]:
        yield scrapy.Request(self.base_url, callback=self.parse)

    def parse(self, response: Response, **kwargs: Any) -> Iterator[scrapy.Request]:
        """A listing page: every plant on it, then the next listing page.

        @path /
        @returns requests 4 4
        """
        # follow_all resolves relative links and makes one request per link.
        yield from response.follow_all(css="a.plant", callback=self.parse_plant)
        yield from response.follow_all(css="a[rel=next]", callback=self.parse)

    def parse_plant(self, response: Response) -> Iterator[Plant]:
        """A plant's page: one item, as the page shows it.

        @path /plants/fern.html
        @returns items 1 1
        @returns requests 0 0
        @scrapes url sku name price in_stock tags
        """
        yield Plant(
            url=response.url,
            sku=response.css(".sku::text").get(),
            name=response.css("h1.name::text").get(),
            price=response.css(".price::text").get(),
            in_stock=response.css(".stock.in-stock").get() is not None,
            tags=response.css("ul.tags li::text").getall(),
        )
