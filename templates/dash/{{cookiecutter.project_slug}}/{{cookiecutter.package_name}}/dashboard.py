"""The dashboard: a dropdown and a slider drive a plotly figure through a callback."""

import plotly.graph_objects as go
from dash import Input, Output, callback, dcc, html

from . import data, figures


def layout(**_query: str) -> html.Section:
    """Controls and graph; a function, so Dash builds it afresh on each page load.

    Dash Pages passes the URL's query parameters as keywords; this page needs none.
    """
    stations = data.stations()
    years = data.years()
    return html.Section(
        [
            html.H2("Dashboard"),
            html.Label("Station", htmlFor="station"),
            # Clearable (the default): the user can empty it; the callback gets None.
            dcc.Dropdown(id="station", options=stations, value=stations[0]),
            html.Label("Year", htmlFor="year"),
            dcc.Slider(
                id="year",
                min=years[0],
                max=years[-1],
                step=1,
                value=years[-1],
                marks={year: str(year) for year in years},
            ),
            dcc.Graph(id="weather-graph"),
        ]
    )


# @callback (not @app.callback) attaches to whichever Dash app runs, so this module
# needs no app import (https://dash.plotly.com/basic-callbacks).
@callback(
    Output("weather-graph", "figure"),
    Input("station", "value"),
    Input("year", "value"),
)
def update_graph(station: str | None, year: int) -> go.Figure:
    """Runs on page load and whenever the dropdown or the slider changes."""
    if station is None:
        return figures.empty_figure("Choose a station to plot its year.")
    return figures.weather_figure(station, year, data.monthly(station, year))
