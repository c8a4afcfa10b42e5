"""Scrapy settings: polite crawling, the components this project enables, the output.

Values that differ between machines come from the environment.
See https://docs.scrapy.org/en/latest/topics/settings.html
"""

import os

BOT_NAME = "{{ cookiecutter.package_name }}"

SPIDER_MODULES = ["{{ cookiecutter.package_name }}.spiders"]
NEWSPIDER_MODULE = "{{ cookiecutter.package_name }}.spiders"

# Where the spiders start, unless `scrapy crawl SPIDER -a start_url=URL` says otherwise.
{%- if cookiecutter.include_example == "yes" %}
# The default is the demo site (`python -m {{ cookiecutter.package_name }}.demo_site`).
START_URL = os.environ.get("START_URL", "http://127.0.0.1:8765/")
{%- else %}
START_URL = os.environ.get("START_URL", "")
{%- endif %}

# --- Politeness ------------------------------------------------------------------
# Identify yourself: site owners read the User-Agent (and the From header that
# FromHeaderMiddleware adds) to see who crawls them and how to reach you.
CONTACT = os.environ.get(
    "CRAWLER_CONTACT",
    {{ cookiecutter.author_email | py_str }},
)
USER_AGENT = f"{BOT_NAME}/0.1 (+mailto:{CONTACT})"

# Fetch robots.txt first and skip what it disallows.
ROBOTSTXT_OBEY = True

# At most two requests at a time to any one site, whatever CONCURRENT_REQUESTS allows.
CONCURRENT_REQUESTS_PER_DOMAIN = 2

# AutoThrottle spaces requests by each site's response time (slower site, longer waits),
# starting at 1 s between requests and never waiting more than 30 s.
# See https://docs.scrapy.org/en/latest/topics/autothrottle.html
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0

# Your own machine (a demo or test site on loopback) needs no politeness delay.
DOWNLOAD_SLOTS = {"127.0.0.1": {"delay": 0, "concurrency": 8}}

# Retry a failed page twice, then give up on it.
RETRY_TIMES = 2

# No remote-control console listening on a port during crawls.
TELNETCONSOLE_ENABLED = False

# --- Components ------------------------------------------------------------------
# Lower numbers run first for requests, last for responses and output.
# See https://docs.scrapy.org/en/latest/topics/spider-middleware.html
SPIDER_MIDDLEWARES = {
    "{{ cookiecutter.package_name }}.middlewares.ItemCountMiddleware": 543,
}
# See https://docs.scrapy.org/en/latest/topics/downloader-middleware.html
DOWNLOADER_MIDDLEWARES = {
    "{{ cookiecutter.package_name }}.middlewares.FromHeaderMiddleware": 543,
}
{%- if cookiecutter.include_example == "yes" %}
# Items pass these in order: clean and validate, drop duplicates, store.
# See https://docs.scrapy.org/en/latest/topics/item-pipeline.html
ITEM_PIPELINES = {
    "{{ cookiecutter.package_name }}.pipelines.PlantValidationPipeline": 100,
    "{{ cookiecutter.package_name }}.pipelines.DuplicatesPipeline": 200,
    "{{ cookiecutter.package_name }}.pipelines.SQLitePipeline": 300,
}
{%- endif %}

# `@path` in callback docstrings: contracts that `scrapy check` runs against START_URL.
SPIDER_CONTRACTS = {
    "{{ cookiecutter.package_name }}.contracts.PathContract": 10,
}

# --- Output ----------------------------------------------------------------------
{%- if cookiecutter.include_example == "yes" %}
# The SQLite database SQLitePipeline keeps the items in (`sqlite:///` + a path).
DATABASE_URL = os.environ.get("DATABASE_URL", "sqlite:///instance/items.sqlite3")
{%- endif %}

# Every crawl also writes its items as JSON lines (one object per line), replacing the
# previous crawl's file. `%(name)s` is the spider's name.
# See https://docs.scrapy.org/en/latest/topics/feed-exports.html
FEEDS = {
    os.environ.get("FEED_URI", "instance/%(name)s.jsonl"): {
        "format": "jsonlines",
        "encoding": "utf8",
        "overwrite": True,
    },
}
FEED_EXPORT_ENCODING = "utf-8"
