"""The spider middleware counts items in stats; the downloader one adds `From`."""

from __future__ import annotations

import asyncio

from scrapy import Request
from scrapy.utils.misc import build_from_crawler

from {{ cookiecutter.package_name }}.items import {{ "Plant" if cookiecutter.include_example == "yes" else "Page" }} as Item
from {{ cookiecutter.package_name }}.middlewares import FromHeaderMiddleware, ItemCountMiddleware

PACKAGE = "{{ cookiecutter.package_name }}"


async def _spider_output():
    yield Item(url="http://127.0.0.1/a")
    yield Request("http://127.0.0.1/b")
    yield Item(url="http://127.0.0.1/c")


async def _collect(outputs):
    return [output async for output in outputs]


def test_both_middlewares_are_enabled(settings):
    spider_middlewares = settings["SPIDER_MIDDLEWARES"]
    downloader_middlewares = settings["DOWNLOADER_MIDDLEWARES"]
    assert f"{PACKAGE}.middlewares.ItemCountMiddleware" in spider_middlewares
    assert f"{PACKAGE}.middlewares.FromHeaderMiddleware" in downloader_middlewares


def test_spider_middleware_counts_items_and_passes_everything_on(crawler):
    crawler.stats.open_spider()
    middleware = build_from_crawler(ItemCountMiddleware, crawler)
    processed = middleware.process_spider_output(None, _spider_output())
    outputs = asyncio.run(_collect(processed))
    assert [type(o).__name__ for o in outputs] == ["{{ "Plant" if cookiecutter.include_example == "yes" else "Page" }}", "Request", "{{ "Plant" if cookiecutter.include_example == "yes" else "Page" }}"]
    assert crawler.stats.get_value("items/{{ "Plant" if cookiecutter.include_example == "yes" else "Page" }}") == 2
    assert crawler.stats.get_value("items/Request") is None


def test_downloader_middleware_sends_the_contact_in_from(crawler):
    middleware = build_from_crawler(FromHeaderMiddleware, crawler)
    request = Request("http://127.0.0.1/")
    assert middleware.process_request(request) is None
    assert request.headers["From"] == crawler.settings["CONTACT"].encode()


def test_downloader_middleware_keeps_a_from_header_the_request_set(crawler):
    middleware = build_from_crawler(FromHeaderMiddleware, crawler)
    request = Request("http://127.0.0.1/", headers={"From": "ops@example.org"})
    middleware.process_request(request)
    assert request.headers["From"] == b"ops@example.org"


def test_downloader_middleware_without_a_contact_sends_no_from():
    request = Request("http://127.0.0.1/")
    FromHeaderMiddleware("").process_request(request)
    assert "From" not in request.headers
