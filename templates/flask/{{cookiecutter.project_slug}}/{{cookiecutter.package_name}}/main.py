"""The site's own pages: the home page and the health check.

https://flask.palletsprojects.com/en/stable/blueprints/
"""

from __future__ import annotations

from flask import Blueprint, render_template

bp = Blueprint("main", __name__)


@bp.get("/")
def index() -> str:
    return render_template("index.html")


@bp.get("/health")
def health() -> dict[str, str]:
    """For load balancers and the Docker HEALTHCHECK: answers while the app is up."""
    return {"status": "ok"}
