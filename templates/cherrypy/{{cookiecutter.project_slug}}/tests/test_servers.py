"""The optional second server: 127.0.0.1:HEALTH_PORT answers /health, nothing else."""

from __future__ import annotations

import http.client
import json

from . import support


class HealthServerTest(support.AppTestCase):
    # 0: the system picks a free port; the test reads the one it got.
    health_port = 0

    def request(self, path: str) -> http.client.HTTPResponse:
        host, port = self.plugins[-1].bound_addr
        conn = http.client.HTTPConnection(host, port, timeout=5)
        self.addCleanup(conn.close)
        conn.request("GET", path)
        return conn.getresponse()

    def test_health_on_the_internal_port(self) -> None:
        response = self.request("/health")
        assert response.status == 200
        assert json.loads(response.read()) == {"status": "ok"}

    def test_only_health_on_the_internal_port(self) -> None:
        response = self.request("/")
        assert response.status == 404

    def test_public_port_still_serves_everything(self) -> None:
        self.getPage("/")
        self.assertStatus(200)
