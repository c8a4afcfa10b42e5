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
from dash import Dash, Input, Output, callback, dcc, html
from dash.development.base_component import Component

from . import {% if cookiecutter.include_example == "yes" %}dashboard, {% endif %}not_found, settings{% if cookiecutter.include_example == "yes" %}, summary{% endif %}

# Dash copies `title` into the index page's <title> as it is, so escape the free text.
app = Dash(__name__, title=escape(settings.PROJECT_NAME))
{%- endif %}

# The Flask app under Dash: gunicorn serves it, and plain Flask routes can join it.
server = app.server
# Signs Flask's session cookie and Dash's per-page-load token (see settings.py).
server.secret_key = settings.SECRET_KEY

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
                        if page.get("nav", True)
                    ]
                ),
            ]
        ),
        # Where Dash renders the page that matches the URL, or pages/not_found_404.py.
        dash.page_container,
    ]
)
{%- else -%}
app.layout = html.Div(
    [
        html.Header(html.H1(settings.PROJECT_NAME)),
        # The browser's address; the router below renders the page that matches it.
        dcc.Location(id="url"),
        html.Main(id="page"),
    ]
)


def home() -> Component:
    """What `/` shows; a function, so each visit builds its components afresh."""
{%- if cookiecutter.include_example == "yes" %}
    return html.Div([dashboard.layout(), summary.layout()])
{%- else %}
    return html.Section(html.P(settings.DESCRIPTION))
{%- endif %}


# The router's table: each path, and the function that draws its page.
PAGES = {
    "/": home,
}

# The router draws a page only when its URL is visited, so Dash cannot find its
# components in app.layout: the validation layout draws every page once, for Dash's
# callback checks
# (https://dash.plotly.com/urls#dynamically-create-a-layout-for-multi-page-app-validation).
app.validation_layout = html.Div(
    [app.layout, not_found.layout(), *(draw() for draw in PAGES.values())]
)


@callback(Output("page", "children"), Input("url", "pathname"))
def route(pathname: str) -> Component:
    """Dash routing without Pages: the page for the path, or the not-found page."""
    draw = PAGES.get(pathname, not_found.layout)
    return draw()
{%- endif %}


@server.get("/health")
def health() -> dict[str, str]:
    """Liveness check for load balancers; Flask turns the dict into JSON.

    Flask answers HEAD for every GET route, with the same status and headers.
    """
    return {"status": "ok"}
