"""The Scrapy project: settings, items, spiders and the components they use."""
