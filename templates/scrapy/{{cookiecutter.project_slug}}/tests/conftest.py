"""Shared fixtures: crawlers with the project's settings, responses made from pages.

Scrapy components are plain classes: tests build them with `build_from_crawler`, call
their methods directly, and feed callbacks `HtmlResponse` objects made from saved HTML.
See https://docs.scrapy.org/en/latest/topics/contracts.html and scrapy.utils.test.
"""

from __future__ import annotations
{% if cookiecutter.include_example == "no" %}
import functools
import threading
{%- endif %}
from collections.abc import Iterator
{%- if cookiecutter.include_example == "no" %}
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
{%- endif %}
from pathlib import Path

import pytest
from scrapy.http import HtmlResponse, Request
from scrapy.utils.test import get_crawler
{% if cookiecutter.include_example == "yes" %}
from {{ cookiecutter.package_name }} import demo_site
{%- endif %}
from {{ cookiecutter.package_name }} import settings as project_settings

PROJECT = Path(__file__).resolve().parent.parent


@pytest.fixture
def settings():
    """The settings this project sets (settings.py), by name."""
    return {k: v for k, v in vars(project_settings).items() if k.isupper()}


@pytest.fixture
def crawler(settings):
    """A crawler with the project's settings, not crawling: for building components.

    get_crawler adds what it needs to run without a Twisted reactor in the tests.
    """
    return get_crawler(settings_dict=settings)


def html_response(url: str, body: bytes) -> HtmlResponse:
    return HtmlResponse(url=url, body=body, encoding="utf-8", request=Request(url))
{%- if cookiecutter.include_example == "yes" %}


@pytest.fixture
def page():
    """page("plants/fern.html"): the demo site's saved page, as a crawl sees it."""

    def load(path: str, query: str = "") -> HtmlResponse:
        url = f"http://127.0.0.1:8765/{path}{query}"
        body = (demo_site.SITE / (path or "index.html")).read_bytes()
        return html_response(url, body)

    return load


@pytest.fixture(scope="session")
def site_url() -> Iterator[str]:
    """The demo site, served on a free loopback port for the whole test session."""
    with demo_site.serving() as url:
        yield url
{%- else %}


class _Pages(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.fixture(scope="session")
def site_url(tmp_path_factory) -> Iterator[str]:
    """A two-page site on a free loopback port, for `scrapy check`."""
    root = tmp_path_factory.mktemp("site")
    (root / "index.html").write_text(
        '<title>Home</title><a href="about.html">About</a>', encoding="utf-8"
    )
    (root / "about.html").write_text("<title>About</title>", encoding="utf-8")
    handler = functools.partial(_Pages, directory=str(root))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()
{%- endif %}
