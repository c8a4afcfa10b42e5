"""CherryPy runs several HTTP servers at once: here, an internal one for health checks.

Each server is a `ServerAdapter` subscribed to the engine: they start and stop together.
https://docs.cherrypy.dev/en/latest/advanced.html#multiple-http-servers-support
"""

from __future__ import annotations

import cheroot.wsgi
import cherrypy
from cherrypy.process.servers import ServerAdapter

from .root import HealthCheck

# Always loopback, whatever HOST says: only local supervisors should reach it.
INTERNAL_HOST = "127.0.0.1"


def health_server(port: int) -> ServerAdapter:
    """A cheroot server on 127.0.0.1:`port` whose own application has only `/health`."""
    # An Application is a WSGI callable; it needs no mounting on cherrypy.tree.
    app = cherrypy.Application(HealthCheck(), script_name="")
    bind_addr = (INTERNAL_HOST, port)
    server = cheroot.wsgi.Server(bind_addr, app, numthreads=2)
    return ServerAdapter(cherrypy.engine, server, bind_addr)
