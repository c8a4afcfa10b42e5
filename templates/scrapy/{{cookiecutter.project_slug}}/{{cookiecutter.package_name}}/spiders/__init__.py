"""Spiders: Scrapy finds every `Spider` subclass in this package (SPIDER_MODULES)."""
