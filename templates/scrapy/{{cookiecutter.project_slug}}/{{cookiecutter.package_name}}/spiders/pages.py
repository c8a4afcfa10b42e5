"""A spider skeleton: one item per page, following links on the same site.

Run it with `scrapy crawl pages -a start_url=https://example.com/` (or set START_URL).
See https://docs.scrapy.org/en/latest/topics/spiders.html
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any
from urllib.parse import urlparse

import scrapy
from scrapy.http import Response

from ..items import Page


class PagesSpider(scrapy.Spider):
    name = "pages"
    # Set by `-a start_url=...`; otherwise the START_URL setting.
    start_url: str | None = None
    # Stop after this many pages: a skeleton should not wander off.
    custom_settings = {"CLOSESPIDER_PAGECOUNT": 50}

    @property
    def base_url(self) -> str:
        return self.start_url or self.settings.get("START_URL")

    # `start()` replaced start_requests() in Scrapy 2.13: an async generator.
    async def start(self) -> AsyncIterator[scrapy.Request]:
        if not self.base_url:
            self.logger.error("No start URL: set START_URL or pass -a start_url=URL")
            return
        yield scrapy.Request(self.base_url, callback=self.parse)

    def parse(self, response: Response, **kwargs: Any) -> Iterator[Any]:
        """A page: its item, then a request for each link on it.

        @path /
        @returns items 1 1
        @scrapes url title links
        """
        hrefs = response.css("a::attr(href)").getall()
        links = [response.urljoin(href) for href in hrefs]
        title = response.css("title::text").get()
        yield Page(url=response.url, title=title, links=links)
        # Stay on the start URL's site; the dupefilter skips pages already seen.
        site = urlparse(self.base_url).hostname
        same_site = [link for link in links if urlparse(link).hostname == site]
        yield from response.follow_all(same_site, callback=self.parse)
