"""The skeleton spider's callback, called directly on a page."""

from __future__ import annotations

import asyncio

from scrapy.utils.test import get_crawler

from {{ cookiecutter.package_name }}.items import Page
from {{ cookiecutter.package_name }}.spiders.pages import PagesSpider

from .conftest import html_response

BODY = b"""<html><head><title>Home</title></head><body>
<a href="/about">About</a> <a href="https://elsewhere.example/">Elsewhere</a>
</body></html>"""


def start(spider):
    async def collect():
        return [request async for request in spider.start()]

    return asyncio.run(collect())


def test_a_page_yields_its_item_then_follows_links_on_the_same_site(crawler):
    spider = PagesSpider.from_crawler(crawler, start_url="http://127.0.0.1:9/")
    item, *requests = spider.parse(html_response("http://127.0.0.1:9/", BODY))
    assert item == Page(
        url="http://127.0.0.1:9/",
        title="Home",
        links=["http://127.0.0.1:9/about", "https://elsewhere.example/"],
    )
    assert [r.url for r in requests] == ["http://127.0.0.1:9/about"]


def test_start_uses_the_start_url(crawler):
    spider = PagesSpider.from_crawler(crawler, start_url="http://127.0.0.1:9/")
    assert [r.url for r in start(spider)] == ["http://127.0.0.1:9/"]


def test_start_without_a_start_url_logs_and_crawls_nothing(settings, caplog):
    crawler = get_crawler(settings_dict={**settings, "START_URL": ""})
    assert start(PagesSpider.from_crawler(crawler)) == []
    assert "No start URL" in caplog.text
