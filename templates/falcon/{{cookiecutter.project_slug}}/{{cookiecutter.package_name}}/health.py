"""The health check that load balancers and the Docker HEALTHCHECK poll."""

from __future__ import annotations

{% if cookiecutter.interface == "asgi" -%}
from falcon.asgi import Request, Response
{%- else -%}
from falcon import Request, Response
{%- endif %}


class HealthResource:
    """`/health`: answers while the process can serve requests.

    It touches no database: polled every few seconds, it must cost next to nothing.
    The database is checked once, when the app starts (see `create_app`).
    """

    {{ cookiecutter.__def }} on_get(self, req: Request, resp: Response) -> None:
        # resp.media is serialized as JSON, with a JSON content type.
        resp.media = {"status": "ok"}

    # Falcon answers HEAD only where a resource has `on_head`; running on_get gives the
    # same status and headers, and Falcon drops the body of a HEAD answer.
    on_head = on_get
