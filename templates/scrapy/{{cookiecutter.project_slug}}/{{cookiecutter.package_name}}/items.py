"""What the spiders extract, as dataclasses: Scrapy's default item type since 2.17.

See https://docs.scrapy.org/en/latest/topics/items.html#dataclass-objects
"""

from __future__ import annotations

from dataclasses import dataclass, field
{%- if cookiecutter.include_example == "yes" %}


@dataclass
class Plant:
    """One product page of the demo nursery, as scraped: the pipelines clean it."""

    url: str
    sku: str | None = None
    name: str | None = None
    # Text as the page shows it ("€ 12.50"); PlantValidationPipeline makes it "12.50".
    price: str | None = None
    in_stock: bool = False
    tags: list[str] = field(default_factory=list)
{%- else %}


@dataclass
class Page:
    """One crawled page: where it is, its title and how many links it has."""

    url: str
    title: str | None = None
    links: list[str] = field(default_factory=list)
{%- endif %}
