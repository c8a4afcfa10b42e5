"""Bare CherryPy app, run as `python -m bare.cherrypy` (CherryPy serves itself, via cheroot).

CherryPy's server is configured by the app, so this one takes the starter's own `server.*`
settings (threads, listen queue, ...) from its `server.conf` when served.py names the
starter's package in BARE_STARTER_PACKAGE: both then run the same server.
"""

from __future__ import annotations

import os
from pathlib import Path

import cherrypy
from cherrypy.lib import reprconf

from .notes import NOTES


class Api:
    @cherrypy.expose
    @cherrypy.tools.json_out()
    def notes(self) -> list[dict[str, object]]:
        return NOTES


class Root:
    api = Api()

    @cherrypy.expose
    @cherrypy.tools.json_out()
    def health(self) -> dict[str, str]:
        return {"status": "ok"}


def starter_server_settings() -> dict[str, object]:
    package = os.environ.get("BARE_STARTER_PACKAGE")
    conf = Path(package, "server.conf") if package else None
    if conf is None or not conf.is_file():
        return {}
    sections = reprconf.Parser().dict_from_file(str(conf))
    return {k: v for k, v in sections.get("global", {}).items() if k.startswith("server.")}


def main() -> None:
    cherrypy.config.update(
        {
            "environment": "production",
            **starter_server_settings(),
            "server.socket_host": os.environ.get("HOST", "127.0.0.1"),
            "server.socket_port": int(os.environ.get("PORT", "8000")),
        }
    )
    cherrypy.tree.mount(Root(), "/")
    cherrypy.engine.signals.subscribe()
    cherrypy.engine.start()
    cherrypy.engine.block()


if __name__ == "__main__":
    main()
