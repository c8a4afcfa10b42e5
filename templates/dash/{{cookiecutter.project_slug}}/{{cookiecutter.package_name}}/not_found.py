"""The page shown for a path the app does not know."""

from dash import dcc, html


def layout(**_query: str) -> html.Section:
    """Dash passes the URL's query parameters as keywords; this page needs none."""
    return html.Section(
        [
            html.H2("Page not found"),
            html.P("There is no page at this address."),
            dcc.Link("Go to the home page", href="/"),
        ],
        id="not-found",
    )
