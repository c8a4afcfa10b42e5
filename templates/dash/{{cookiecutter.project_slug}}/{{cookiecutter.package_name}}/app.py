"""The Dash app: its page shell, the Flask server under it, and the health check."""

from html import escape

{% if cookiecutter.pages == "yes" -%}
import dash
from dash import Dash, dcc, html

from . import settings

# Dash copies `title` into the index page's <title> as it is, so escape the free text.
# use_pages=True imports every module in pages/ (https://dash.plotly.com/urls).
app = Dash(__name__, title=escape(settings.PROJECT_NAME), use_pages=True)
{%- else -%}
from dash import Dash, html

from . import {% if cookiecutter.include_example == "yes" %}dashboard, {% endif %}settings{% if cookiecutter.include_example == "yes" %}, summary{% endif %}

# Dash copies `title` into the index page's <title> as it is, so escape the free text.
app = Dash(__name__, title=escape(settings.PROJECT_NAME))
{%- endif %}

# The Flask app under Dash: gunicorn serves it, and plain Flask routes can join it.
server = app.server

{% if cookiecutter.pages == "yes" -%}
app.layout = html.Div(
    [
        html.Header(
            [
                html.H1(settings.PROJECT_NAME),
                # Dash fills page_registry from pages/ when the app is created.
                html.Nav(
                    [
                        dcc.Link(page["name"], href=page["relative_path"])
                        for page in dash.page_registry.values()
                    ]
                ),
            ]
        ),
        # Where Dash renders the page that matches the URL.
        dash.page_container,
    ]
)
{%- elif cookiecutter.include_example == "yes" -%}
app.layout = html.Div(
    [
        html.Header(html.H1(settings.PROJECT_NAME)),
        html.Main([dashboard.layout(), summary.layout()]),
    ]
)
{%- else -%}
app.layout = html.Div(
    [
        html.Header(html.H1(settings.PROJECT_NAME)),
        html.Main(html.P(settings.DESCRIPTION)),
    ]
)
{%- endif %}


@server.get("/health")
def health() -> dict[str, str]:
    """Liveness check for load balancers; Flask turns the dict into JSON."""
    return {"status": "ok"}
