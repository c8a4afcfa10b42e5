"""The demo site: served on loopback, and the one-command crawl wrapper."""

from __future__ import annotations

import sys
import urllib.error
import urllib.request

import pytest

from {{ cookiecutter.package_name }} import demo_site


def fetch(url):
    with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - loopback
        return response.status, response.read().decode()


def test_demo_site_serves_pages_and_robots_txt(site_url):
    status, body = fetch(site_url)
    assert status == 200 and 'rel="next"' in body
    assert "Disallow: /staff/" in fetch(f"{site_url}robots.txt")[1]
    with pytest.raises(urllib.error.HTTPError) as missing:
        fetch(f"{site_url}nope.html")
    assert missing.value.code == 404
    missing.value.close()


def test_command_runs_with_start_url_on_the_served_site_and_its_exit_code():
    # urlopen raises (exit 1) unless START_URL is served; 3 shows the code is passed on.
    check = (
        "import os, urllib.request\n"
        "urllib.request.urlopen(os.environ['START_URL']).close()\n"
        "raise SystemExit(3)"
    )
    assert demo_site.main([sys.executable, "-c", check]) == 3


def test_serve_until_interrupted(monkeypatch, capsys):
    def interrupted(self):
        raise KeyboardInterrupt

    monkeypatch.setattr(demo_site.ThreadingHTTPServer, "serve_forever", interrupted)
    assert demo_site.main(["--port", "0"]) == 0
    assert "Demo site on http://127.0.0.1:" in capsys.readouterr().out
