"""The yearly summary: a table of the chosen stations, redrawn on a button click."""

from dash import Input, Output, State, callback, dcc, html

from . import data

COLUMNS = ("Station", "Mean °C", "Min °C", "Max °C", "Rainfall mm")


def summary_table(year: int, stations: list[str] | None) -> html.Table | html.P:
    """The table, or a hint when the selection leaves nothing to summarise."""
    # A multi dropdown the user has emptied sends [] (or None before any choice).
    summaries = data.summarise(year, stations or [])
    if not summaries:
        return html.P("Choose at least one station to see its summary.")
    rows = [
        html.Tr(
            [
                html.Td(summary.station),
                html.Td(summary.mean_temperature_c),
                html.Td(summary.min_temperature_c),
                html.Td(summary.max_temperature_c),
                html.Td(summary.total_rainfall_mm),
            ]
        )
        for summary in summaries
    ]
    return html.Table(
        [
            html.Caption(f"Weather in {year}"),
            html.Thead(html.Tr([html.Th(column) for column in COLUMNS])),
            html.Tbody(rows),
        ]
    )


def layout(**_query: str) -> html.Section:
    """Dash Pages passes the URL's query parameters as keywords; none are needed."""
    latest = data.years()[-1]
    stations = data.stations()
    return html.Section(
        [
            html.H2("Yearly summary"),
            html.Label("Year", htmlFor="summary-year"),
            dcc.Dropdown(
                id="summary-year", options=data.years(), value=latest, clearable=False
            ),
            html.Label("Stations", htmlFor="summary-stations"),
            # multi=True makes the value a list, which the user can empty.
            dcc.Dropdown(
                id="summary-stations", options=stations, value=stations, multi=True
            ),
            html.Button("Summarise", id="summarise"),
            html.Div(summary_table(latest, stations), id="summary-table"),
        ]
    )


# State hands the callback the dropdowns' values without firing on their changes: only
# the button does. prevent_initial_call skips the run on page load, since layout()
# already drew the table (https://dash.plotly.com/basic-callbacks#dash-app-with-state).
@callback(
    Output("summary-table", "children"),
    Input("summarise", "n_clicks"),
    State("summary-year", "value"),
    State("summary-stations", "value"),
    prevent_initial_call=True,
)
def update_summary(
    _n_clicks: int, year: int, stations: list[str] | None
) -> html.Table | html.P:
    return summary_table(year, stations)
