"""The spider's callbacks, called directly on pages of the demo site."""

from __future__ import annotations

import asyncio

from {{ cookiecutter.package_name }}.items import Plant
from {{ cookiecutter.package_name }}.spiders.plants import PlantsSpider


def test_listing_page_follows_each_plant_then_the_next_page(page):
    spider = PlantsSpider()
    requests = list(spider.parse(page("")))
    assert [r.url for r in requests] == [
        "http://127.0.0.1:8765/plants/fern.html",
        "http://127.0.0.1:8765/plants/monstera.html",
        "http://127.0.0.1:8765/plants/pothos.html",
        "http://127.0.0.1:8765/page-2.html",
    ]
    assert [r.callback for r in requests] == [spider.parse_plant] * 3 + [spider.parse]


def test_last_listing_page_has_no_next_page(page):
    spider = PlantsSpider()
    requests = list(spider.parse(page("page-3.html")))
    assert all(r.callback == spider.parse_plant for r in requests)
    assert len(requests) == 2


def test_plant_page_yields_the_plant_as_shown(page):
    [plant] = PlantsSpider().parse_plant(page("plants/fern.html"))
    assert plant == Plant(
        url="http://127.0.0.1:8765/plants/fern.html",
        sku="FERN-01",
        name="  Boston\n    fern ",
        price="€ 12.50",
        in_stock=True,
        tags=["Shade", "humid ", "shade"],
    )


def test_sold_out_plant_without_a_price(page):
    [sold_out] = PlantsSpider().parse_plant(page("plants/aloe.html"))
    assert sold_out.in_stock is False
    [mystery] = PlantsSpider().parse_plant(page("plants/mystery.html"))
    assert mystery.price is None


def test_start_uses_start_url_argument_or_setting(crawler):
    async def first(spider):
        return [request async for request in spider.start()]

    given = PlantsSpider.from_crawler(crawler, start_url="http://127.0.0.1:9/")
    assert [r.url for r in asyncio.run(first(given))] == ["http://127.0.0.1:9/"]
    default = PlantsSpider.from_crawler(crawler)
    start_url = crawler.settings["START_URL"]
    assert [r.url for r in asyncio.run(first(default))] == [start_url]
