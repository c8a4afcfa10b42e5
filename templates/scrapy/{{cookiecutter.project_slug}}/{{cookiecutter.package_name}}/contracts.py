"""`@path`: a spider contract that checks a callback against a page of START_URL's site.

Scrapy's own `@url` takes an absolute URL, so `scrapy check` would always fetch that one
site. `@path /page.html` joins the path to the spider's start URL instead, so the same
contracts run against the local demo site, a staging copy or the real site:
`scrapy check -a start_url=http://127.0.0.1:8765/`.
See https://docs.scrapy.org/en/latest/topics/contracts.html
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import urljoin

from scrapy.contracts import Contract


class PathContract(Contract):
    """Sets the sample request's URL to the spider's start URL joined with a path.

    @path /some/page.html
    """

    name = "path"

    def __init__(self, method: Callable[..., Any], *args: Any) -> None:
        super().__init__(method, *args)
        # `method` is bound to the running spider: the path joins its start URL.
        self.spider = method.__self__  # type: ignore[attr-defined]

    def adjust_request_args(self, args: dict[str, Any]) -> dict[str, Any]:
        args["url"] = urljoin(self.spider.base_url, self.args[0])
        return args
