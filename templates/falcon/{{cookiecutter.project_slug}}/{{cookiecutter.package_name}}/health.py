"""The health check that load balancers and the Docker HEALTHCHECK poll."""

from __future__ import annotations

{% if cookiecutter.interface == "asgi" -%}
from falcon.asgi import Request, Response
{%- else -%}
from falcon import Request, Response
{%- endif %}


class HealthResource:
    """`/health`: answers while the process can serve requests."""

    {{ cookiecutter.__def }} on_get(self, req: Request, resp: Response) -> None:
        # resp.media is serialized as JSON, with a JSON content type.
        resp.media = {"status": "ok"}
